// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me.
#include <boost/json.hpp>

#include "api.h"
#include "json_body.h"
#include "route_roles.h"

namespace hotline::api {
namespace json = boost::json;

namespace {

json::object CallerJson(const Caller& c) {
    return json::object{{"username", c.username},
                        {"role", auth::RoleName(c.role)},
                        {"role_label", auth::RoleLabelZh(c.role)},
                        {"agent", c.agent},
                        {"team", c.team},
                        {"display_name", c.display_name},
                        {"may_see_personal_data", auth::MaySeePersonalData(c.role)}};
}

}  // namespace

void Api::AddAuthRoutes() {
    Register(RouteSpec{
        "POST",
        "/api/v1/auth/login",
        {},
        true,
        "auth",
        "log in",
        R"({"type":"object","required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string"}}})",
        {},
        [](const CallPtr& call) {
            auto body = ParseJsonObject(call->req.body);
            if (!body.ok()) {
                return call->Fail(body.status());
            }
            BodyReader r(*body);
            r.OnlyKnown({"username", "password"});
            std::string username = r.String("username", true, 64);
            std::string password = r.String("password", true, 1024);
            if (!r.ok()) {
                return call->Fail(r.status());
            }
            call->api.Offload(call, [call, username, password] {
                auto result = call->api.auth().Login(username, password);
                if (auto* err = std::get_if<AuthError>(&result)) {
                    HttpResponse resp = ErrorResponse(err->http_status, err->code, err->message);
                    if (err->retry_after_s > 0) {
                        resp.headers.emplace_back("Retry-After",
                                                  std::to_string(err->retry_after_s));
                    }
                    return call->Send(std::move(resp));
                }
                const LoginResult& ok = std::get<LoginResult>(result);
                HttpResponse resp;
                json::object o = CallerJson(ok.caller);
                o["token"] = ok.token;
                o["expires"] = ToMillis(ok.expires);
                resp.body = json::serialize(o);
                const auto max_age =
                    std::chrono::duration_cast<std::chrono::seconds>(call->api.options().token_ttl);
                resp.headers.emplace_back("Set-Cookie",
                                          "hotline_token=" + ok.token +
                                              "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                              std::to_string(max_age.count()));
                call->Send(std::move(resp));
            });
        }});
    Register(RouteSpec{"POST",
                       "/api/v1/auth/logout",
                       roles::Everyone(),
                       false,
                       "auth",
                       "log out (the token is revoked)",
                       "",
                       {},
                       [](const CallPtr& call) {
                           call->api.auth().Logout(call->caller);
                           HttpResponse resp;
                           resp.body = R"({"ok":true})";
                           resp.headers.emplace_back(
                               "Set-Cookie",
                               "hotline_token=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
                           call->Send(std::move(resp));
                       }});
    Register(RouteSpec{"GET",
                       "/api/v1/me",
                       roles::Everyone(),
                       false,
                       "auth",
                       "see who is logged in",
                       "",
                       {},
                       [](const CallPtr& call) { call->Json(200, CallerJson(call->caller)); }});
}

}  // namespace hotline::api
