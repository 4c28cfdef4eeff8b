#include "api.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/json.hpp>
#include <chrono>

#include "hotline/core/event_codec.h"
#include "hotline/core/json_text.h"
#include "hotline/core/utf8.h"
#include "ivr_calls.h"

namespace hotline::api {
namespace json = boost::json;

int HttpStatusOf(const Status& st) {
    switch (st.code()) {
        case ErrorCode::kOk:
            return 200;
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kFailedPrecondition:
            return 409;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
        case ErrorCode::kPermissionDenied:
            return 403;
    }
    return 500;
}

std::string_view ErrorCodeOf(const Status& st) {
    return ErrorCodeName(st.code());  // the same names as everywhere else
}

// ---- Call ----

void Call::Send(HttpResponse r) {
    if (answered_) {
        return;
    }
    answered_ = true;
    reply_(std::move(r));
}

void Call::Json(int status, const json::value& body) {
    HttpResponse r;
    r.status = status;
    r.body = PlainJson(body);
    Send(std::move(r));
}

void Call::Text(int status, std::string content_type, std::string body) {
    HttpResponse r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    Send(std::move(r));
}

HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
    HttpResponse r;
    r.status = status;
    // Messages quote what the client sent, which need not be UTF-8; JSON must be.
    r.body = json::serialize(
        json::object{{"error", json::object{{"code", code}, {"message", ValidUtf8(message)}}}});
    return r;
}

void Call::Error(int status, std::string_view code, std::string message) {
    Send(ErrorResponse(status, code, message));
}

void Call::Fail(const Status& st) {
    Error(HttpStatusOf(st), ErrorCodeOf(st), st.message());
}

void ReadFor(const CallPtr& call, std::function<void(LiveView&)> read) {
    call->api.live().Read([call, read = std::move(read)](LiveView& v) {
        try {
            read(v);
        } catch (const std::exception& e) {
            call->Error(500, "internal", std::string("internal error: ") + e.what());
        }
    });
}

// ---- Api ----

Api::Api(LiveCenter& live, store::Store& store, ApiOptions options)
    : live_(live),
      store_(store),
      options_(std::move(options)),
      auth_(std::make_unique<AuthService>(store, options_.token_ttl)),
      workers_(std::make_unique<boost::asio::thread_pool>(2)),
      ivr_(std::make_unique<IvrCalls>()) {
    AddAuthRoutes();
    AddConfigRoutes();
    AddContactRoutes();
    AddAgentRoutes();
    AddViewRoutes();
    AddMetaRoutes();
}

Api::~Api() {
    workers_->join();
}

void Api::Offload(const CallPtr& call, std::function<void()> work) {
    boost::asio::post(*workers_, [call, work = std::move(work)] {
        try {
            work();
        } catch (const std::exception& e) {
            call->Error(500, "internal", std::string("internal error: ") + e.what());
        }
    });
}

void Api::Register(RouteSpec spec) {
    routes_.push_back(std::move(spec));
}

std::shared_ptr<const CenterConfig> Api::center() const {
    std::lock_guard lock(center_mu_);
    return center_;
}

std::string Api::center_yaml() const {
    std::lock_guard lock(center_mu_);
    return center_yaml_;
}

void Api::SetCenter(std::shared_ptr<const CenterConfig> c, std::string yaml) {
    std::lock_guard lock(center_mu_);
    center_ = std::move(c);
    center_yaml_ = std::move(yaml);
}

namespace {

// Matches "/api/v1/agents/{id}/state" against a path, filling the parameters.
bool Match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string>& params) {
    params.clear();
    while (!pattern.empty() || !path.empty()) {
        if (pattern.empty() || path.empty()) {
            return false;
        }
        if (pattern.front() != '/' || path.front() != '/') {
            return false;
        }
        pattern.remove_prefix(1);
        path.remove_prefix(1);
        const size_t pe = std::min(pattern.find('/'), pattern.size());
        const size_t se = std::min(path.find('/'), path.size());
        std::string_view pseg = pattern.substr(0, pe), seg = path.substr(0, se);
        if (pseg.size() > 2 && pseg.front() == '{' && pseg.back() == '}') {
            if (seg.empty()) {
                return false;
            }
            params[std::string(pseg.substr(1, pseg.size() - 2))] = std::string(seg);
        } else if (pseg != seg) {
            return false;
        }
        pattern.remove_prefix(pe);
        path.remove_prefix(se);
    }
    return true;
}

}  // namespace

