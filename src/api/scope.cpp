#include "scope.h"

namespace hotline::api {

Status CheckAgentScope(const Caller& caller, const std::string& agent, const CenterConfig& center) {
    const AgentConfig* a = center.FindAgent(AgentId{agent});
    if (a == nullptr) {
        return NotFound("unknown agent \"" + agent + "\"");
    }
    if (auth::SeesWholeCenter(caller.role)) {
        return Status::Ok();
    }
    if (caller.role == auth::Role::kAgent) {
        if (caller.agent == agent) {
            return Status::Ok();
        }
        return PermissionDenied("an agent acts only for itself, not for \"" + agent + "\"");
    }
    if (!caller.team.empty() && a->team.str() == caller.team) {
        return Status::Ok();
    }
    return PermissionDenied("agent \"" + agent + "\" is not in your team");
}

Status CheckContactScope(const Caller& caller, const std::string& id,
                         const routing::RestoredContact* contact, const CenterConfig& center) {
    if (contact == nullptr) {
        return NotFound("unknown interaction \"" + id + "\" (or already ended)");
    }
    if (auth::SeesWholeCenter(caller.role)) {
        return Status::Ok();
    }
    if (contact->agent.empty()) {
        return PermissionDenied("interaction \"" + id + "\" is not with an agent of yours");
    }
    Status st = CheckAgentScope(caller, contact->agent.str(), center);
    if (st.code() == ErrorCode::kPermissionDenied) {
        return PermissionDenied("interaction \"" + id + "\" is with another agent");
    }
    return st;
}

}  // namespace hotline::api
