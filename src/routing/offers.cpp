// The offer protocol (ring, answer, no answer, reject) and after-call work.
#include <algorithm>
#include <cassert>

#include "engine_impl.h"

namespace hotline::routing {

void Engine::Impl::EndContact(ContactIdx ci, const char* by, const char* stage,
                              const char* reason) {
    Emit<events::Hangup>(contacts[ci].id, by, stage, reason);
    FreeContact(ci);
}

void Engine::Impl::ReturnToQueue(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    c.agent = kNone;
    c.stage = ContactRt::Stage::kQueued;
    AddWaiting(ci);  // same rank key: the contact keeps its place
    ScheduleTimeRule(ci);
    TryContact(ci);
}

void Engine::Impl::FailOffer(ContactIdx ci, const char* why) {
    ContactRt& c = contacts[ci];
    const AgentIdx ai = c.agent;
    AgentRt& a = agents[ai];
    if (c.ring_timer) {
        timers.Cancel(c.ring_timer);
    }
    c.ring_timer = 0;
    a.ringing = kNone;
    a.used[static_cast<int>(c.media)] -= 1;
    Emit<events::OfferFail>(c.id, a.id, why);
    const std::string_view reason = why;
    if (reason == "no_answer") {
        a.missed_in_row += 1;
        if (center.max_missed_offers > 0 && a.missed_in_row >= center.max_missed_offers) {
            // Auto-pause: an agent who keeps not answering is away from the desk.
            a.want_ready = false;
            a.reason = "missed_offers";
        }
    }
    if (reason != "logout") {
        BlockAfterFailedOffer(ai);
    }
    // The agent's state first (it is no longer reserved), then the contact looks again.
    Refresh(ai);
    ReturnToQueue(ci);
}

void Engine::Impl::OnRingTimeout(ContactIdx ci) {
    contacts[ci].ring_timer = 0;
    FailOffer(ci, "no_answer");
}

TimerId Engine::Impl::ScheduleWrapEnd(AgentIdx ai, uint32_t tag, Timestamp at) {
    return timers.Schedule(at, [this, ai, tag] {
        AgentRt& ag = agents[ai];
        auto it = std::find_if(ag.wraps.begin(), ag.wraps.end(),
                               [&](const WrapRt& x) { return x.tag == tag; });
        if (it == ag.wraps.end()) {
            return;
        }
        it->timer = 0;
        EndWrapup(ai, static_cast<size_t>(it - ag.wraps.begin()), "");
    });
}

void Engine::Impl::StartWrapup(AgentIdx ai, ContactRt& c) {
    AgentRt& a = agents[ai];
    const Timestamp now = clock.Now();
    a.talking -= 1;
    if (c.on_hold) {  // the agent's leg ends; a transferred contact is no longer held by it
        c.hold_ms += (now - c.hold_since).count();
        c.on_hold = false;
    }
    WrapRt w;
    w.id = c.id;
    w.tag = NextWrapTag(a);
    w.queue = c.queue;
    w.media = c.media;
    w.started = now;
    w.handle = (now - c.answered_at);
    c.agent = kNone;
    const Duration acw = WrapupTime(a, c.queue);
    w.ends = now + acw;
    if (acw.count() == 0) {
        FinishWrapup(ai, std::move(w), "", "");  // no after-call work: nothing to keep
        return;
    }
    w.timer = ScheduleWrapEnd(ai, w.tag, w.ends);
    a.wraps.push_back(std::move(w));
    Refresh(ai);
}

void Engine::Impl::EndWrapup(AgentIdx ai, size_t index, const std::string& disposition,
                             const std::string& notes) {
    AgentRt& a = agents[ai];
    WrapRt w = std::move(a.wraps[index]);
    a.wraps.erase(a.wraps.begin() + static_cast<ptrdiff_t>(index));
    if (w.timer) {
        timers.Cancel(w.timer);
    }
    FinishWrapup(ai, std::move(w), disposition, notes);
}

void Engine::Impl::FinishWrapup(AgentIdx ai, WrapRt&& w, const std::string& disposition,
                                const std::string& notes) {
    AgentRt& a = agents[ai];
    // Statistics below are rank inputs: take the agent out of every pool before changing them.
    for (int m = 0; m < kMediaCount; ++m) {
        Unindex(ai, static_cast<Media>(m));
    }
    const Timestamp now = clock.Now();
    Emit<events::WrapupEnd>(std::move(w.id), a.id, disposition, notes);
    a.used[static_cast<int>(w.media)] -= 1;
    a.calls += 1;
    a.talk_ms += w.handle.count();
    a.busy_ms += w.handle.count() + (now - w.started).count();
    QueueRt& q = queues[w.queue];
    const double handle = static_cast<double>(w.handle.count() + (now - w.started).count());
    q.aht_ms = 0.9 * q.aht_ms + 0.1 * handle;
    Refresh(ai);
}

// ---- commands ----

Status Engine::Answer(const InteractionId& id) {
    Impl& s = *impl_;
    ContactRt* c = s.FindContact(id);
    if (!c) {
        return NotFound("unknown interaction \"" + id.str() + "\"");
    }
    if (c->stage != ContactRt::Stage::kOffered) {
        return FailedPrecondition("interaction \"" + id.str() + "\" is not ringing at an agent");
    }
    AgentRt& a = s.agents[c->agent];
    if (c->ring_timer) {
        s.timers.Cancel(c->ring_timer);
    }
    c->ring_timer = 0;
    c->stage = ContactRt::Stage::kTalking;
    c->answered_at = s.clock.Now();
    if (c->rule_timer) {
        s.timers.Cancel(c->rule_timer);
    }
    c->rule_timer = 0;
    a.ringing = kNone;
    a.talking += 1;
    a.missed_in_row = 0;
    s.Emit<events::Answer>(c->id, a.id, s.queues[c->queue].id);
    s.RecordOutcome(c->queue, true, s.clock.Now() - c->queue_entry);
    s.Refresh(c->agent);
    return Status::Ok();
}

Status Engine::Reject(const InteractionId& id, std::string why) {
    Impl& s = *impl_;
    const ContactIdx found = s.contact_index.Find(id);
    if (found == kNone) {
        return NotFound("unknown interaction \"" + id.str() + "\"");
    }
    if (s.contacts[found].stage != ContactRt::Stage::kOffered) {
        return FailedPrecondition("interaction \"" + id.str() + "\" is not ringing at an agent");
    }
    if (why != "rejected" && why != "busy") {
        return InvalidArgument("why must be rejected or busy");
    }
    s.FailOffer(found, why == "rejected" ? "rejected" : "busy");
    return Status::Ok();
}

Status Engine::FinishWrapup(const AgentId& agent, const InteractionId& id, std::string disposition,
                            std::string notes) {
    Impl& s = *impl_;
    AgentRt* a = s.FindAgent(agent);
    if (!a) {
        return NotFound("unknown agent \"" + agent.str() + "\"");
    }
    auto it =
        std::find_if(a->wraps.begin(), a->wraps.end(), [&](const WrapRt& w) { return w.id == id; });
    if (it == a->wraps.end()) {
        return FailedPrecondition("agent \"" + agent.str() + "\" has no wrap-up for \"" + id.str() +
                                  "\"");
    }
    s.EndWrapup(s.agent_index.at(agent), static_cast<size_t>(it - a->wraps.begin()), disposition,
                notes);
    return Status::Ok();
}

Status Engine::ExtendWrapup(const AgentId& agent, const InteractionId& id, Duration extra) {
    Impl& s = *impl_;
    AgentRt* a = s.FindAgent(agent);
    if (!a) {
        return NotFound("unknown agent \"" + agent.str() + "\"");
    }
    if (extra.count() <= 0) {
        return InvalidArgument("the extension must be longer than 0");
    }
    auto it =
        std::find_if(a->wraps.begin(), a->wraps.end(), [&](const WrapRt& w) { return w.id == id; });
    if (it == a->wraps.end()) {
        return FailedPrecondition("agent \"" + agent.str() + "\" has no wrap-up for \"" + id.str() +
                                  "\"");
    }
    AgentIdx ai = s.agent_index.at(agent);
    if (it->timer) {
        s.timers.Cancel(it->timer);
    }
    it->ends += extra;
    it->timer = s.ScheduleWrapEnd(ai, it->tag, it->ends);
    s.Emit<events::WrapupExtend>(id, agent, ToMillis(it->ends));
    return Status::Ok();
}

}  // namespace hotline::routing