void Api::Handle(HttpRequest req, Reply reply) {
    const auto started = std::chrono::steady_clock::now();
    const RouteSpec* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;
    for (const RouteSpec& r : routes_) {
        if (Match(r.pattern, req.path, params)) {
            path_known = true;
            if (r.method == req.method) {
                route = &r;
                break;
            }
        }
    }
    const std::string label = route ? route->method + " " + route->pattern : "unmatched";
    auto timed = [this, label, started, reply = std::move(reply)](HttpResponse r) {
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        metrics_.Observe(label, r.status, s);
        reply(std::move(r));
    };
    auto call = std::make_shared<Call>(*this, std::move(req), std::move(timed));
    if (route == nullptr) {
        if (path_known) {
            call->Error(405, "method_not_allowed",
                        call->req.method + " is not allowed on " + call->req.path);
        } else {
            call->Error(404, "not_found", "no such route: " + call->req.path);
        }
        return;
    }
    call->params = std::move(params);
    for (const auto& [key, value] : call->params) {
        if (value.size() > 128) {
            call->Error(400, "invalid_argument", "path parameter {" + key + "} is too long");
            return;
        }
    }
    if (!route->is_public) {
        auto who = auth_->Authenticate(call->req);
        if (auto* err = std::get_if<AuthError>(&who)) {
            call->Error(err->http_status, err->code, err->message);
            return;
        }
        call->caller = std::get<Caller>(who);
        if (!route->roles.Has(call->caller.role)) {
            call->Error(403, "forbidden",
                        "role " + std::string(auth::RoleName(call->caller.role)) + " may not " +
                            route->summary);
            return;
        }
    }
    try {
        route->handler(call);
    } catch (const std::exception& e) {
        call->Error(500, "internal", std::string("internal error: ") + e.what());
    }
}

bool Api::Visible(const Caller& caller, const Event& e, const CenterConfig& center,
                  std::string_view owner) const {
    if (auth::SeesWholeCenter(caller.role)) {
        return true;
    }
    std::string agent;
    std::visit(
        [&](const auto& body) {
            if constexpr (requires { body.agent; }) {
                agent = body.agent.str();
            }
        },
        e.body);
    if (agent.empty()) {
        agent = owner;
    }
    if (agent.empty()) {
        // Contact events before any agent (arrive, enqueue, abandon…) and merges: the queues'
        // picture, which a team leader's wallboard shows; an agent sees only its own.
        return caller.role == auth::Role::kTeamLeader;
    }
    if (caller.role == auth::Role::kAgent) {
        return agent == caller.agent;
    }
    const AgentConfig* a = center.FindAgent(AgentId{agent});
    return a != nullptr && a->team.str() == caller.team;
}

json::object Api::EventJson(int64_t seq, const Event& e, bool unmasked) const {
    json::value v = json::parse(EventToJson(e));
    json::object& o = v.as_object();
    if (seq > 0) {
        o["seq"] = seq;
    }
    if (!unmasked) {
        for (const char* key : {"from", "to", "number"}) {
            if (auto* f = o.if_contains(key); f && f->is_string()) {
                f->emplace_string() = auth::MaskPhone(std::string(f->as_string()));
            }
        }
        if (auto* f = o.if_contains("customer"); f && f->is_string()) {
            f->emplace_string() = auth::MaskText(std::string(f->as_string()));
        }
    }
    return std::move(o);
}

Status Api::AuditUnmasked(const Caller& caller, const std::string& what, const std::string& where) {
    if (!auth::MaySeePersonalData(caller.role)) {
        return PermissionDenied("role " + std::string(auth::RoleName(caller.role)) +
                                " may not see personal data unmasked");
    }
    const Timestamp now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
    Status st =
        store_.Audit(store::AuditEntry{0, now, caller.username, "read_personal_data", what, where});
    if (!st.ok()) {
        // No audit, no data.
        return Status(ErrorCode::kUnavailable, "the audit log cannot be written: " + st.message());
    }
    return Status::Ok();
}

std::optional<bool> Api::Unmask(const CallPtr& call, const std::string& what) {
    auto it = call->req.query.find("unmask");
    if (it == call->req.query.end() || it->second == "false" || it->second == "0") {
        return false;
    }
    if (it->second != "true" && it->second != "1") {
        call->Error(400, "invalid_argument", "query parameter unmask must be true or false");
        return std::nullopt;
    }
    if (Status st = AuditUnmasked(call->caller, what, call->req.method + " " + call->req.path);
        !st.ok()) {
        call->Fail(st);
        return std::nullopt;
    }
    return true;
}

}  // namespace hotline::api
