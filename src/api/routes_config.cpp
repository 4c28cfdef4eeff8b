// The configuration: the whole YAML document (GET / PUT /api/v1/config), its entities one at a
// time (/api/v1/config/{collection}[/{id}]), and the users. Every change is validated by the
// loader `hotline check-config` uses, stored as a new version, then applied to the running
// engine, which keeps its contacts and agents' states across the change.
#include <boost/json.hpp>
#include <future>

#include "api.h"
#include "config_edit.h"
#include "hotline/config/loader.h"
#include "hotline/core/utf8.h"
#include "json_body.h"
#include "route_roles.h"

namespace hotline::api {
namespace json = boost::json;

namespace {

Timestamp WallNow() {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

json::object ValidationError(const std::string& yaml,
                             const std::vector<config::Diagnostic>& errors) {
    json::array list;
    for (const FieldError& f : LocateErrors(yaml, errors)) {
        list.push_back(json::object{{"field", ValidUtf8(f.field)},
                                    {"message", ValidUtf8(f.message)},
                                    {"line", f.line},
                                    {"column", f.column}});
    }
    std::string first =
        errors.empty() ? "invalid configuration" : ValidUtf8(errors.front().message);
    return json::object{
        {"error",
         json::object{
             {"code", "invalid_config"},
             {"message",
              first + (errors.size() > 1 ? " (and " + std::to_string(errors.size() - 1) + " more)"
                                         : "")},
             {"errors", std::move(list)}}}};
}

// Validates, stores and applies a new document; answers the call. Runs on a worker thread with
// the configuration lock held.
void Apply(const CallPtr& call, const std::string& yaml, const std::string& what, int ok_status,
           json::object ok_body) {
    config::LoadResult loaded = config::LoadCenterFromString(yaml, "config");
    if (!loaded.ok()) {
        return call->Json(422, ValidationError(yaml, loaded.errors));
    }
    Api& api = call->api;
    const Timestamp now = WallNow();
    if (Status st = api.store().PutConfig(yaml, call->caller.username, now); !st.ok()) {
        return call->Fail(st);
    }
    std::promise<Status> applied;
    api.live().Reconfigure(loaded.center, yaml,
                           [&applied](const Status& st) { applied.set_value(st); });
    Status st = applied.get_future().get();
    if (!st.ok()) {
        return call->Fail(st);
    }
    api.SetCenter(std::make_shared<const CenterConfig>(loaded.center), yaml);
    (void)api.store().Audit(
        store::AuditEntry{0, now, call->caller.username, "config_change", what, ""});
    ok_body["summary"] = config::Summarize(loaded.center);
    call->Json(ok_status, ok_body);
}

void Locked(const CallPtr& call, std::function<void()> work) {
    call->api.Offload(call, [call, work = std::move(work)] {
        std::lock_guard lock(call->api.config_mutex());
        work();
    });
}

json::object UserJson(const store::User& u) {
    return json::object{{"username", u.username},
                        {"role", u.role},
                        {"agent", u.agent},
                        {"team", u.team},
                        {"display_name", u.display_name},
                        {"disabled", u.disabled}};
}

// Checks a user's fields against the roles and the configuration.
Status CheckUser(const store::User& u, const CenterConfig& center) {
    if (!auth::ParseRole(u.role)) {
        return InvalidArgument(
            "field \"role\": must be one of agent, team_leader, shift_leader, "
            "supervisor, manager, qa, admin");
    }
    if (u.role == "agent") {
        if (u.agent.empty()) {
            return InvalidArgument("field \"agent\": an agent user needs the agent id it is");
        }
        if (center.FindAgent(AgentId{u.agent}) == nullptr) {
            return InvalidArgument("field \"agent\": unknown agent \"" + u.agent + "\"");
        }
    }
    if (u.role == "team_leader" && u.team.empty()) {
        return InvalidArgument("field \"team\": a team leader needs the team it leads");
    }
    if (!u.team.empty() &&
        std::none_of(center.teams.begin(), center.teams.end(),
                     [&](const TeamConfig& t) { return t.id.str() == u.team; })) {
        return InvalidArgument("field \"team\": unknown team \"" + u.team + "\"");
    }
    return Status::Ok();
}

// Reads a user from a body; `existing` supplies what a PUT leaves out (the password above all).
Result<store::User> UserFrom(const json::object& body, const std::string& username,
                             const store::User* existing, const CenterConfig& center) {
    BodyReader r(body);
    r.OnlyKnown({"username", "password", "role", "agent", "team", "display_name", "disabled"});
    store::User u = existing ? *existing : store::User{};
    u.username = username;
    const std::string password = r.String("password", existing == nullptr, 1024);
    const std::string role = r.String("role", existing == nullptr, 32);
    if (!role.empty()) {
        u.role = role;
    }
    if (body.contains("agent")) {
        u.agent = r.String("agent", false, 64);
    }
    if (body.contains("team")) {
        u.team = r.String("team", false, 64);
    }
    if (body.contains("display_name")) {
        u.display_name = r.String("display_name", false, 128);
    }
    u.disabled = r.Bool("disabled", u.disabled);
    RETURN_IF_ERROR(r.status());
    if (!password.empty()) {
        if (password.size() < 8) {
            return InvalidArgument("field \"password\": at least 8 characters");
        }
        ASSIGN_OR_RETURN(u.password_hash, auth::HashPassword(password));
    }
    if (u.role == "team_leader" && u.team.empty()) {
        // A team leader named as a team's leader in the configuration leads that team.
        for (const auto& t : center.teams) {
            if (!u.agent.empty() && t.leader.str() == u.agent) {
                u.team = t.id.str();
            }
        }
    }
    if (u.role == "agent" && u.team.empty() && !u.agent.empty()) {
        if (const AgentConfig* a = center.FindAgent(AgentId{u.agent})) {
            u.team = a->team.str();
        }
    }
    RETURN_IF_ERROR(CheckUser(u, center));
    return u;
}

bool ValidId(const std::string& id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    });
}

}  // namespace

