// The server about itself: its OpenAPI document, health, and Prometheus metrics.
#include <boost/json.hpp>

#include "api.h"
#include "route_roles.h"

namespace hotline::api {
namespace json = boost::json;

std::string Api::OpenApiJson() const {
    json::object paths;
    for (const RouteSpec& r : routes_) {
        json::object op{{"summary", r.summary}, {"tags", json::array{json::value(r.tag)}}};
        json::array params;
        for (size_t pos = r.pattern.find('{'); pos != std::string::npos;
             pos = r.pattern.find('{', pos + 1)) {
            const size_t end = r.pattern.find('}', pos);
            params.push_back(json::object{{"name", r.pattern.substr(pos + 1, end - pos - 1)},
                                          {"in", "path"},
                                          {"required", true},
                                          {"schema", json::object{{"type", "string"}}}});
        }
        for (const std::string& q : r.query) {
            params.push_back(json::object{
                {"name", q}, {"in", "query"}, {"schema", json::object{{"type", "string"}}}});
        }
        if (!params.empty()) {
            op["parameters"] = std::move(params);
        }
        if (!r.body_schema.empty()) {
            const bool yaml = r.pattern == "/api/v1/config";
            op["requestBody"] = json::object{
                {"required", true},
                {"content", json::object{{yaml ? "application/yaml" : "application/json",
                                          json::object{{"schema", json::parse(r.body_schema)}}}}}};
        }
        json::object responses{{"200", json::object{{"description", "done"}}},
                               {"400", json::object{{"$ref", "#/components/responses/Error"}}}};
        if (r.is_public) {
            op["security"] = json::array{};
        } else {
            json::array names;
            for (auth::Role role : r.roles.roles()) {
                names.push_back(json::value(auth::RoleName(role)));
            }
            op["x-roles"] = std::move(names);
            responses["401"] = json::object{{"$ref", "#/components/responses/Error"}};
            responses["403"] = json::object{{"$ref", "#/components/responses/Error"}};
        }
        op["responses"] = std::move(responses);
        std::string method = r.method;
        std::transform(method.begin(), method.end(), method.begin(), ::tolower);
        if (!paths.contains(r.pattern)) {
            paths[r.pattern] = json::object{};
        }
        paths[r.pattern].as_object()[method] = std::move(op);
    }
    json::object error_schema{
        {"type", "object"},
        {"properties",
         json::object{
             {"error",
              json::object{
                  {"type", "object"},
                  {"properties", json::object{{"code", json::object{{"type", "string"}}},
                                              {"message", json::object{{"type", "string"}}}}}}}}}};
    json::object doc{
        {"openapi", "3.0.3"},
        {"info", json::object{{"title", "Hotline API"},
                              {"version", options_.version},
                              {"description",
                               "Call-center operations: routing, agents, realtime, reports. "
                               "Every route lists the roles that may call it in x-roles."}}},
        {"servers", json::array{json::object{{"url", "/"}}}},
        {"security", json::array{json::object{{"bearer", json::array{}}},
                                 json::object{{"cookie", json::array{}}}}},
        {"paths", std::move(paths)},
        {"components",
         json::object{
             {"securitySchemes",
              json::object{
                  {"bearer", json::object{{"type", "http"}, {"scheme", "bearer"}}},
                  {"cookie",
                   json::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "hotline_token"}}}}},
             {"schemas", json::object{{"Error", error_schema}}},
             {"responses",
              json::object{
                  {"Error",
                   json::object{
                       {"description", "an error"},
                       {"content",
                        json::object{
                            {"application/json",
                             json::object{
                                 {"schema",
                                  json::object{{"$ref", "#/components/schemas/Error"}}}}}}}}}}}}}};
    return json::serialize(doc);
}

