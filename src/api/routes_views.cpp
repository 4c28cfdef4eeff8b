// What people look at: the realtime picture (wallboard), KPI reports, the event history, the
// contacts in progress, an agent's own figures, the audit log.
#include <boost/json.hpp>
#include <cctype>
#include <charconv>

#include "api.h"
#include "hotline/metrics/report_params.h"
#include "hotline/metrics/report_render.h"
#include "json_body.h"
#include "route_roles.h"
#include "scope.h"
#include "views.h"

namespace hotline::api {
namespace json = boost::json;

namespace {

// Today so far (local midnight in the center's zone), from the live aggregator.
json::object TodayReport(LiveView& v, metrics::GroupBy by) {
    metrics::ReportSetup setup;
    metrics::ApplyCenterDefaults(v.center, setup);
    setup.request.by = by;
    setup.request.from = v.calendar.IntervalStart(v.now, metrics::IntervalSpec::Day());
    metrics::Report r = metrics::BuildReport(v.aggregator, v.calendar, setup.request);
    return json::parse(metrics::ReportToJson(r)).as_object();
}

bool InScope(const Caller& c, const std::string& agent, const CenterConfig& center) {
    return CheckAgentScope(c, agent, center).ok();
}

// A number of milliseconds, or a local date / time in the center's zone.
std::optional<Timestamp> ParseTimeParam(const std::string& text, const metrics::Calendar& cal) {
    if (!text.empty() &&
        std::all_of(text.begin(), text.end(),
                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }) &&
        text.size() <= 15) {
        return FromMillis(std::stoll(text));
    }
    return cal.ParseLocal(text);
}

std::string Q(const CallPtr& call, const std::string& key) {
    auto it = call->req.query.find(key);
    return it == call->req.query.end() ? "" : it->second;
}

Result<int64_t> IntParam(const CallPtr& call, const std::string& key, int64_t fallback, int64_t min,
                         int64_t max) {
    const std::string text = Q(call, key);
    if (text.empty()) {
        return fallback;
    }
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || v < min || v > max) {
        return InvalidArgument("query parameter " + key + " must be a whole number from " +
                               std::to_string(min) + " to " + std::to_string(max));
    }
    return v;
}

// ?after=N&limit=M: where a page starts (after this sequence number or id) and how long it is.
Result<std::pair<int64_t, int>> PageOf(const CallPtr& call) {
    ASSIGN_OR_RETURN(int64_t after, IntParam(call, "after", 0, 0, INT64_MAX));
    ASSIGN_OR_RETURN(int64_t limit, IntParam(call, "limit", 1000, 1, 10000));
    return std::make_pair(after, static_cast<int>(limit));
}

Status OnlyParams(const CallPtr& call, std::initializer_list<std::string_view> known) {
    for (const auto& [k, v] : call->req.query) {
        if (k == "token") {
            continue;
        }
        if (std::find(known.begin(), known.end(), k) == known.end()) {
            return InvalidArgument("query parameter " + k + " is not known here");
        }
    }
    return Status::Ok();
}

}  // namespace

json::object RealtimeJson(LiveView& v, const Caller& caller) {
    const routing::RealtimeSnapshot snap = v.engine.Snapshot();
    json::object today_by_queue = TodayReport(v, metrics::GroupBy::kQueue);
    std::map<std::string, json::value> today;
    for (auto& row : today_by_queue["rows"].as_array()) {
        today[std::string(row.as_object()["queue"].as_string())] = row;
    }
    json::array queues;
    for (const auto& q : snap.queues) {
        const QueueConfig* qc = v.center.FindQueue(q.id);
        json::object agents;
        for (int s = 0; s < routing::kAgentStateCount; ++s) {
            agents[routing::AgentStateName(static_cast<routing::AgentStateKind>(s))] =
                q.agents[static_cast<size_t>(s)];
        }
        const ServiceLevelTarget goal = qc ? qc->service_level : v.center.service_level;
        auto t = today.find(q.id.str());
        queues.push_back(
            json::object{{"id", q.id.str()},
                         {"name", qc ? qc->name : ""},
                         {"channel", qc ? ChannelName(qc->channel) : "voice"},
                         {"waiting", q.waiting},
                         {"longest_wait_s", ToSeconds(q.longest_wait)},
                         {"expected_wait_s", ToSeconds(q.expected_wait)},
                         {"merged", q.merged},
                         {"agents", std::move(agents)},
                         {"target", goal.fraction},
                         {"within_s", ToSeconds(goal.threshold)},
                         {"today", t == today.end() ? json::value(nullptr) : t->second}});
    }
    json::array agents;
    for (const auto& a : snap.agents) {
        if (!InScope(caller, a.id.str(), v.center)) {
            continue;
        }
        const AgentConfig* ac = v.center.FindAgent(a.id);
        agents.push_back(json::object{{"id", a.id.str()},
                                      {"name", ac ? ac->name : ""},
                                      {"team", ac ? ac->team.str() : ""},
                                      {"state", routing::AgentStateName(a.state)},
                                      {"reason", a.reason},
                                      {"time_in_state_s", ToSeconds(a.time_in_state)},
                                      {"contacts", a.contacts}});
    }
    json::object out{
        {"at", ToMillis(snap.at)},
        {"center", json::object{{"name", v.center.name},
                                {"timezone", v.center.timezone},
                                {"target", v.center.service_level.fraction},
                                {"within_s", ToSeconds(v.center.service_level.threshold)}}},
        {"queues", std::move(queues)},
        {"agents", std::move(agents)},
        {"today", today_by_queue["total"]}};
    return out;
}

