// Interaction commands: arrive, enqueue, hold, transfer, hang up, callbacks.
#include "engine_impl.h"

namespace hotline::routing {
namespace {

const char* ByName(HangupBy by) {
    switch (by) {
        case HangupBy::kCustomer:
            return "customer";
        case HangupBy::kAgent:
            return "agent";
        case HangupBy::kSystem:
            return "system";
    }
    return "system";
}

Status Unknown(const InteractionId& id) {
    return NotFound("unknown interaction \"" + id.str() + "\"");
}

}  // namespace

Status Engine::Arrive(const ArriveCommand& cmd) {
    Impl& s = *impl_;
    if (cmd.id.empty()) {
        return InvalidArgument("an interaction needs an id");
    }
    if (s.contact_index.Find(cmd.id) != kNone) {
        return Conflict("interaction \"" + cmd.id.str() + "\" is already in progress");
    }
    ContactIdx ci = s.NewContact();
    ContactRt& c = s.contacts[ci];
    c.id = cmd.id;
    s.contact_index.Insert(ci);
    c.channel = cmd.channel;
    c.media = MediaOf(cmd.channel);
    c.arrived_at = s.clock.Now();
    s.Emit<events::Arrive>(c.id, std::string(ChannelName(c.channel)), "in", cmd.from, cmd.to,
                           cmd.customer, InteractionId{});
    return Status::Ok();
}

Status Engine::Enqueue(const EnqueueCommand& cmd) {
    Impl& s = *impl_;
    const ContactIdx found = s.contact_index.Find(cmd.id);
    if (found == kNone) {
        return Unknown(cmd.id);
    }
    auto q = s.queue_index.find(cmd.queue);
    if (q == s.queue_index.end()) {
        return NotFound("unknown queue \"" + cmd.queue.str() + "\"");
    }
    PrefetchLines(s.queues[q->second], 0, 3);  // entering the queue reads these three
    ContactIdx ci = found;
    ContactRt& c = s.contacts[ci];
    if (c.stage != ContactRt::Stage::kArrived) {
        return FailedPrecondition("interaction \"" + cmd.id.str() + "\" is already queued");
    }
    for (const SkillLevel& sl : cmd.skills) {
        if (sl.level < 1 || sl.level > 10) {
            return InvalidArgument("skill levels run from 1 to 10");
        }
    }
    c.priority = cmd.priority;
    c.extra = NormalizeRequirement(cmd.skills);
    c.waiting_since = s.clock.Now();
    s.EnterQueue(ci, q->second, /*fresh_arrival=*/true);
    return Status::Ok();
}

Status Engine::Hold(const InteractionId& id) {
    Impl& s = *impl_;
    ContactRt* c = s.FindContact(id);
    if (!c) {
        return Unknown(id);
    }
    if (c->stage != ContactRt::Stage::kTalking) {
        return FailedPrecondition("only a talking contact can be held");
    }
    if (c->on_hold) {
        return Conflict("already on hold");
    }
    c->on_hold = true;
    c->hold_since = s.clock.Now();
    s.Emit<events::Hold>(c->id, s.agents[c->agent].id);
    return Status::Ok();
}

Status Engine::Unhold(const InteractionId& id) {
    Impl& s = *impl_;
    ContactRt* c = s.FindContact(id);
    if (!c) {
        return Unknown(id);
    }
    if (c->stage != ContactRt::Stage::kTalking || !c->on_hold) {
        return FailedPrecondition("not on hold");
    }
    c->on_hold = false;
    c->hold_ms += (s.clock.Now() - c->hold_since).count();
    s.Emit<events::Unhold>(c->id, s.agents[c->agent].id);
    return Status::Ok();
}

Status Engine::TransferToQueue(const InteractionId& id, const QueueId& to_queue) {
    Impl& s = *impl_;
    const ContactIdx found = s.contact_index.Find(id);
    if (found == kNone) {
        return Unknown(id);
    }
    auto q = s.queue_index.find(to_queue);
    if (q == s.queue_index.end()) {
        return NotFound("unknown queue \"" + to_queue.str() + "\"");
    }
    ContactIdx ci = found;
    ContactRt& c = s.contacts[ci];
    if (c.stage != ContactRt::Stage::kTalking) {
        return FailedPrecondition("only a talking contact can be transferred");
    }
    AgentIdx from = c.agent;
    s.Emit<events::Transfer>(c.id, s.agents[from].id, to_queue, AgentId{});
    s.StartWrapup(from, c);
    c.waiting_since = s.clock.Now();
    c.seq = s.next_seq++;
    c.visited.clear();
    c.widened.clear();
    s.EnterQueue(ci, q->second, /*fresh_arrival=*/true);
    return Status::Ok();
}

Status Engine::TransferToAgent(const InteractionId& id, const AgentId& to_agent) {
    Impl& s = *impl_;
    const ContactIdx found = s.contact_index.Find(id);
    if (found == kNone) {
        return Unknown(id);
    }
    AgentRt* target = s.FindAgent(to_agent);
    if (!target) {
        return NotFound("unknown agent \"" + to_agent.str() + "\"");
    }
    ContactIdx ci = found;
    ContactRt& c = s.contacts[ci];
    if (c.stage != ContactRt::Stage::kTalking) {
        return FailedPrecondition("only a talking contact can be transferred");
    }
    AgentIdx from = c.agent;
    if (s.agents[from].id == to_agent) {
        return InvalidArgument("cannot transfer to the same agent");
    }
    if (!s.Available(*target, c.media)) {
        return FailedPrecondition("agent \"" + to_agent.str() + "\" cannot take a contact now");
    }
    s.Emit<events::Transfer>(c.id, s.agents[from].id, QueueId{}, to_agent);
    s.StartWrapup(from, c);
    c.stage = ContactRt::Stage::kQueued;  // between agents; Offer takes it from here
    s.Offer(ci, s.agent_index.at(to_agent));
    return Status::Ok();
}

Status Engine::Hangup(const InteractionId& id, HangupBy by) {
    Impl& s = *impl_;
    const ContactIdx found = s.contact_index.Find(id);
    if (found == kNone) {
        return Unknown(id);
    }
    ContactIdx ci = found;
    ContactRt& c = s.contacts[ci];
    const char* who = ByName(by);
    switch (c.stage) {
        case ContactRt::Stage::kArrived:
            s.EndContact(ci, who, "ivr", "");
            break;
        case ContactRt::Stage::kQueued:
        case ContactRt::Stage::kOffered: {
            const bool offered = c.stage == ContactRt::Stage::kOffered;
            if (by == HangupBy::kCustomer) {
                s.Emit<events::Abandon>(c.id, s.queues[c.queue].id);
                Duration waited = s.clock.Now() - c.queue_entry;
                if (waited >= s.center.short_abandon) {
                    s.RecordOutcome(c.queue, false, waited);
                }
            }
            const AgentIdx a = c.agent;
            const Media media = c.media;
            s.RemoveWaiting(ci);
            s.EndContact(ci, who, offered ? "offer" : "queue", "");
            if (offered) {
                // The caller left while the agent's phone rang: the agent is free again.
                s.agents[a].ringing = kNone;
                s.agents[a].used[static_cast<int>(media)] -= 1;
                s.Refresh(a);
            }
            break;
        }
        case ContactRt::Stage::kTalking: {
            AgentIdx a = c.agent;
            // Wrap-up and the agent's next offer read the agent's first four lines, the
            // queue's first and the rest of the contact: ask for them all at once.
            PrefetchLines(s.agents[a], 0, 4);
            PrefetchLines(s.queues[c.queue], 0, 1);
            PrefetchLines(c, 1, 3);
            s.Emit<events::Hangup>(c.id, who, "talk", "");
            s.StartWrapup(a, c);
            s.FreeContact(ci);
            break;
        }
    }
    return Status::Ok();
}

Result<InteractionId> Engine::RequestCallback(const InteractionId& id, std::string number) {
    Impl& s = *impl_;
    const ContactIdx found = s.contact_index.Find(id);
    if (found == kNone) {
        return Unknown(id);
    }
    ContactIdx ci = found;
    if (s.contacts[ci].stage != ContactRt::Stage::kQueued) {
        return FailedPrecondition("only a waiting contact can ask for a callback");
    }
    if (number.empty()) {
        return InvalidArgument("a callback needs a number to call");
    }
    InteractionId cb_id(id.str() + "-cb");
    if (s.contact_index.Find(cb_id) != kNone) {
        return Conflict("callback \"" + cb_id.str() + "\" exists");
    }
    // Keep what the callback inherits before the caller's contact ends.
    const ContactRt caller = s.contacts[ci];
    s.Emit<events::CallbackRequest>(caller.id, number, s.queues[caller.queue].id, cb_id);
    s.RemoveWaiting(ci);
    s.EndContact(ci, "customer", "queue", "callback");

    ContactIdx cbi = s.NewContact();
    ContactRt& cb = s.contacts[cbi];
    cb.id = cb_id;
    cb.channel = Channel::kCallback;
    cb.media = Media::kVoice;
    cb.arrived_at = s.clock.Now();
    cb.priority = caller.priority;
    cb.extra = caller.extra;
    cb.waiting_since = caller.waiting_since;  // the caller's place in line
    s.contact_index.Insert(cbi);
    s.Emit<events::Arrive>(cb.id, "callback", "out", "", number, "", caller.id);
    s.EnterQueue(cbi, caller.queue, /*fresh_arrival=*/false);
    return cb_id;
}

}  // namespace hotline::routing
