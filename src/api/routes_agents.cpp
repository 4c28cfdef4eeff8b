// Agents' states: log in, log out, ready / not ready with a reason. An agent changes only its
// own state; a team leader its team's; the floor's leads anyone's.
#include <boost/json.hpp>

#include "api.h"
#include "json_body.h"
#include "route_roles.h"
#include "scope.h"

namespace hotline::api {
namespace json = boost::json;

namespace {

json::object AgentStateJson(const routing::Engine& e, const std::string& agent) {
    const auto a = e.Agent(AgentId{agent});
    if (!a) {
        return json::object{{"agent", agent}, {"state", "logged_out"}};
    }
    return json::object{{"agent", agent},
                        {"state", routing::AgentStateName(a->state)},
                        {"reason", a->reason},
                        {"time_in_state_s", ToSeconds(a->time_in_state)},
                        {"contacts", a->contacts}};
}

using AgentFn = std::function<Status(routing::Engine&, const AgentId&, const json::object&)>;

void AgentCommand(const CallPtr& call, AgentFn fn) {
    auto body = ParseJsonObject(call->req.body, /*empty_ok=*/true);
    if (!body.ok()) {
        return call->Fail(body.status());
    }
    const std::string agent = call->Param("id");
    auto result = std::make_shared<json::object>();
    auto shared_body = std::make_shared<json::object>(std::move(body).value());
    call->api.live().Command(
        [call, agent, fn = std::move(fn), result, shared_body](routing::Engine& e,
                                                               LiveView& v) -> Status {
            RETURN_IF_ERROR(CheckAgentScope(call->caller, agent, v.center));
            RETURN_IF_ERROR(fn(e, AgentId{agent}, *shared_body));
            *result = AgentStateJson(e, agent);
            return Status::Ok();
        },
        [call, result](const Status& st) {
            if (!st.ok()) {
                return call->Fail(st);
            }
            call->Json(200, *result);
        });
}

}  // namespace

void Api::AddAgentRoutes() {
    Register(RouteSpec{"POST",
                       "/api/v1/agents/{id}/login",
                       roles::AgentStateChangers(),
                       false,
                       "agents",
                       "log an agent in",
                       R"({"type":"object","properties":{"ready":{"type":"boolean"}}})",
                       {},
                       [](const CallPtr& call) {
                           AgentCommand(call, [](routing::Engine& e, const AgentId& a,
                                                 const json::object& body) {
                               BodyReader r(body);
                               r.OnlyKnown({"ready"});
                               const bool ready = r.Bool("ready", false);
                               RETURN_IF_ERROR(r.status());
                               return e.Login(a, ready);
                           });
                       }});
    Register(RouteSpec{"POST",
                       "/api/v1/agents/{id}/logout",
                       roles::AgentStateChangers(),
                       false,
                       "agents",
                       "log an agent out",
                       "",
                       {},
                       [](const CallPtr& call) {
                           AgentCommand(call, [](routing::Engine& e, const AgentId& a,
                                                 const json::object&) { return e.Logout(a); });
                       }});
    Register(RouteSpec{
        "POST",
        "/api/v1/agents/{id}/state",
        roles::AgentStateChangers(),
        false,
        "agents",
        "set an agent ready or not ready (示闲 / 示忙 with a reason)",
        R"({"type":"object","required":["state"],"properties":{"state":{"enum":["ready","not_ready"]},"reason":{"type":"string"}}})",
        {},
        [](const CallPtr& call) {
            AgentCommand(
                call, [](routing::Engine& e, const AgentId& a, const json::object& body) -> Status {
                    BodyReader r(body);
                    r.OnlyKnown({"state", "reason"});
                    const std::string state = r.OneOf("state", {"ready", "not_ready"}, true);
                    const std::string reason = r.String("reason", false, 64);
                    RETURN_IF_ERROR(r.status());
                    if (state == "ready") {
                        if (!reason.empty()) {
                            return InvalidArgument("field \"reason\": only for not_ready");
                        }
                        return e.SetReady(a);
                    }
                    return e.SetNotReady(a, reason.empty() ? "other" : reason);
                });
        }});
}

}  // namespace hotline::api