void Api::AddMetaRoutes() {
    Register(RouteSpec{
        "GET",
        "/api/v1/openapi.json",
        {},
        true,
        "meta",
        "read the API description",
        "",
        {},
        [](const CallPtr& call) { call->Text(200, "application/json", call->api.OpenApiJson()); }});
    // The WebSocket itself is served by the HTTP layer (an Upgrade request); a plain GET lands
    // here.
    Register(RouteSpec{
        "GET",
        "/api/v1/stream",
        roles::Everyone(),
        false,
        "views",
        "follow events and realtime snapshots (WebSocket; token in ?token= or the cookie)",
        "",
        {"token", "unmask"},
        [](const CallPtr& call) {
            HttpResponse r = ErrorResponse(
                426, "upgrade_required", "/api/v1/stream is a WebSocket: send an Upgrade request");
            r.headers.emplace_back("Upgrade", "websocket");
            call->Send(std::move(r));
        }});
    Register(RouteSpec{"GET",
                       "/healthz",
                       {},
                       true,
                       "meta",
                       "check the server is alive",
                       "",
                       {},
                       [](const CallPtr& call) {
                           const bool ok = call->api.live().healthy();
                           call->Json(ok ? 200 : 503,
                                      json::object{{"ok", ok},
                                                   {"events", call->api.live().events_durable()}});
                       }});
    Register(RouteSpec{
        "GET",
        "/metrics",
        roles::Operators(),
        false,
        "meta",
        "read Prometheus metrics",
        "",
        {},
        [](const CallPtr& call) {
            ReadFor(call, [call](LiveView& v) {
                std::string out;
                const routing::RealtimeSnapshot snap = v.engine.Snapshot();
                out +=
                    "# HELP hotline_queue_waiting Contacts waiting now.\n# TYPE "
                    "hotline_queue_waiting gauge\n";
                for (const auto& q : snap.queues) {
                    out += "hotline_queue_waiting{queue=\"" + q.id.str() + "\"} " +
                           std::to_string(q.waiting) + "\n";
                }
                out +=
                    "# HELP hotline_queue_longest_wait_seconds Longest wait now.\n# TYPE "
                    "hotline_queue_longest_wait_seconds gauge\n";
                for (const auto& q : snap.queues) {
                    out += "hotline_queue_longest_wait_seconds{queue=\"" + q.id.str() + "\"} " +
                           std::to_string(ToSeconds(q.longest_wait)) + "\n";
                }
                std::array<int, routing::kAgentStateCount> by_state{};
                for (const auto& a : snap.agents) {
                    ++by_state[static_cast<size_t>(a.state)];
                }
                out += "# HELP hotline_agents Agents by state.\n# TYPE hotline_agents gauge\n";
                for (int s = 0; s < routing::kAgentStateCount; ++s) {
                    out += "hotline_agents{state=\"" +
                           std::string(
                               routing::AgentStateName(static_cast<routing::AgentStateKind>(s))) +
                           "\"} " + std::to_string(by_state[static_cast<size_t>(s)]) + "\n";
                }
                out +=
                    "# HELP hotline_contacts_in_progress Contacts in progress.\n# TYPE "
                    "hotline_contacts_in_progress gauge\n";
                out += "hotline_contacts_in_progress " + std::to_string(v.state.contacts()) + "\n";
                out +=
                    "# HELP hotline_events_total Events made durable since the center began.\n# "
                    "TYPE hotline_events_total counter\n";
                out += "hotline_events_total " + std::to_string(call->api.live().events_durable()) +
                       "\n";
                out +=
                    "# HELP hotline_contacts_total Contacts that arrived, by channel.\n# TYPE "
                    "hotline_contacts_total counter\n";
                for (int c = 0; c < kChannelCount; ++c) {
                    out += "hotline_contacts_total{channel=\"" +
                           std::string(ChannelName(static_cast<Channel>(c))) + "\"} " +
                           std::to_string(call->api.live().arrivals(static_cast<Channel>(c))) +
                           "\n";
                }
                call->api.metrics().Render(out);
                call->Text(200, "text/plain; version=0.0.4", std::move(out));
            });
        }});
}

}  // namespace hotline::api
