#include "ivr_calls.h"

#include <boost/json.hpp>

#include "hotline/metrics/calendar.h"

namespace hotline::api {
namespace json = boost::json;

namespace {

std::string_view KindName(ivr::StepKind k) {
    switch (k) {
        case ivr::StepKind::kPlay:
            return "play";
        case ivr::StepKind::kGetDigits:
            return "get_digits";
        case ivr::StepKind::kQueue:
            return "queue";
        case ivr::StepKind::kCallback:
            return "callback";
        case ivr::StepKind::kTransfer:
            return "transfer";
        case ivr::StepKind::kVoicemail:
            return "voicemail";
        case ivr::StepKind::kHangup:
            return "hangup";
    }
    return "hangup";
}

json::object StepJson(const ivr::Step& s) {
    json::object o{{"kind", KindName(s.kind)}, {"node", s.node}, {"prompt", s.prompt}};
    if (s.kind == ivr::StepKind::kPlay) {
        o["duration_s"] = ToSeconds(s.duration);
    }
    if (s.kind == ivr::StepKind::kGetDigits) {
        o["timeout_s"] = ToSeconds(s.timeout);
        o["max_digits"] = s.max_digits;
        o["terminator"] = s.terminator;
        o["survey"] = s.survey;
    }
    if (!s.queue.empty()) {
        o["queue"] = s.queue.str();
    }
    if (!s.target.empty()) {
        o["target"] = s.target;
    }
    if (s.terminal()) {
        o["outcome"] = s.outcome;
    }
    return o;
}

template <class T>
void Emit(LiveView& v, T body) {
    v.sink.OnEvent(Event{v.now, EventBody{std::move(body)}});
}

}  // namespace

Result<json::object> IvrCalls::Start(routing::Engine& engine, LiveView& v,
                                     std::shared_ptr<const CenterConfig> center,
                                     const std::string& id, const std::string& flow,
                                     ivr::Variables vars, const std::string& from) {
    const IvrFlow* f = center->FindFlow(flow);
    if (f == nullptr) {
        return NotFound("unknown IVR flow \"" + flow + "\"");
    }
    // Forget the sessions of contacts that ended meanwhile (a PBX that hung up mid-menu).
    std::erase_if(calls_, [&](const auto& kv) { return !v.state.Live(InteractionId{kv.first}); });
    if (calls_.contains(id)) {
        return Conflict("interaction \"" + id + "\" is in the IVR already");
    }
    now_ = v.now;
    auto open = metrics::BusinessHoursOf(*center);
    Call call;
    call.center = center;
    call.flow = flow;
    call.from = from;
    // The hours node asks at the instant the caller reaches it: the time of the command that
    // moves the caller on.
    std::function<bool()> is_open = [] { return true; };
    if (open) {
        is_open = [this, open] { return open(now_); };
    }
    call.session = std::make_unique<ivr::Session>(*f, std::move(vars), std::move(is_open));
    Emit(v, events::IvrEnter{InteractionId{id}, flow, f->start});
    ivr::Step step = call.session->Start();
    auto it = calls_.emplace(id, std::move(call)).first;
    return Carry(engine, v, id, it->second, std::move(step));
}

Result<json::object> IvrCalls::Next(routing::Engine& engine, LiveView& v, const std::string& id,
                                    std::optional<std::string> digits, bool timeout) {
    now_ = v.now;
    auto it = calls_.find(id);
    if (it == calls_.end()) {
        if (v.state.Live(InteractionId{id})) {
            return FailedPrecondition("interaction \"" + id +
                                      "\" has no IVR session (the server restarted, or it never "
                                      "had one): enqueue it or hang up");
        }
        return NotFound("unknown interaction \"" + id + "\" (or already ended)");
    }
    if (!v.state.Live(InteractionId{id})) {
        calls_.erase(it);
        return NotFound("interaction \"" + id + "\" has ended");
    }
    Call& call = it->second;
    ivr::Step step;
    if (call.step.kind == ivr::StepKind::kPlay) {
        if (digits || timeout) {
            return InvalidArgument("the caller is listening to a prompt: send {\"played\": true}");
        }
        step = call.session->PlaybackDone();
    } else {
        if (!digits && !timeout) {
            return InvalidArgument(
                "the caller is asked for digits: send {\"digits\": \"…\"} or {\"timeout\": true}");
        }
        if (digits) {
            if (digits->empty() || digits->size() > 64 ||
                digits->find_first_not_of("0123456789*#") != std::string::npos) {
                return InvalidArgument("field \"digits\": only 0-9, * and #, 1 to 64 of them");
            }
            Emit(v, events::IvrInput{InteractionId{id}, call.flow, call.step.node, *digits});
        }
        step = call.session->Digits(digits.value_or(""));
    }
    return Carry(engine, v, id, call, std::move(step));
}

Result<json::object> IvrCalls::Carry(routing::Engine& engine, LiveView& v, const std::string& id,
                                     Call& call, ivr::Step step) {
    json::object out{{"id", id}, {"step", StepJson(step)}};
    if (!step.terminal()) {
        call.step = std::move(step);
        out["stage"] = "ivr";
        return out;
    }
    const InteractionId iid{id};
    Emit(v, events::IvrExit{iid, call.flow, step.node, step.outcome});
    const std::string from = call.from;
    calls_.erase(id);  // `call` is gone from here on
    switch (step.kind) {
        case ivr::StepKind::kQueue:
        case ivr::StepKind::kCallback: {
            RETURN_IF_ERROR(engine.Enqueue(
                routing::EnqueueCommand{iid, step.queue, step.priority, step.skills}));
            if (step.kind == ivr::StepKind::kCallback) {
                auto cb = engine.RequestCallback(iid, from.empty() ? "unknown" : from);
                if (!cb.ok()) {
                    return cb.status();
                }
                out["callback_id"] = cb->str();
            }
            const routing::RestoredContact* c = v.state.Find(iid);
            out["stage"] = c == nullptr
                               ? "ended"
                               : (c->stage == routing::RestoredContact::Stage::kOffered ? "offered"
                                                                                        : "queued");
            if (c != nullptr) {
                out["agent"] = c->agent.str();
            }
            return out;
        }
        case ivr::StepKind::kTransfer:
        case ivr::StepKind::kVoicemail:
            RETURN_IF_ERROR(engine.Hangup(iid, routing::HangupBy::kSystem));
            break;
        default:
            RETURN_IF_ERROR(engine.Hangup(iid, routing::HangupBy::kCustomer));
            break;
    }
    out["stage"] = "ended";
    return out;
}

}  // namespace hotline::api