void Api::AddConfigRoutes() {
    Register(RouteSpec{"GET",
                       "/api/v1/config",
                       roles::ConfigReaders(),
                       false,
                       "config",
                       "export the configuration (YAML)",
                       "",
                       {},
                       [](const CallPtr& call) {
                           call->Text(200, "application/yaml; charset=utf-8",
                                      call->api.center_yaml());
                       }});
    Register(RouteSpec{
        "PUT",
        "/api/v1/config",
        roles::ConfigWriters(),
        false,
        "config",
        "import a whole configuration (YAML, validated as check-config does)",
        R"j({"type":"string","description":"the center's YAML, see docs/configuration.md"})j",
        {},
        [](const CallPtr& call) {
            if (call->req.body.size() > (size_t{4} << 20)) {
                return call->Error(413, "too_large", "a configuration is at most 4 MiB");
            }
            Locked(call, [call] {
                Apply(call, call->req.body, "config", 200, json::object{{"ok", true}});
            });
        }});

    for (const Collection& c : Collections()) {
        const std::string base = "/api/v1/config/" + c.name;
        Register(RouteSpec{"GET",
                           base,
                           roles::ConfigReaders(),
                           false,
                           "config",
                           "list " + c.name,
                           "",
                           {},
                           [c](const CallPtr& call) {
                               auto list = ListEntities(call->api.center_yaml(), c);
                               if (!list.ok()) {
                                   return call->Fail(list.status());
                               }
                               call->Json(200, json::object{{c.name, std::move(list).value()}});
                           }});
        Register(RouteSpec{"GET",
                           base + "/{id}",
                           roles::ConfigReaders(),
                           false,
                           "config",
                           "read one of " + c.name,
                           "",
                           {},
                           [c](const CallPtr& call) {
                               auto e = GetEntity(call->api.center_yaml(), c, call->Param("id"));
                               if (!e.ok()) {
                                   return call->Fail(e.status());
                               }
                               call->Json(200, e.value());
                           }});
        auto write = [this, c, base](const std::string& method, const std::string& pattern,
                                     EditOp op, const std::string& summary) {
            Register(RouteSpec{
                method,
                pattern,
                roles::ConfigWriters(),
                false,
                "config",
                summary,
                op == EditOp::kDelete
                    ? ""
                    : R"({"type":"object","description":"the fields of docs/configuration.md"})",
                {},
                [c, op](const CallPtr& call) {
                    json::object entity;
                    std::string id;
                    if (op != EditOp::kDelete) {
                        auto body = ParseJsonObject(call->req.body);
                        if (!body.ok()) {
                            return call->Fail(body.status());
                        }
                        entity = std::move(body).value();
                    }
                    if (op == EditOp::kCreate) {
                        auto it = entity.find("id");
                        if (it == entity.end() || !it->value().is_string()) {
                            return call->Error(400, "invalid_argument",
                                               "field \"id\": is required");
                        }
                        id = std::string(it->value().as_string());
                    } else {
                        id = call->Param("id");
                        if (auto it = entity.find("id");
                            it != entity.end() &&
                            (!it->value().is_string() || it->value().as_string() != id)) {
                            return call->Error(400, "invalid_argument",
                                               "field \"id\": cannot change (it is in the URL)");
                        }
                    }
                    if (!ValidId(id)) {
                        return call->Error(400, "invalid_argument",
                                           "field \"id\": letters, digits, _ - . only, at most 64");
                    }
                    auto shared = std::make_shared<json::object>(std::move(entity));
                    Locked(call, [call, c, op, id, shared] {
                        auto edited = EditEntity(call->api.center_yaml(), c, op, id,
                                                 op == EditOp::kDelete ? nullptr : shared.get());
                        if (!edited.ok()) {
                            return call->Fail(edited.status());
                        }
                        Apply(call, *edited, c.name + "/" + id, op == EditOp::kCreate ? 201 : 200,
                              json::object{{"id", id}});
                    });
                }});
        };
        write("POST", base, EditOp::kCreate, "add one of " + c.name);
        write("PUT", base + "/{id}", EditOp::kReplace, "replace one of " + c.name);
        write("DELETE", base + "/{id}", EditOp::kDelete, "delete one of " + c.name);
    }

    // ---- users ----
    const std::string user_schema =
        R"({"type":"object","properties":{"username":{"type":"string"},"password":{"type":"string","minLength":8},"role":{"enum":["agent","team_leader","shift_leader","supervisor","manager","qa","admin"]},"agent":{"type":"string"},"team":{"type":"string"},"display_name":{"type":"string"},"disabled":{"type":"boolean"}}})";
    Register(RouteSpec{"GET",
                       "/api/v1/users",
                       roles::UserAdmins(),
                       false,
                       "users",
                       "list users",
                       "",
                       {},
                       [](const CallPtr& call) {
                           call->api.Offload(call, [call] {
                               auto users = call->api.store().Users();
                               if (!users.ok()) {
                                   return call->Fail(users.status());
                               }
                               json::array list;
                               for (const auto& u : *users) {
                                   list.push_back(UserJson(u));
                               }
                               call->Json(200, json::object{{"users", std::move(list)}});
                           });
                       }});
    Register(RouteSpec{"GET",
                       "/api/v1/users/{username}",
                       roles::UserAdmins(),
                       false,
                       "users",
                       "read a user",
                       "",
                       {},
                       [](const CallPtr& call) {
                           call->api.Offload(call, [call] {
                               auto u = call->api.store().FindUser(call->Param("username"));
                               if (!u.ok()) {
                                   return call->Fail(u.status());
                               }
                               call->Json(200, UserJson(*u));
                           });
                       }});
    Register(RouteSpec{
        "POST",
        "/api/v1/users",
        roles::UserAdmins(),
        false,
        "users",
        "add a user",
        user_schema,
        {},
        [](const CallPtr& call) {
            auto body = ParseJsonObject(call->req.body);
            if (!body.ok()) {
                return call->Fail(body.status());
            }
            auto it = body->find("username");
            if (it == body->end() || !it->value().is_string() ||
                !ValidId(std::string(it->value().as_string()))) {
                return call->Error(400, "invalid_argument",
                                   "field \"username\": required; letters, digits, _ - . only");
            }
            const std::string username(it->value().as_string());
            auto shared = std::make_shared<json::object>(std::move(body).value());
            Locked(call, [call, username, shared] {
                if (call->api.store().FindUser(username).ok()) {
                    return call->Error(409, "conflict", "user \"" + username + "\" exists already");
                }
                auto u = UserFrom(*shared, username, nullptr, *call->api.center());
                if (!u.ok()) {
                    return call->Fail(u.status());
                }
                if (Status st = call->api.store().PutUser(*u); !st.ok()) {
                    return call->Fail(st);
                }
                (void)call->api.store().Audit(store::AuditEntry{0, WallNow(), call->caller.username,
                                                                "user_create", username, u->role});
                call->Json(201, UserJson(*u));
            });
        }});
    Register(RouteSpec{
        "PUT",
        "/api/v1/users/{username}",
        roles::UserAdmins(),
        false,
        "users",
        "change a user (role, team, password, disabled)",
        user_schema,
        {},
        [](const CallPtr& call) {
            auto body = ParseJsonObject(call->req.body);
            if (!body.ok()) {
                return call->Fail(body.status());
            }
            const std::string username = call->Param("username");
            auto shared = std::make_shared<json::object>(std::move(body).value());
            Locked(call, [call, username, shared] {
                auto existing = call->api.store().FindUser(username);
                if (!existing.ok()) {
                    return call->Fail(existing.status());
                }
                auto u = UserFrom(*shared, username, &*existing, *call->api.center());
                if (!u.ok()) {
                    return call->Fail(u.status());
                }
                if (Status st = call->api.store().PutUser(*u); !st.ok()) {
                    return call->Fail(st);
                }
                const bool revoke = u->disabled || u->password_hash != existing->password_hash ||
                                    u->role != existing->role;
                call->api.auth().UserChanged(username, revoke);
                (void)call->api.store().Audit(store::AuditEntry{0, WallNow(), call->caller.username,
                                                                "user_change", username, u->role});
                call->Json(200, UserJson(*u));
            });
        }});
    Register(RouteSpec{"DELETE",
                       "/api/v1/users/{username}",
                       roles::UserAdmins(),
                       false,
                       "users",
                       "delete a user (its logins end)",
                       "",
                       {},
                       [](const CallPtr& call) {
                           const std::string username = call->Param("username");
                           if (username == call->caller.username) {
                               return call->Error(409, "conflict", "you cannot delete yourself");
                           }
                           Locked(call, [call, username] {
                               if (Status st = call->api.store().DeleteUser(username); !st.ok()) {
                                   return call->Fail(st);
                               }
                               call->api.auth().UserChanged(username, true);
                               (void)call->api.store().Audit(
                                   store::AuditEntry{0, WallNow(), call->caller.username,
                                                     "user_delete", username, ""});
                               call->Json(200, json::object{{"ok", true}});
                           });
                       }});
}

}  // namespace hotline::api