void Api::AddViewRoutes() {
    Register(RouteSpec{"GET",
                       "/api/v1/realtime",
                       roles::Everyone(),
                       false,
                       "views",
                       "see the realtime picture: queues, agents, today's KPIs",
                       "",
                       {},
                       [](const CallPtr& call) {
                           if (Status st = OnlyParams(call, {}); !st.ok()) {
                               return call->Fail(st);
                           }
                           ReadFor(call, [call](LiveView& v) {
                               call->Json(200, RealtimeJson(v, call->caller));
                           });
                       }});

    Register(RouteSpec{
        "GET",
        "/api/v1/reports",
        roles::Leaders(),
        false,
        "views",
        "see KPI reports (the parameters and JSON of `hotline report`)",
        "",
        {"from", "to", "interval", "by", "sl_variant", "threshold", "short_abandon", "fcr_window",
         "tz"},
        [](const CallPtr& call) {
            if (Status st =
                    OnlyParams(call, {"from", "to", "interval", "by", "sl_variant", "threshold",
                                      "short_abandon", "fcr_window", "tz", "format"});
                !st.ok()) {
                return call->Fail(st);
            }
            const metrics::ReportParams p{Q(call, "from"),
                                          Q(call, "to"),
                                          Q(call, "interval"),
                                          Q(call, "by"),
                                          Q(call, "sl_variant"),
                                          Q(call, "threshold"),
                                          Q(call, "short_abandon"),
                                          Q(call, "fcr_window"),
                                          Q(call, "tz")};
            const std::string format = Q(call, "format");
            if (!format.empty() && format != "json" && format != "csv") {
                return call->Error(400, "invalid_argument",
                                   "query parameter format must be json or csv");
            }
            auto center = call->api.center();
            metrics::ReportSetup setup;
            metrics::ApplyCenterDefaults(*center, setup);
            if (Status st = metrics::ApplyReportParams(p, "", setup); !st.ok()) {
                return call->Fail(st);
            }
            auto cal = metrics::Calendar::ForZone(setup.zone);
            if (!cal.ok()) {
                return call->Fail(InvalidArgument("tz: " + cal.status().message()));
            }
            if (Status st = metrics::ApplyReportRange(p, "", *cal, setup); !st.ok()) {
                return call->Fail(st);
            }
            const bool team_scoped = call->caller.role == auth::Role::kTeamLeader;
            auto finish = [call, format, team_scoped](metrics::Report report) {
                if (team_scoped && report.by == metrics::GroupBy::kAgent) {
                    // A team leader's agent rows are its team's.
                    auto c = call->api.center();
                    std::erase_if(report.rows, [&](const metrics::ReportRow& r) {
                        return !InScope(call->caller, r.key, *c);
                    });
                }
                if (format == "csv") {
                    return call->Text(200, "text/csv; charset=utf-8", metrics::ReportToCsv(report));
                }
                call->Text(200, "application/json", metrics::ReportToJson(report));
            };
            const metrics::KpiOptions defaults = setup.kpi;
            ReadFor(call, [call, setup, cal = *cal, finish, defaults](LiveView& v) {
                const metrics::KpiOptions& live = v.aggregator.options();
                if (live.service_level_threshold == defaults.service_level_threshold &&
                    live.short_abandon == defaults.short_abandon &&
                    live.fcr_window == defaults.fcr_window &&
                    live.sl_variant == defaults.sl_variant && cal.zone() == v.calendar.zone()) {
                    // The live aggregator has seen every stored event: the report is at hand.
                    return finish(metrics::BuildReport(v.aggregator, cal, setup.request));
                }
                // Other counting rules: count again, from the store, off the engine thread.
                call->api.Offload(call, [call, setup, cal, finish] {
                    metrics::Aggregator agg(setup.kpi);
                    Status st = call->api.store().ForEachEvent([&](const store::StoredEvent& e) {
                        agg.OnEvent(e.event);
                        return true;
                    });
                    if (!st.ok()) {
                        return call->Fail(st);
                    }
                    agg.AdvanceTo(agg.last_event());
                    finish(metrics::BuildReport(agg, cal, setup.request));
                });
            });
        }});

    Register(RouteSpec{
        "GET",
        "/api/v1/events",
        roles::EventReaders(),
        false,
        "views",
        "read the event history (paged; personal data masked unless unmask=true)",
        "",
        {"after", "from", "to", "type", "interaction", "agent", "queue", "limit", "unmask"},
        [](const CallPtr& call) {
            if (Status st = OnlyParams(call, {"after", "from", "to", "type", "interaction", "agent",
                                              "queue", "limit", "unmask"});
                !st.ok()) {
                return call->Fail(st);
            }
            store::EventQuery q;
            auto page = PageOf(call);
            if (!page.ok()) {
                return call->Fail(page.status());
            }
            q.after_seq = page->first;
            q.limit = page->second;
            auto center = call->api.center();
            auto cal =
                metrics::Calendar::ForZone(center->timezone.empty() ? "UTC" : center->timezone);
            for (const char* key : {"from", "to"}) {
                const std::string text = Q(call, key);
                if (text.empty()) {
                    continue;
                }
                auto t = ParseTimeParam(text, *cal);
                if (!t) {
                    return call->Error(
                        400, "invalid_argument",
                        std::string("query parameter ") + key +
                            " must be milliseconds since 1970 or a local date / time");
                }
                (std::string_view(key) == "from" ? q.from : q.to) = t;
            }
            q.type = Q(call, "type");
            q.interaction = Q(call, "interaction");
            q.agent = Q(call, "agent");
            q.queue = Q(call, "queue");
            // The audit write and the read wait on the store: not on an I/O thread.
            call->api.Offload(call, [call, q] {
                const auto unmask = call->api.Unmask(call, "events");
                if (!unmask) {
                    return;
                }
                auto events = call->api.store().Events(q);
                if (!events.ok()) {
                    return call->Fail(events.status());
                }
                json::array out;
                for (const auto& e : *events) {
                    out.push_back(call->api.EventJson(e.seq, e.event, *unmask));
                }
                json::object body{{"events", std::move(out)}};
                body["next_after"] = events->size() == static_cast<size_t>(q.limit)
                                         ? json::value(events->back().seq)
                                         : json::value(nullptr);
                call->Json(200, body);
            });
        }});

    Register(RouteSpec{
        "GET",
        "/api/v1/interactions",
        roles::Everyone(),
        false,
        "contacts",
        "list the contacts in progress (an agent its own, a team leader its team's)",
        "",
        {},
        [](const CallPtr& call) {
            if (Status st = OnlyParams(call, {}); !st.ok()) {
                return call->Fail(st);
            }
            ReadFor(call, [call](LiveView& v) {
                json::array list;
                for (const auto& c : v.state.State().contacts) {
                    if (!auth::SeesWholeCenter(call->caller.role) &&
                        (c.agent.empty() || !InScope(call->caller, c.agent.str(), v.center))) {
                        continue;
                    }
                    list.push_back(json::object{{"id", c.id.str()},
                                                {"stage", routing::StageName(c.stage)},
                                                {"channel", ChannelName(c.channel)},
                                                {"queue", c.queue.str()},
                                                {"agent", c.agent.str()},
                                                {"from", auth::MaskPhone(c.from)},
                                                {"arrived", ToMillis(c.arrived_at)},
                                                {"waiting_since", ToMillis(c.waiting_since)},
                                                {"on_hold", c.on_hold}});
                }
                call->Json(200, json::object{{"interactions", std::move(list)}});
            });
        }});

    Register(RouteSpec{
        "GET",
        "/api/v1/interactions/{id}",
        roles::Everyone(),
        false,
        "contacts",
        "see one contact: where it stands, its caller (masked unless unmask=true) and its events",
        "",
        {"unmask"},
        [](const CallPtr& call) {
            if (Status st = OnlyParams(call, {"unmask"}); !st.ok()) {
                return call->Fail(st);
            }
            const std::string id = call->Param("id");
            ReadFor(call, [call, id](LiveView& v) {
                // Agents and team leaders see a contact while it is theirs; the rest any.
                const routing::RestoredContact* c = v.state.Find(InteractionId{id});
                if (!auth::SeesWholeCenter(call->caller.role)) {
                    Status st = CheckContactScope(call->caller, id, c, v.center);
                    if (!st.ok()) {
                        return call->Fail(st);
                    }
                }
                json::object now = c == nullptr
                                       ? json::object{{"stage", "ended"}}
                                       : json::object{{"stage", routing::StageName(c->stage)},
                                                      {"queue", c->queue.str()},
                                                      {"agent", c->agent.str()},
                                                      {"on_hold", c->on_hold}};
                call->api.Offload(call, [call, id, now] {
                    const auto unmask = call->api.Unmask(call, "interaction " + id);
                    if (!unmask) {
                        return;
                    }
                    store::EventQuery q;
                    q.interaction = id;
                    q.limit = 1000;
                    auto events = call->api.store().Events(q);
                    if (!events.ok()) {
                        return call->Fail(events.status());
                    }
                    if (events->empty()) {
                        return call->Error(404, "not_found", "unknown interaction \"" + id + "\"");
                    }
                    json::array list;
                    json::object caller;
                    for (const auto& e : *events) {
                        json::object o = call->api.EventJson(e.seq, e.event, *unmask);
                        if (e.event.As<events::Arrive>()) {
                            for (const char* k :
                                 {"channel", "direction", "from", "to", "customer"}) {
                                if (auto* f = o.if_contains(k)) {
                                    caller[k] = *f;
                                }
                            }
                        }
                        list.push_back(std::move(o));
                    }
                    json::object out{
                        {"id", id}, {"now", now}, {"contact", caller}, {"events", std::move(list)}};
                    call->Json(200, out);
                });
            });
        }});

    Register(RouteSpec{"GET",
                       "/api/v1/agents/{id}/today",
                       roles::AgentStateChangers(),
                       false,
                       "agents",
                       "see an agent's own figures for today",
                       "",
                       {},
                       [](const CallPtr& call) {
                           if (Status st = OnlyParams(call, {}); !st.ok()) {
                               return call->Fail(st);
                           }
                           const std::string agent = call->Param("id");
                           ReadFor(call, [call, agent](LiveView& v) {
                               if (Status st = CheckAgentScope(call->caller, agent, v.center);
                                   !st.ok()) {
                                   return call->Fail(st);
                               }
                               json::object report = TodayReport(v, metrics::GroupBy::kAgent);
                               json::value row = nullptr;
                               for (auto& r : report["rows"].as_array()) {
                                   if (r.as_object()["agent"].as_string() == agent) {
                                       row = r;
                                   }
                               }
                               call->Json(200, json::object{{"agent", agent}, {"today", row}});
                           });
                       }});

    Register(RouteSpec{
        "GET",
        "/api/v1/audit",
        roles::Auditors(),
        false,
        "views",
        "read the audit log (who read personal data, who changed what)",
        "",
        {"after", "user", "action", "limit"},
        [](const CallPtr& call) {
            if (Status st = OnlyParams(call, {"after", "user", "action", "limit"}); !st.ok()) {
                return call->Fail(st);
            }
            store::AuditQuery q;
            auto page = PageOf(call);
            if (!page.ok()) {
                return call->Fail(page.status());
            }
            q.after_id = page->first;
            q.limit = page->second;
            q.username = Q(call, "user");
            q.action = Q(call, "action");
            call->api.Offload(call, [call, q] {
                auto log = call->api.store().AuditLog(q);
                if (!log.ok()) {
                    return call->Fail(log.status());
                }
                json::array out;
                for (const auto& a : *log) {
                    out.push_back(json::object{{"id", a.id},
                                               {"ts", ToMillis(a.ts)},
                                               {"user", a.username},
                                               {"action", a.action},
                                               {"target", a.target},
                                               {"detail", a.detail}});
                }
                call->Json(200, json::object{{"audit", std::move(out)}});
            });
        }});
}

}  // namespace hotline::api
