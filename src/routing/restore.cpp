// Engine::Restore: a fresh engine takes over a state rebuilt from the event log (restore.h).
#include <algorithm>
#include <numeric>

#include "engine_impl.h"

namespace hotline::routing {

Result<RestoreReport> Engine::Restore(const EngineState& st) {
    Impl& s = *impl_;
    if (!s.contact_index.Empty() || std::any_of(s.agents.begin(), s.agents.end(),
                                                [](const AgentRt& a) { return a.logged_in; })) {
        return FailedPrecondition("a state can only be restored into a fresh engine");
    }
    RestoreReport rep;
    const Timestamp now = s.clock.Now();
    auto queue_of = [&](const QueueId& q) -> QueueIdx {
        auto it = s.queue_index.find(q);
        return it == s.queue_index.end() ? kNone : it->second;
    };
    auto agent_of = [&](const AgentId& a) -> AgentIdx {
        auto it = s.agent_index.find(a);
        return it == s.agent_index.end() ? kNone : it->second;
    };
    // What the new configuration cannot hold ends, with an event, once routing is live again.
    std::vector<std::pair<InteractionId, std::string>> to_end;
    std::vector<std::pair<InteractionId, AgentId>> wraps_to_end;
    std::vector<std::pair<ContactIdx, AgentIdx>> lost_offers;
    std::vector<ContactIdx> waiting;
    std::vector<AgentId> dropped_agents;

    s.silent = true;
    for (size_t m = 0; m < s.merges.size(); ++m) {
        if (st.active_merges.contains(s.merges[m].rule->id.str())) {
            s.SetMerged(m, true, "restored");
        }
    }
    for (const RestoredAgent& ra : st.agents) {
        const AgentIdx ai = agent_of(ra.id);
        if (ai == kNone) {
            rep.dropped.push_back("agent " + ra.id.str() + ": no longer configured");
            dropped_agents.push_back(ra.id);
            continue;
        }
        AgentRt& a = s.agents[ai];
        a.logged_in = true;
        a.want_ready = ra.ready;
        a.reason = ra.ready ? "" : (ra.reason.empty() ? "other" : ra.reason);
        a.login_at = ra.login_at;
        a.shown_since = ra.state_since;
        a.idle_since = ra.state_since;
        s.SetStaffed(ai, +1);
        ++rep.agents;
    }
    for (const RestoredContact& rc : st.contacts) {
        const QueueIdx qi = rc.queue.empty() ? kNone : queue_of(rc.queue);
        const bool needs_queue = rc.stage != RestoredContact::Stage::kArrived;
        if (needs_queue && qi == kNone) {
            rep.dropped.push_back("interaction " + rc.id.str() + ": queue " + rc.queue.str() +
                                  " no longer configured");
            to_end.emplace_back(rc.id,
                                rc.stage == RestoredContact::Stage::kTalking ? "talk" : "queue");
            continue;
        }
        AgentIdx ai = rc.agent.empty() ? kNone : agent_of(rc.agent);
        if (rc.stage == RestoredContact::Stage::kTalking &&
            (ai == kNone || !s.agents[ai].logged_in)) {
            rep.dropped.push_back("interaction " + rc.id.str() + ": agent " + rc.agent.str() +
                                  " no longer configured");
            to_end.emplace_back(rc.id, "talk");
            continue;
        }
        const ContactIdx ci = s.NewContact();
        ContactRt& c = s.contacts[ci];
        c.id = rc.id;
        c.channel = rc.channel;
        c.media = MediaOf(rc.channel);
        c.arrived_at = rc.arrived_at;
        c.priority = rc.priority;
        c.extra = NormalizeRequirement(rc.extra);
        c.waiting_since = rc.waiting_since;
        c.queue_entry = rc.queue_entry;
        s.contact_index.Insert(ci);
        ++rep.contacts;
        if (!needs_queue) {
            continue;  // still in self-service: the IVR's side carries on
        }
        c.queue = qi;
        c.visited.push_back(qi);
        if (rc.stage == RestoredContact::Stage::kTalking) {
            AgentRt& a = s.agents[ai];
            c.stage = ContactRt::Stage::kTalking;
            c.agent = ai;
            c.answered_at = rc.answered_at;
            c.on_hold = rc.on_hold;
            c.hold_since = rc.hold_since;
            c.hold_ms = rc.hold_ms;
            a.talking += 1;
            a.used[static_cast<int>(c.media)] += 1;
            continue;
        }
        // Waiting (or ringing when the server stopped): back in line at its old place, with
        // the overflow rules that had fired already in effect.
        c.eligibility.clear();
        s.RecomputeEligibility(ci);
        const QueueRt& q = s.queues[qi];
        while (c.next_time_rule < q.time_rules.size() &&
               rc.fired_rules.contains(q.time_rules[c.next_time_rule].id.str())) {
            const TimeRule& rule = q.time_rules[c.next_time_rule++];
            if (rule.action.kind == OverflowAction::Kind::kWiden) {
                s.ApplyAction(ci, rule.id, rule.action);
            }
            if (rule.action.kind == OverflowAction::Kind::kCallback) {
                c.callback_offered = true;
            }
        }
        for (const auto* rules : {&q.arrival_rules, &q.no_agent_rules}) {
            for (const OverflowRule* rule : *rules) {
                if (rc.fired_rules.contains(rule->id.str()) &&
                    rule->action.kind == OverflowAction::Kind::kWiden) {
                    s.ApplyAction(ci, rule->id, rule->action);
                }
            }
        }
        s.AddWaiting(ci);
        waiting.push_back(ci);
        if (rc.stage == RestoredContact::Stage::kOffered && ai != kNone) {
            lost_offers.emplace_back(ci, ai);
            s.agents[ai].shown = AgentStateKind::kReserved;  // as the log last showed it
        }
    }
    for (const RestoredWrap& rw : st.wraps) {
        const AgentIdx ai = agent_of(rw.agent);
        const QueueIdx qi = queue_of(rw.queue);
        if (ai == kNone || !s.agents[ai].logged_in || qi == kNone) {
            wraps_to_end.emplace_back(rw.id, rw.agent);
            continue;
        }
        AgentRt& a = s.agents[ai];
        WrapRt w;
        w.id = rw.id;
        w.tag = s.NextWrapTag(a);
        w.queue = qi;
        w.media = MediaOf(rw.channel);
        w.started = rw.started;
        w.handle = rw.handle;
        w.ends = rw.ends.value_or(rw.started + s.WrapupTime(a, qi));
        a.used[static_cast<int>(w.media)] += 1;
        w.timer = s.ScheduleWrapEnd(ai, w.tag, std::max(w.ends, now));
        a.wraps.push_back(w);
        ++rep.wraps;
    }
    // Each agent shows what the log last showed; the free ones go into their pools now, keeping
    // how long they have been idle — longest idle first, the order an arrival-ordered pool
    // takes without searching.
    std::vector<AgentIdx> by_idle(s.agents.size());
    std::iota(by_idle.begin(), by_idle.end(), AgentIdx{0});
    std::sort(by_idle.begin(), by_idle.end(), [&](AgentIdx x, AgentIdx y) {
        const AgentRt& a = s.agents[x];
        const AgentRt& b = s.agents[y];
        return a.idle_since != b.idle_since ? a.idle_since < b.idle_since : a.id_rank < b.id_rank;
    });
    for (AgentIdx ai : by_idle) {
        AgentRt& a = s.agents[ai];
        if (!a.logged_in) {
            continue;
        }
        if (a.shown != AgentStateKind::kReserved) {
            a.shown = s.ComputeShown(a);
        }
        for (int m = 0; m < kMediaCount; ++m) {
            if (s.Available(a, static_cast<Media>(m))) {
                s.Index(ai, static_cast<Media>(m));
            }
        }
    }
    s.silent = false;

    for (const auto& [id, stage] : to_end) {
        s.Emit<events::Hangup>(id, "system", stage, "restart");
    }
    for (const auto& [id, agent] : wraps_to_end) {
        s.Emit<events::WrapupEnd>(id, agent, "", "");
    }
    for (const AgentId& agent : dropped_agents) {
        s.Emit<events::AgentLogout>(agent);
    }
    for (const auto& [ci, ai] : lost_offers) {
        s.Emit<events::OfferFail>(s.contacts[ci].id, s.agents[ai].id, "restart");
        ++rep.offers_returned;
    }
    for (AgentIdx ai = 0; ai < s.agents.size(); ++ai) {
        if (s.agents[ai].logged_in) {
            s.Refresh(ai);
        }
    }
    std::sort(waiting.begin(), waiting.end(), [&](ContactIdx a, ContactIdx b) {
        return s.contacts[a].waiting_since != s.contacts[b].waiting_since
                   ? s.contacts[a].waiting_since < s.contacts[b].waiting_since
                   : s.contacts[a].seq < s.contacts[b].seq;
    });
    for (ContactIdx ci : waiting) {
        if (!s.contacts[ci].live || s.contacts[ci].stage != ContactRt::Stage::kQueued) {
            continue;
        }
        s.ScheduleTimeRule(ci);
        s.TryContact(ci);
    }
    return rep;
}

}  // namespace hotline::routing
