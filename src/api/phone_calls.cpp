#include "phone_calls.h"

#include <iostream>

#include "hotline/metrics/calendar.h"

namespace hotline::api {

using telephony::EndCause;
using TelEvent = telephony::Event;

struct PhoneCalls::Call {
    LegId caller = 0;
    InteractionId id;
    std::string from, to;
    Stage stage = Stage::kIvr;
    std::string language;
    bool contact_ended = false;  // the engine has ended the contact (or been told to)

    // In the IVR.
    std::unique_ptr<IvrFlow> flow;  // a copy: the flow outlives a configuration change
    std::unique_ptr<ivr::Session> session;
    ivr::Step step;
    std::string digits;
    uint64_t digit_generation = 0;  // a digit timer fires only for the latest generation
    TimerId digit_timer = 0;

    // In the queue.
    QueueId queue;
    bool interlude = false;  // a greeting or an announcement plays instead of the music
    TimerId announce_timer = 0;

    // At an agent.
    LegId agent_leg = 0;
    AgentId agent;
    bool callback = false;  // an outbound callback: `caller` is the customer's leg once dialled
    std::string number;     // the callback's number
    std::string recording;  // the file, while recording
    bool recording_paused = false;
    TimerId voicemail_timer = 0;
};

namespace {

template <class T>
void Emit(CallContext& ctx, T body) {
    ctx.sink.OnEvent(Event{ctx.now, EventBody{std::move(body)}});
}

// "num_7": the number prompts `hotline prompts` makes (0–99; more is said as 99).
std::string NumberPrompt(int64_t n) {
    return "num_" + std::to_string(std::clamp<int64_t>(n, 0, 99));
}

}  // namespace

PhoneCalls::PhoneCalls(telephony::Telephony& telephony, CallHost& host, PhoneOptions options)
    : tel_(telephony), host_(host), options_(std::move(options)) {
    tel_.SetListener(this);
}

PhoneCalls::~PhoneCalls() = default;

void PhoneCalls::Attach(routing::Engine& engine) {
    engine_ = &engine;
    center_ = std::make_shared<CenterConfig>(engine.center());
    open_ = metrics::BusinessHoursOf(*center_);
}

void PhoneCalls::OnTelephonyEvent(const TelEvent& e) {
    host_.Run([this, e](CallContext& ctx) { return Handle(ctx, e); });
}

PhoneCalls::Call* PhoneCalls::ByContact(const InteractionId& id) {
    auto it = by_contact_.find(id.str());
    if (it == by_contact_.end()) {
        return nullptr;
    }
    auto c = calls_.find(it->second);
    return c == calls_.end() ? nullptr : c->second.get();
}

TimerId PhoneCalls::Later(LegId caller, Timestamp at,
                          std::function<Status(CallContext&, Call&)> step) {
    return host_.timers().Schedule(at, [this, caller, step = std::move(step)] {
        host_.Run([this, caller, step](CallContext& ctx) {
            auto it = calls_.find(caller);
            return it == calls_.end() ? Status::Ok() : step(ctx, *it->second);
        });
    });
}

Status PhoneCalls::Handle(CallContext& ctx, const TelEvent& e) {
    if (e.kind == TelEvent::Kind::kIncoming) {
        return Incoming(ctx, e);
    }
    if (auto it = calls_.find(e.leg); it != calls_.end()) {
        return CallerEvent(ctx, *it->second, e);
    }
    if (auto a = agent_legs_.find(e.leg); a != agent_legs_.end()) {
        auto it = calls_.find(a->second);
        if (it != calls_.end()) {
            return AgentEvent(ctx, *it->second, e);
        }
        agent_legs_.erase(a);
    }
    // A leg we have let go of: an agent's phone that picked up after the offer was withdrawn.
    if (e.kind == TelEvent::Kind::kAnswered) {
        tel_.Hangup(e.leg);
    }
    return Status::Ok();
}

Status PhoneCalls::Incoming(CallContext& ctx, const TelEvent& e) {
    if (engine_ == nullptr || !center_) {
        tel_.Reject(e.leg, 503);
        return Status(ErrorCode::kUnavailable, "the center is not running yet");
    }
    const InteractionId id{"sip-" + std::to_string(ToMillis(ctx.now)) + "-" +
                           std::to_string(e.leg)};
    Status arrived =
        ctx.engine.Arrive(routing::ArriveCommand{id, Channel::kVoice, e.from, e.to, ""});
    if (!arrived.ok()) {
        tel_.Reject(e.leg, 503);
        return arrived;
    }
    auto owned = std::make_unique<Call>();
    Call& call = *owned;
    call.caller = e.leg;
    call.id = id;
    call.from = e.from;
    call.to = e.to;
    call.language = options_.language;
    calls_.emplace(e.leg, std::move(owned));
    by_contact_[id.str()] = e.leg;
    tel_.Answer(e.leg);

    // The dialled number picks the way in: a queue of that id, a flow of that id, or the
    // default flow.
    if (const QueueConfig* q = center_->FindQueue(QueueId{e.to})) {
        return EnterQueue(ctx, call, q->id, 0, {});
    }
    const IvrFlow* flow = center_->FindFlow(e.to);
    if (flow == nullptr && !options_.flow.empty()) {
        flow = center_->FindFlow(options_.flow);
    }
    if (flow == nullptr && !center_->ivr.empty()) {
        flow = &center_->ivr.front();
    }
    if (flow == nullptr) {
        if (center_->queues.empty()) {
            call.contact_ended = true;
            call.stage = Stage::kLeaving;
            tel_.Hangup(call.caller);
            return ctx.engine.Hangup(id, routing::HangupBy::kSystem);
        }
        return EnterQueue(ctx, call, center_->queues.front().id, 0, {});
    }
    call.flow = std::make_unique<IvrFlow>(*flow);
    std::function<bool()> is_open = [] { return true; };
    if (open_) {
        is_open = [this] { return open_(host_.Now()); };
    }
    ivr::Variables vars{{"caller", e.from}, {"dialled", e.to}};
    call.session = std::make_unique<ivr::Session>(*call.flow, std::move(vars), std::move(is_open));
    Emit(ctx, events::IvrEnter{id, call.flow->id, call.flow->start});
    return Carry(ctx, call, call.session->Start());
}

Status PhoneCalls::Carry(CallContext& ctx, Call& call, ivr::Step step) {
    if (auto lang = call.session->variables().find("lang");
        lang != call.session->variables().end() && !lang->second.empty()) {
        call.language = lang->second;
    }
    if (!step.terminal()) {
        call.step = std::move(step);
        call.digits.clear();
        ++call.digit_generation;
        tel_.Play(call.caller, {call.step.prompt}, call.language,
                  call.step.kind == ivr::StepKind::kGetDigits);
        return Status::Ok();
    }
    Emit(ctx, events::IvrExit{call.id, call.flow->id, step.node, step.outcome});
    ++call.digit_generation;
    switch (step.kind) {
        case ivr::StepKind::kQueue:
            return EnterQueue(ctx, call, step.queue, step.priority, step.skills);
        case ivr::StepKind::kCallback: {
            RETURN_IF_ERROR(EnterQueue(ctx, call, step.queue, step.priority, step.skills));
            if (call.stage != Stage::kQueued) {
                return Status::Ok();  // an agent was free at once: no need to call back
            }
            // The engine ends the caller's contact and keeps its place for the callback.
            call.contact_ended = true;
            auto cb =
                ctx.engine.RequestCallback(call.id, call.from.empty() ? "unknown" : call.from);
            if (!cb.ok()) {
                call.contact_ended = false;
                return Status::Ok();  // it waits on as an ordinary caller
            }
            CancelTimers(call);
            call.stage = Stage::kLeaving;
            tel_.Play(call.caller, {"callback_confirmed"}, call.language, false);
            return Status::Ok();
        }
        case ivr::StepKind::kTransfer:
            call.contact_ended = true;
            call.stage = Stage::kLeaving;
            tel_.Transfer(call.caller, step.target);
            return ctx.engine.Hangup(call.id, routing::HangupBy::kSystem);
        case ivr::StepKind::kVoicemail:
            call.contact_ended = true;
            RETURN_IF_ERROR(ctx.engine.Hangup(call.id, routing::HangupBy::kSystem));
            StartVoicemail(call);
            // Recording starts when the prompt has been played.
            tel_.Play(call.caller, {step.prompt.empty() ? "leave_message" : step.prompt},
                      call.language, false);
            return Status::Ok();
        default:
            call.contact_ended = true;
            call.stage = Stage::kLeaving;
            RETURN_IF_ERROR(ctx.engine.Hangup(call.id, routing::HangupBy::kCustomer));
            if (step.prompt.empty()) {
                tel_.Hangup(call.caller);
            } else {
                tel_.Play(call.caller, {step.prompt}, call.language, false);
            }
            return Status::Ok();
    }
}

Status PhoneCalls::EnterQueue(CallContext& ctx, Call& call, const QueueId& queue, int priority,
                              const Requirement& skills) {
    call.stage = Stage::kQueued;
    call.queue = queue;
    RETURN_IF_ERROR(ctx.engine.Enqueue(routing::EnqueueCommand{call.id, queue, priority, skills}));
    if (call.contact_ended) {
        return Status::Ok();  // the queue refused it at once (no agents, a full queue)
    }
    const QueueConfig* q = center_->FindQueue(queue);
    if (q != nullptr && !q->announcements.greeting.empty()) {
        call.interlude = true;
        tel_.Play(call.caller, {q->announcements.greeting}, call.language, false);
    } else {
        QueueMusic(call);
    }
    ScheduleAnnouncement(call);
    return Status::Ok();
}

std::string PhoneCalls::MusicOf(const Call& call) const {
    const QueueConfig* q = center_ ? center_->FindQueue(call.queue) : nullptr;
    return q != nullptr && !q->announcements.music.empty() ? q->announcements.music : "default";
}

void PhoneCalls::QueueMusic(Call& call) {
    tel_.Music(call.caller, MusicOf(call));
}

void PhoneCalls::ScheduleAnnouncement(Call& call) {
    const QueueConfig* q = center_ ? center_->FindQueue(call.queue) : nullptr;
    if (q == nullptr || !q->announcements.announce_position ||
        q->announcements.announce_every.count() <= 0) {
        return;
    }
    if (call.announce_timer != 0) {
        host_.timers().Cancel(call.announce_timer);
    }
    call.announce_timer = Later(call.caller, host_.Now() + q->announcements.announce_every,
                                [this](CallContext& ctx, Call& c) {
                                    c.announce_timer = 0;
                                    Announce(ctx, c);
                                    return Status::Ok();
                                });
}

void PhoneCalls::Announce(CallContext& ctx, Call& call) {
    if (call.stage != Stage::kQueued) {
        return;
    }
    auto place = ctx.engine.Place(call.id);
    if (!place) {
        return;
    }
    // 您前面还有 N 位客户在等候, 预计等待 M 分钟
    std::vector<std::string> prompts{"queue_ahead", NumberPrompt(place->ahead), "queue_callers"};
    if (place->expected_wait.count() > 0) {
        const int64_t minutes = (place->expected_wait.count() + 59999) / 60000;
        prompts.insert(prompts.end(), {"queue_wait", NumberPrompt(minutes), "queue_minutes"});
    }
    call.interlude = true;
    tel_.Play(call.caller, std::move(prompts), call.language, false);
    ScheduleAnnouncement(call);
}

void PhoneCalls::StartVoicemail(Call& call) {
    CancelTimers(call);
    call.stage = Stage::kVoicemail;
    DropAgentLeg(call);
}

Status PhoneCalls::CallerEvent(CallContext& ctx, Call& call, const TelEvent& e) {
    switch (e.kind) {
        case TelEvent::Kind::kDtmf: {
            if (call.stage != Stage::kIvr || call.step.kind != ivr::StepKind::kGetDigits) {
                return Status::Ok();  // only a menu listens for keys
            }
            const std::string& term = call.step.terminator;
            if (!term.empty() && e.digit == term.front()) {
                return SubmitDigits(ctx, call);
            }
            call.digits.push_back(e.digit);
            if (static_cast<int>(call.digits.size()) >= call.step.max_digits) {
                return SubmitDigits(ctx, call);
            }
            ArmDigitTimer(call, call.step.timeout);
            return Status::Ok();
        }
        case TelEvent::Kind::kPlaybackDone:
            switch (call.stage) {
                case Stage::kIvr:
                    if (call.step.kind == ivr::StepKind::kPlay) {
                        return Carry(ctx, call, call.session->PlaybackDone());
                    }
                    if (call.digits.empty()) {
                        // The timeout counts from the prompt's end.
                        ArmDigitTimer(call, call.step.timeout);
                    }
                    return Status::Ok();
                case Stage::kQueued:
                case Stage::kRinging:
                    if (call.interlude) {
                        call.interlude = false;
                        QueueMusic(call);
                    }
                    return Status::Ok();
                case Stage::kLeaving:
                    tel_.Hangup(call.caller);
                    return Status::Ok();
                case Stage::kVoicemail:
                    if (call.recording.empty() && !options_.recordings.empty()) {
                        call.recording =
                            options_.recordings + "/voicemail-" + call.id.str() + ".wav";
                        tel_.Record(call.caller, call.recording);
                        Emit(ctx, events::Recording{call.id, "start", call.recording});
                        const LegId caller = call.caller;
                        call.voicemail_timer = host_.timers().Schedule(
                            ctx.now + options_.voicemail_limit, [this, caller] {
                                tel_.Hangup(caller);  // the message is long enough
                            });
                    } else if (options_.recordings.empty()) {
                        tel_.Hangup(call.caller);
                    }
                    return Status::Ok();
                case Stage::kDialling:
                case Stage::kTalking:
                    return Status::Ok();
            }
            return Status::Ok();
        case TelEvent::Kind::kEnded:
            return CallerEnded(ctx, call);
        case TelEvent::Kind::kAnswered:
            if (call.callback && call.stage == Stage::kDialling && call.agent_leg != 0) {
                // The customer picked up: the agent, waiting on the line, hears them.
                call.stage = Stage::kTalking;
                tel_.Bridge(call.caller, call.agent_leg);
                StartRecording(ctx, call);
            }
            return Status::Ok();
        default:
            return Status::Ok();
    }
}

Status PhoneCalls::SubmitDigits(CallContext& ctx, Call& call) {
    ++call.digit_generation;
    if (call.digit_timer != 0) {
        host_.timers().Cancel(call.digit_timer);
        call.digit_timer = 0;
    }
    std::string digits;
    digits.swap(call.digits);
    if (!digits.empty()) {
        Emit(ctx, events::IvrInput{call.id, call.flow->id, call.step.node, digits});
    }
    return Carry(ctx, call, call.session->Digits(digits));
}

void PhoneCalls::ArmDigitTimer(Call& call, Duration after) {
    if (call.digit_timer != 0) {
        host_.timers().Cancel(call.digit_timer);
    }
    const uint64_t generation = ++call.digit_generation;
    call.digit_timer =
        Later(call.caller, host_.Now() + after, [this, generation](CallContext& ctx, Call& c) {
            if (c.digit_generation != generation || c.stage != Stage::kIvr) {
                return Status::Ok();
            }
            c.digit_timer = 0;
            return SubmitDigits(ctx, c);  // an empty answer is the interpreter's timeout
        });
}

Status PhoneCalls::AgentEvent(CallContext& ctx, Call& call, const TelEvent& e) {
    switch (e.kind) {
        case TelEvent::Kind::kAnswered: {
            if (call.stage != Stage::kRinging || call.agent_leg != e.leg) {
                agent_legs_.erase(e.leg);
                tel_.Hangup(e.leg);
                return Status::Ok();
            }
            if (Status st = ctx.engine.Answer(call.id); !st.ok()) {
                // The offer was withdrawn meanwhile (its ring time ran out): too late.
                agent_legs_.erase(e.leg);
                tel_.Hangup(e.leg);
                call.agent_leg = 0;
                return Status::Ok();
            }
            call.interlude = false;
            if (call.announce_timer != 0) {
                host_.timers().Cancel(call.announce_timer);
                call.announce_timer = 0;
            }
            if (call.callback) {
                DialCustomer(call);
                return Status::Ok();
            }
            call.stage = Stage::kTalking;
            tel_.Bridge(call.caller, e.leg);
            StartRecording(ctx, call);
            return Status::Ok();
        }
        case TelEvent::Kind::kEnded: {
            agent_legs_.erase(e.leg);
            if (call.agent_leg != e.leg) {
                return Status::Ok();
            }
            call.agent_leg = 0;
            if (call.stage == Stage::kRinging) {
                // The phone said no before the engine's ring time ran out.
                call.stage = Stage::kQueued;
                return ctx.engine.Reject(call.id, e.cause == EndCause::kBusy ? "busy" : "rejected");
            }
            if (call.stage == Stage::kTalking || call.stage == Stage::kDialling) {
                StopRecording(ctx, call);
                call.contact_ended = true;
                call.stage = Stage::kLeaving;
                tel_.Hangup(call.caller);
                return ctx.engine.Hangup(call.id, routing::HangupBy::kAgent);
            }
            return Status::Ok();
        }
        default:
            return Status::Ok();
    }
}

Status PhoneCalls::CallerEnded(CallContext& ctx, Call& call) {
    CancelTimers(call);
    if (!call.recording.empty()) {
        StopRecording(ctx, call);
    }
    DropAgentLeg(call);
    Status st;
    if (!call.contact_ended) {
        call.contact_ended = true;
        if (call.stage == Stage::kIvr && call.flow) {
            Emit(ctx, events::IvrExit{call.id, call.flow->id, call.step.node, "hangup"});
        }
        // A callback the customer did not take is ended by the center, not by the customer.
        const bool unanswered_callback = call.callback && call.stage == Stage::kDialling;
        st = ctx.engine.Hangup(call.id, unanswered_callback ? routing::HangupBy::kSystem
                                                            : routing::HangupBy::kCustomer);
    }
    Forget(call.caller);  // `call` is gone from here on
    return st;
}

void PhoneCalls::StartRecording(CallContext& ctx, Call& call) {
    const QueueConfig* q = center_ ? center_->FindQueue(call.queue) : nullptr;
    if (options_.recordings.empty() || q == nullptr || !q->record || !call.recording.empty()) {
        return;
    }
    call.recording = options_.recordings + "/" + call.id.str() + ".wav";
    tel_.Record(call.caller, call.recording);
    Emit(ctx, events::Recording{call.id, "start", call.recording});
}

Status PhoneCalls::PauseRecording(CallContext& ctx, const InteractionId& id, bool paused) {
    Call* call = ByContact(id);
    if (call == nullptr) {
        return NotFound("interaction \"" + id.str() + "\" is not a phone call in progress");
    }
    if (call->recording.empty()) {
        return FailedPrecondition("interaction \"" + id.str() +
                                  "\" is not being recorded (its queue has no record: true)");
    }
    if (call->recording_paused == paused) {
        return Status::Ok();
    }
    call->recording_paused = paused;
    tel_.PauseRecording(call->caller, paused);
    Emit(ctx, events::Recording{call->id, paused ? "pause" : "resume", call->recording});
    return Status::Ok();
}

void PhoneCalls::StopRecording(CallContext& ctx, Call& call) {
    if (call.recording.empty()) {
        return;
    }
    tel_.StopRecording(call.caller);
    Emit(ctx, events::Recording{call.id, "stop", call.recording});
    call.recording.clear();
}

void PhoneCalls::CancelTimers(Call& call) {
    ++call.digit_generation;
    for (TimerId* t : {&call.digit_timer, &call.announce_timer, &call.voicemail_timer}) {
        if (*t != 0) {
            host_.timers().Cancel(*t);
            *t = 0;
        }
    }
}

void PhoneCalls::Forget(LegId caller) {
    auto it = calls_.find(caller);
    if (it == calls_.end()) {
        return;
    }
    CancelTimers(*it->second);
    by_contact_.erase(it->second->id.str());
    calls_.erase(it);
}

// ---- what the engine decided ----

void PhoneCalls::CallbackOffered(const events::Offer& offer, const std::string& number) {
    const LegId key = next_placeholder_++;
    auto owned = std::make_unique<Call>();
    Call& call = *owned;
    call.caller = key;  // no leg yet: commands to it go nowhere until the customer is dialled
    call.id = offer.id;
    call.from = number;
    call.number = number;
    call.callback = true;
    call.queue = offer.queue;
    call.stage = Stage::kQueued;
    call.language = options_.language;
    calls_.emplace(key, std::move(owned));
    by_contact_[offer.id.str()] = key;
    callback_numbers_.erase(offer.id.str());
    Offered(call, offer.agent);
}

void PhoneCalls::DialCustomer(Call& call) {
    std::string to = options_.trunk;
    if (auto at = to.find("{number}"); at != std::string::npos) {
        to.replace(at, 8, call.number);
    }
    telephony::OriginateRequest req;
    req.to = to;
    req.from_display = center_ ? center_->name : "";
    req.from_user = "hotline";
    req.ring_timeout = Duration{30000};
    const LegId placeholder = call.caller;
    const LegId customer = tel_.Originate(req);
    // From now on the call is keyed by the customer's leg, like an incoming one.
    auto node = calls_.extract(placeholder);
    node.key() = customer;
    node.mapped()->caller = customer;
    node.mapped()->stage = Stage::kDialling;
    calls_.insert(std::move(node));
    by_contact_[call.id.str()] = customer;
    if (call.agent_leg != 0) {
        agent_legs_[call.agent_leg] = customer;
    }
}

void PhoneCalls::Offered(Call& call, const AgentId& agent) {
    call.stage = Stage::kRinging;
    call.agent = agent;
    const AgentConfig* a = center_ ? center_->FindAgent(agent) : nullptr;
    if (a == nullptr || (a->sip.empty() && !options_.registered_phones)) {
        // No phone to ring: the offer goes back at once (as a reject) so the caller waits for
        // someone who can take a phone call.
        std::cerr << "hotline: agent " << agent.str()
                  << " has no SIP phone (agents[].sip); the call goes back to its queue\n";
        const LegId caller = call.caller;
        Later(caller, host_.Now(), [agent](CallContext& ctx, Call& c) {
            if (c.stage == Stage::kRinging && c.agent == agent && c.agent_leg == 0) {
                c.stage = Stage::kQueued;
                return ctx.engine.Reject(c.id, "rejected");
            }
            return Status::Ok();
        });
        return;
    }
    Duration ring = center_->ring_timeout;
    if (const QueueConfig* q = center_->FindQueue(call.queue); q && q->ring_timeout) {
        ring = *q->ring_timeout;
    }
    telephony::OriginateRequest req;
    req.to = a->sip;
    req.user = a->id.str();
    req.from_user = call.from;
    req.from_display = call.from;
    req.ring_timeout = ring + Duration{5000};  // the engine's ring timeout comes first
    call.agent_leg = tel_.Originate(req);
    agent_legs_[call.agent_leg] = call.caller;
}

void PhoneCalls::OfferEnded(Call& call) {
    DropAgentLeg(call);
    call.agent = AgentId{};
    if (call.stage == Stage::kRinging) {
        call.stage = Stage::kQueued;
    }
}

void PhoneCalls::DropAgentLeg(Call& call) {
    if (call.agent_leg != 0) {
        agent_legs_.erase(call.agent_leg);
        tel_.Hangup(call.agent_leg);  // BYE, or CANCEL while it still rings
        call.agent_leg = 0;
    }
}

void PhoneCalls::OnOffer(const events::Offer& offer) {
    if (Call* call = ByContact(offer.id)) {
        call->queue = offer.queue;
        Offered(*call, offer.agent);
    } else if (auto cb = callback_numbers_.find(offer.id.str());
               cb != callback_numbers_.end() && !options_.trunk.empty()) {
        CallbackOffered(offer, cb->second);
    }
}

void PhoneCalls::OnEngineEvent(const Event& e) {
    if (const auto* offer = e.As<events::Offer>()) {
        OnOffer(*offer);
    } else if (const auto* cb = e.As<events::CallbackRequest>()) {
        if (!options_.trunk.empty() && !cb->number.empty() && cb->number != "unknown") {
            callback_numbers_[cb->callback_id.str()] = cb->number;
        }
    } else if (const auto* fail = e.As<events::OfferFail>()) {
        if (Call* call = ByContact(fail->id)) {
            OfferEnded(*call);
        }
    } else if (const auto* moved = e.As<events::Enqueue>()) {
        if (Call* call = ByContact(moved->id); call && call->stage == Stage::kQueued) {
            call->queue = moved->queue;  // an overflow rule moved it: that queue's music
        }
    } else if (const auto* hold = e.As<events::Hold>()) {
        if (Call* call = ByContact(hold->id)) {
            tel_.Hold(call->caller, MusicOf(*call));
        }
    } else if (const auto* unhold = e.As<events::Unhold>()) {
        if (Call* call = ByContact(unhold->id)) {
            tel_.Unhold(call->caller);
        }
    } else if (const auto* transfer = e.As<events::Transfer>()) {
        if (Call* call = ByContact(transfer->id)) {
            Transferred(*call, *transfer);
        }
    } else if (const auto* hangup = e.As<events::Hangup>()) {
        if (Call* call = ByContact(hangup->id); call != nullptr && !call->contact_ended) {
            EndedByEngine(*call, *hangup);
        }
    }
}

void PhoneCalls::Transferred(Call& call, const events::Transfer& transfer) {
    // The first agent is done (wrap-up); the caller waits again, with music. A recording goes
    // on: one file per contact, whoever talks to the caller.
    if (call.agent_leg != 0) {
        tel_.Unbridge(call.caller);
    }
    DropAgentLeg(call);
    call.stage = Stage::kQueued;
    if (!transfer.to_queue.empty()) {
        call.queue = transfer.to_queue;
    }
    QueueMusic(call);
}

// The engine ended the contact: max wait, no agents, a callback, or the agent's desk.
void PhoneCalls::EndedByEngine(Call& call, const events::Hangup& hangup) {
    call.contact_ended = true;
    callback_numbers_.erase(hangup.id.str());
    DropAgentLeg(call);
    if (call.callback && call.stage != Stage::kTalking && call.stage != Stage::kDialling) {
        // Nobody was dialled yet: nothing to say to anyone.
        Later(call.caller, host_.Now(), [this](CallContext&, Call& c) {
            Forget(c.caller);
            return Status::Ok();
        });
        return;
    }
    CancelTimers(call);
    if (hangup.reason == "voicemail") {
        call.stage = Stage::kVoicemail;
        tel_.Play(call.caller, {"leave_message"}, call.language, false);
    } else if (hangup.stage == "talk" || hangup.by == "customer") {
        call.stage = Stage::kLeaving;
        tel_.Hangup(call.caller);
    } else {
        call.stage = Stage::kLeaving;
        tel_.Play(call.caller, {hangup.reason == "callback" ? "callback_confirmed" : "goodbye"},
                  call.language, false);
    }
}

}  // namespace hotline::api
