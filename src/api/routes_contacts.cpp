// The CTI interface (ARCHITECTURE.md §6): what an external PBX or chat gateway — or an agent's
// desktop — does with a contact. Every command runs on the engine thread and is answered once the
// events it caused are durable.
#include <atomic>
#include <boost/json.hpp>

#include "api.h"
#include "ivr_calls.h"
#include "json_body.h"
#include "phone_calls.h"
#include "route_roles.h"
#include "scope.h"

namespace hotline::api {
namespace json = boost::json;

namespace {

// Where the contact stands after a command: no personal data, so no masking question.
json::object ContactState(const routing::EngineStateBuilder& state, const std::string& id) {
    const routing::RestoredContact* c = state.Find(InteractionId{id});
    if (c == nullptr) {
        return json::object{{"id", id}, {"stage", "ended"}};
    }
    return json::object{{"id", id},
                        {"stage", routing::StageName(c->stage)},
                        {"channel", ChannelName(c->channel)},
                        {"queue", c->queue.str()},
                        {"agent", c->agent.str()},
                        {"on_hold", c->on_hold}};
}

Result<Requirement> SkillsFrom(const json::object& body) {
    Requirement out;
    auto it = body.find("skills");
    if (it == body.end() || it->value().is_null()) {
        return out;
    }
    if (!it->value().is_object()) {
        return InvalidArgument("field \"skills\": must be an object {skill: level}");
    }
    for (const auto& kv : it->value().as_object()) {
        if (!kv.value().is_int64() || kv.value().as_int64() < 1 || kv.value().as_int64() > 10) {
            return InvalidArgument("field \"skills\": the level of \"" + std::string(kv.key()) +
                                   "\" must be a whole number from 1 to 10");
        }
        out.push_back(
            SkillLevel{SkillId{std::string(kv.key())}, static_cast<int>(kv.value().as_int64())});
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<ivr::Variables> VarsFrom(const json::object& body) {
    ivr::Variables out;
    auto it = body.find("vars");
    if (it == body.end() || it->value().is_null()) {
        return out;
    }
    if (!it->value().is_object()) {
        return InvalidArgument("field \"vars\": must be an object {name: text}");
    }
    for (const auto& kv : it->value().as_object()) {
        if (!kv.value().is_string() || kv.value().as_string().size() > 256) {
            return InvalidArgument("field \"vars\": \"" + std::string(kv.key()) +
                                   "\" must be a text of at most 256 bytes");
        }
        out[std::string(kv.key())] = std::string(kv.value().as_string());
    }
    return out;
}

using ContactFn = std::function<Status(routing::Engine&, LiveView&, const json::object& body)>;

// A command on one contact: parse the body, check the scope on the engine thread, run it, answer
// with where the contact stands.
void ContactCommand(const CallPtr& call, ContactFn fn, bool scoped = true) {
    auto body = ParseJsonObject(call->req.body, /*empty_ok=*/true);
    if (!body.ok()) {
        return call->Fail(body.status());
    }
    const std::string id = call->Param("id");
    auto result = std::make_shared<json::object>();
    auto shared_body = std::make_shared<json::object>(std::move(body).value());
    call->api.live().Command(
        [call, id, fn = std::move(fn), result, shared_body, scoped](routing::Engine& e,
                                                                    LiveView& v) -> Status {
            if (scoped) {
                RETURN_IF_ERROR(
                    CheckContactScope(call->caller, id, v.state.Find(InteractionId{id}), v.center));
            }
            RETURN_IF_ERROR(fn(e, v, *shared_body));
            *result = ContactState(v.state, id);
            return Status::Ok();
        },
        [call, result](const Status& st) {
            if (!st.ok()) {
                return call->Fail(st);
            }
            call->Json(200, *result);
        });
}

std::string NewInteractionId(Timestamp now) {
    static std::atomic<uint64_t> counter{0};
    return "c" + std::to_string(ToMillis(now)) + "-" + std::to_string(++counter % 100000);
}

constexpr const char* kEnqueueSchema =
    R"({"type":"object","required":["queue"],"properties":{"queue":{"type":"string"},"priority":{"type":"integer"},"skills":{"type":"object","additionalProperties":{"type":"integer","minimum":1,"maximum":10}}}})";

}  // namespace

void Api::AddContactRoutes() {
    Register(RouteSpec{
        "POST",
        "/api/v1/interactions",
        roles::ContactSources(),
        false,
        "contacts",
        "bring a contact in (a call, chat, email) and optionally queue it",
        R"({"type":"object","required":["channel","from"],"properties":{"id":{"type":"string"},"channel":{"enum":["voice","chat","email","social"]},"from":{"type":"string"},"to":{"type":"string"},"customer":{"type":"string"},"queue":{"type":"string"},"ivr":{"type":"string"},"vars":{"type":"object"},"priority":{"type":"integer"},"skills":{"type":"object"}}})",
        {},
        [](const CallPtr& call) {
            auto body = ParseJsonObject(call->req.body);
            if (!body.ok()) {
                return call->Fail(body.status());
            }
            BodyReader r(*body);
            r.OnlyKnown({"id", "channel", "from", "to", "customer", "queue", "priority", "skills",
                         "ivr", "vars"});
            std::string id = r.String("id", false, 64);
            const std::string channel =
                r.OneOf("channel", {"voice", "chat", "email", "social"}, true);
            const std::string from = r.String("from", true, 64);
            const std::string to = r.String("to", false, 64);
            const std::string customer = r.String("customer", false, 64);
            const std::string queue = r.String("queue", false, 64);
            const std::string flow = r.String("ivr", false, 64);
            const int priority = static_cast<int>(r.Int("priority", -1000, 1000).value_or(0));
            if (!r.ok()) {
                return call->Fail(r.status());
            }
            if (!queue.empty() && !flow.empty()) {
                return call->Error(400, "invalid_argument", "give \"queue\" or \"ivr\", not both");
            }
            auto skills = SkillsFrom(*body);
            if (!skills.ok()) {
                return call->Fail(skills.status());
            }
            auto vars = VarsFrom(*body);
            if (!vars.ok()) {
                return call->Fail(vars.status());
            }
            auto center = call->api.center();
            auto result = std::make_shared<json::object>();
            call->api.live().Command(
                [=](routing::Engine& e, LiveView& v) -> Status {
                    const std::string iid = id.empty() ? NewInteractionId(v.now) : id;
                    if (!queue.empty() && v.center.FindQueue(QueueId{queue}) == nullptr) {
                        return NotFound("unknown queue \"" + queue + "\"");
                    }
                    if (!flow.empty() && center->FindFlow(flow) == nullptr) {
                        return NotFound("unknown IVR flow \"" + flow + "\"");
                    }
                    RETURN_IF_ERROR(e.Arrive(routing::ArriveCommand{
                        InteractionId{iid}, *ParseChannel(channel), from, to, customer}));
                    if (!flow.empty()) {
                        auto step = call->api.ivr().Start(e, v, center, iid, flow, *vars, from);
                        if (!step.ok()) {
                            (void)e.Hangup(InteractionId{iid}, routing::HangupBy::kSystem);
                            return step.status();
                        }
                        *result = std::move(step).value();
                        return Status::Ok();
                    }
                    if (!queue.empty()) {
                        Status st = e.Enqueue(routing::EnqueueCommand{
                            InteractionId{iid}, QueueId{queue}, priority, *skills});
                        if (!st.ok()) {
                            // The contact is in; it just cannot wait there. End it cleanly.
                            (void)e.Hangup(InteractionId{iid}, routing::HangupBy::kSystem);
                            return st;
                        }
                    }
                    *result = ContactState(v.state, iid);
                    return Status::Ok();
                },
                [call, result](const Status& st) {
                    if (!st.ok()) {
                        return call->Fail(st);
                    }
                    call->Json(201, *result);
                });
        }});
    Register(RouteSpec{
        "POST",
        "/api/v1/interactions/{id}/ivr",
        roles::ContactSources(),
        false,
        "contacts",
        "report what the caller did in the IVR (played, digits, timeout) and get the next step",
        R"({"type":"object","properties":{"played":{"type":"boolean"},"digits":{"type":"string"},"timeout":{"type":"boolean"}}})",
        {},
        [](const CallPtr& call) {
            auto body = ParseJsonObject(call->req.body);
            if (!body.ok()) {
                return call->Fail(body.status());
            }
            BodyReader r(*body);
            r.OnlyKnown({"played", "digits", "timeout"});
            const bool played = r.Bool("played", false);
            const bool timeout = r.Bool("timeout", false);
            std::optional<std::string> digits;
            if (body->contains("digits")) {
                digits = r.String("digits", true, 64);
            }
            if (!r.ok()) {
                return call->Fail(r.status());
            }
            if (int(played) + int(timeout) + int(digits.has_value()) != 1) {
                return call->Error(400, "invalid_argument",
                                   "give exactly one of played, digits and timeout (as true)");
            }
            const std::string id = call->Param("id");
            auto result = std::make_shared<json::object>();
            call->api.live().Command(
                [call, id, digits, timeout, result](routing::Engine& e, LiveView& v) -> Status {
                    auto step = call->api.ivr().Next(e, v, id, digits, timeout);
                    if (!step.ok()) {
                        return step.status();
                    }
                    *result = std::move(step).value();
                    return Status::Ok();
                },
                [call, result](const Status& st) {
                    if (!st.ok()) {
                        return call->Fail(st);
                    }
                    call->Json(200, *result);
                });
        }});
    Register(
        RouteSpec{"POST",
                  "/api/v1/interactions/{id}/enqueue",
                  roles::ContactSources(),
                  false,
                  "contacts",
                  "queue a contact (after self-service)",
                  kEnqueueSchema,
                  {},
                  [](const CallPtr& call) {
                      const std::string id = call->Param("id");
                      ContactCommand(
                          call,
                          [id](routing::Engine& e, LiveView&, const json::object& body) -> Status {
                              BodyReader r(body);
                              r.OnlyKnown({"queue", "priority", "skills"});
                              const std::string queue = r.String("queue", true, 64);
                              const int priority =
                                  static_cast<int>(r.Int("priority", -1000, 1000).value_or(0));
                              RETURN_IF_ERROR(r.status());
                              ASSIGN_OR_RETURN(Requirement skills, SkillsFrom(body));
                              return e.Enqueue(routing::EnqueueCommand{
                                  InteractionId{id}, QueueId{queue}, priority, skills});
                          },
                          /*scoped=*/false);
                  }});

    auto simple = [this](std::string verb, std::string summary, std::string schema,
                         std::function<Status(routing::Engine&, const InteractionId&, const Caller&,
                                              const json::object&)>
                             fn) {
        Register(RouteSpec{"POST",
                           "/api/v1/interactions/{id}/" + verb,
                           roles::ContactHandlers(),
                           false,
                           "contacts",
                           summary,
                           schema,
                           {},
                           [fn](const CallPtr& call) {
                               const InteractionId id{call->Param("id")};
                               ContactCommand(call, [fn, id, caller = call->caller](
                                                        routing::Engine& e, LiveView&,
                                                        const json::object& body) {
                                   return fn(e, id, caller, body);
                               });
                           }});
    };
    simple("answer", "answer the contact ringing at an agent", "",
           [](routing::Engine& e, const InteractionId& id, const Caller&, const json::object&) {
               return e.Answer(id);
           });
    simple(
        "reject", "decline a ringing contact (it goes back to its queue)",
        R"({"type":"object","properties":{"why":{"enum":["rejected","busy"]}}})",
        [](routing::Engine& e, const InteractionId& id, const Caller&, const json::object& body) {
            BodyReader r(body);
            r.OnlyKnown({"why"});
            std::string why = r.OneOf("why", {"rejected", "busy"});
            RETURN_IF_ERROR(r.status());
            return e.Reject(id, why.empty() ? "rejected" : why);
        });
    // Recording of a phone call (serve --sip, queues with record: true): pause while the
    // caller reads out a card number, then resume. Each change is a `recording` event.
    Register(RouteSpec{
        "POST",
        "/api/v1/interactions/{id}/recording",
        roles::ContactHandlers(),
        false,
        "contacts",
        "pause or resume the recording of a phone call",
        R"({"type":"object","required":["paused"],"properties":{"paused":{"type":"boolean"}}})",
        {},
        [this](const CallPtr& call) {
            ContactCommand(call, [this, id = InteractionId{call->Param("id")}](
                                     routing::Engine& e, LiveView& v, const json::object& body) {
                BodyReader r(body);
                r.OnlyKnown({"paused"});
                if (!body.contains("paused")) {
                    return InvalidArgument("field \"paused\": required (true or false)");
                }
                const bool paused = r.Bool("paused", false);
                RETURN_IF_ERROR(r.status());
                if (phone_calls_ == nullptr) {
                    return FailedPrecondition("telephony is off (serve --sip)");
                }
                CallContext ctx{e, v.sink, v.now};
                return phone_calls_->PauseRecording(ctx, id, paused);
            });
        }});
    simple("hold", "put a talking contact on hold", "",
           [](routing::Engine& e, const InteractionId& id, const Caller&, const json::object&) {
               return e.Hold(id);
           });
    simple("unhold", "take a contact off hold", "",
           [](routing::Engine& e, const InteractionId& id, const Caller&, const json::object&) {
               return e.Unhold(id);
           });
    simple(
        "transfer", "transfer a talking contact to a queue or an agent",
        R"({"type":"object","properties":{"queue":{"type":"string"},"agent":{"type":"string"}}})",
        [](routing::Engine& e, const InteractionId& id, const Caller&, const json::object& body) {
            BodyReader r(body);
            r.OnlyKnown({"queue", "agent"});
            const std::string queue = r.String("queue", false, 64);
            const std::string agent = r.String("agent", false, 64);
            RETURN_IF_ERROR(r.status());
            if (queue.empty() == agent.empty()) {
                return InvalidArgument("give exactly one of \"queue\" and \"agent\"");
            }
            return queue.empty() ? e.TransferToAgent(id, AgentId{agent})
                                 : e.TransferToQueue(id, QueueId{queue});
        });
    simple("hangup", "end the contact",
           R"({"type":"object","properties":{"by":{"enum":["customer","agent","system"]}}})",
           [](routing::Engine& e, const InteractionId& id, const Caller& caller,
              const json::object& body) {
               BodyReader r(body);
               r.OnlyKnown({"by"});
               std::string by = r.OneOf("by", {"customer", "agent", "system"});
               RETURN_IF_ERROR(r.status());
               if (by.empty()) {
                   by = caller.role == auth::Role::kAgent ? "agent" : "customer";
               }
               return e.Hangup(id, by == "agent"    ? routing::HangupBy::kAgent
                                   : by == "system" ? routing::HangupBy::kSystem
                                                    : routing::HangupBy::kCustomer);
           });

    // Wrap-up belongs to the agent, and outlives the contact: scoped by the agent.
    auto wrapup = [this](std::string verb, std::string summary, std::string schema, bool extend) {
        Register(RouteSpec{"POST",
                           "/api/v1/interactions/{id}/" + verb,
                           roles::ContactHandlers(),
                           false,
                           "contacts",
                           summary,
                           schema,
                           {},
                           [extend](const CallPtr& call) {
                               const std::string id = call->Param("id");
                               const Caller caller = call->caller;
                               ContactCommand(
                                   call,
                                   [id, caller, extend](routing::Engine& e, LiveView& v,
                                                        const json::object& body) -> Status {
                                       BodyReader r(body);
                                       r.OnlyKnown({"agent", "disposition", "notes", "seconds"});
                                       std::string agent = r.String("agent", false, 64);
                                       const std::string disposition =
                                           r.String("disposition", false, 64);
                                       const std::string notes = r.String("notes", false, 2000);
                                       const auto seconds = r.Int("seconds", 1, 3600, extend);
                                       RETURN_IF_ERROR(r.status());
                                       if (agent.empty()) {
                                           agent = caller.agent;
                                       }
                                       if (agent.empty()) {
                                           return InvalidArgument("field \"agent\": is required");
                                       }
                                       RETURN_IF_ERROR(CheckAgentScope(caller, agent, v.center));
                                       if (extend) {
                                           return e.ExtendWrapup(AgentId{agent}, InteractionId{id},
                                                                 Duration{*seconds * 1000});
                                       }
                                       return e.FinishWrapup(AgentId{agent}, InteractionId{id},
                                                             disposition, notes);
                                   },
                                   /*scoped=*/false);
                           }});
    };
    wrapup(
        "wrapup", "finish after-call work with a disposition",
        R"({"type":"object","properties":{"agent":{"type":"string"},"disposition":{"type":"string"},"notes":{"type":"string"}}})",
        false);
    wrapup(
        "wrapup/extend", "extend after-call work",
        R"({"type":"object","required":["seconds"],"properties":{"agent":{"type":"string"},"seconds":{"type":"integer","minimum":1,"maximum":3600}}})",
        true);

    Register(RouteSpec{
        "POST",
        "/api/v1/interactions/{id}/callback",
        roles::ContactSources(),
        false,
        "contacts",
        "a waiting caller asks to be called back (keeps its place)",
        R"({"type":"object","required":["number"],"properties":{"number":{"type":"string"}}})",
        {},
        [](const CallPtr& call) {
            auto body = ParseJsonObject(call->req.body);
            if (!body.ok()) {
                return call->Fail(body.status());
            }
            BodyReader r(*body);
            r.OnlyKnown({"number"});
            const std::string number = r.String("number", true, 64);
            if (!r.ok()) {
                return call->Fail(r.status());
            }
            const std::string id = call->Param("id");
            auto result = std::make_shared<json::object>();
            call->api.live().Command(
                [id, number, result](routing::Engine& e, LiveView& v) -> Status {
                    auto cb = e.RequestCallback(InteractionId{id}, number);
                    if (!cb.ok()) {
                        return cb.status();
                    }
                    *result = ContactState(v.state, cb->str());
                    (*result)["callback_for"] = id;
                    return Status::Ok();
                },
                [call, result](const Status& st) {
                    if (!st.ok()) {
                        return call->Fail(st);
                    }
                    call->Json(201, *result);
                });
        }});
}

}  // namespace hotline::api
