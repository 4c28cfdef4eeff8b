// Agent commands and the agent state machine: what state an agent shows, when it may be offered
// work, and its place in the pools.
#include <cassert>

#include "engine_impl.h"

namespace hotline::routing {

AgentRt* Engine::Impl::FindAgent(const AgentId& id) {
    auto it = agent_index.find(id);
    return it == agent_index.end() ? nullptr : &agents[it->second];
}

AgentStateKind Engine::Impl::ComputeShown(const AgentRt& a) const {
    if (!a.logged_in) {
        return AgentStateKind::kLoggedOut;
    }
    if (a.ringing != kNone) {
        return AgentStateKind::kReserved;
    }
    if (a.talking > 0) {
        return AgentStateKind::kBusy;
    }
    if (!a.wraps.empty()) {
        return AgentStateKind::kWrapup;
    }
    return a.want_ready ? AgentStateKind::kReady : AgentStateKind::kNotReady;
}

std::array<bool, kMediaCount> Engine::Impl::AvailableMedia(const AgentRt& a, Timestamp now) const {
    std::array<bool, kMediaCount> out{};
    if (!a.logged_in || !a.want_ready || a.ringing != kNone || now < a.blocked_until) {
        return out;
    }
    // A phone call needs the agent's full attention; a call in progress blocks new chats too.
    const int voice = static_cast<int>(Media::kVoice);
    const int in_use = a.used[0] + a.used[1] + a.used[2];
    for (int m = 0; m < kMediaCount; ++m) {
        out[m] = a.used[m] < a.capacity[m] && (m == voice ? in_use == 0 : a.used[voice] == 0);
    }
    return out;
}

bool Engine::Impl::Available(const AgentRt& a, Media m) const {
    return AvailableMedia(a, clock.Now())[static_cast<int>(m)];
}

RankKey Engine::Impl::KeyFor(const AgentRt& a, const PoolRt& p, int64_t skill_score) const {
    RankKey key = p.impl->rank(a, skill_score);
    key[2] = a.id_rank;
    return key;
}

void Engine::Impl::EnterPool(PoolRt& pool, const AgentRt& a, AgentIdx ai, Slot slot,
                             int64_t skill_score) {
    if (auto* heap = std::get_if<OrderedPool>(&pool.agents)) {
        heap->Insert(slot, ai, KeyFor(a, pool, skill_score));
    } else if (auto* list = std::get_if<ArrivalPool>(&pool.agents)) {
        list->Insert(slot, ai, KeyFor(a, pool, skill_score));
    } else if (auto* cyclic = std::get_if<CyclicPool>(&pool.agents)) {
        cyclic->Insert(slot);
    } else {
        std::get<WeightedPool>(pool.agents).SetWeight(slot, pool.impl->weight(a, skill_score));
    }
}

void Engine::Impl::Index(AgentIdx ai, Media m) {
    AgentRt& a = agents[ai];
    const int mi = static_cast<int>(m);
    a.indexed[mi] = true;
    for (const AgentRt::ReqSlot& rs : a.reqs) {
        for (uint32_t p : pools_of_req[rs.req][mi]) {
            EnterPool(pools[p], a, ai, rs.slot, rs.skill_score);
        }
    }
}

void Engine::Impl::LeavePools(AgentIdx ai, Media m) {
    AgentRt& a = agents[ai];
    const int mi = static_cast<int>(m);
    a.indexed[mi] = false;
    for (const AgentRt::ReqSlot& rs : a.reqs) {
        for (uint32_t p : pools_of_req[rs.req][mi]) {
            [[maybe_unused]] const bool erased = pools[p].Erase(rs.slot);
            assert(erased && "an indexed agent is in every pool of its requirements");
        }
    }
}

void Engine::Impl::SetStaffed(AgentIdx ai, int delta) {
    const AgentRt& a = agents[ai];
    for (const AgentRt::ReqSlot& rs : a.reqs) {
        for (int m = 0; m < kMediaCount; ++m) {
            if (a.capacity[m] > 0) {
                staffed[rs.req][m] += delta;
            }
        }
    }
}

void Engine::Impl::Refresh(AgentIdx ai) {
    AgentRt& a = agents[ai];
    const Timestamp now = clock.Now();
    AgentStateKind shown = ComputeShown(a);
    if (shown != a.shown) {
        a.shown = shown;
        a.shown_since = now;
        if (shown != AgentStateKind::kLoggedOut) {
            Emit<events::AgentState>(a.id, std::string(AgentStateName(shown)),
                                     shown == AgentStateKind::kNotReady ? a.reason : "", "");
        }
    }
    const bool any_indexed = a.indexed[0] || a.indexed[1] || a.indexed[2];
    const std::array<bool, kMediaCount> avail = AvailableMedia(a, now);
    const bool any_available = avail[0] || avail[1] || avail[2];
    for (int m = 0; m < kMediaCount; ++m) {
        if (!avail[m]) {
            Unindex(ai, static_cast<Media>(m));
        }
    }
    if (any_available && !any_indexed) {
        // Becoming free again: the rank inputs that depend on time are taken now, while the
        // agent is in no pool.
        a.idle_since = now;
        int64_t logged = (now - a.login_at).count();
        a.occupancy_permille = logged > 0 ? a.busy_ms * 1000 / logged : 0;
    }
    // Work first, pools second: in a busy center a freed agent takes a waiting contact at once,
    // and putting it into every pool of its requirements only to take it out again would be
    // most of the cost of the decision. (The offer's own refresh settles the pools.)
    if (any_available && TryAgent(ai, avail)) {
        return;
    }
    for (int m = 0; m < kMediaCount; ++m) {
        if (avail[m] && !a.indexed[m]) {
            Index(ai, static_cast<Media>(m));
        }
    }
}

void Engine::Impl::EmitPending(const AgentRt& a) {
    // Only while work holds the agent: otherwise Refresh reports the new state itself.
    if (a.shown != AgentStateKind::kReserved && a.shown != AgentStateKind::kBusy &&
        a.shown != AgentStateKind::kWrapup) {
        return;
    }
    Emit<events::AgentState>(a.id, std::string(AgentStateName(a.shown)),
                             a.want_ready ? "" : a.reason, a.want_ready ? "ready" : "not_ready");
}

void Engine::Impl::BlockAfterFailedOffer(AgentIdx ai) {
    AgentRt& a = agents[ai];
    if (center.reject_delay.count() == 0) {
        return;
    }
    a.blocked_until = clock.Now() + center.reject_delay;
    if (a.block_timer) {
        timers.Cancel(a.block_timer);
    }
    a.block_timer = timers.Schedule(a.blocked_until, [this, ai] {
        agents[ai].block_timer = 0;
        Refresh(ai);
    });
}

// ---- commands ----

Status Engine::Login(const AgentId& id, bool ready) {
    Impl& s = *impl_;
    AgentRt* a = s.FindAgent(id);
    if (!a) {
        return NotFound("unknown agent \"" + id.str() + "\"");
    }
    if (a->logged_in) {
        return Conflict("agent \"" + id.str() + "\" is already logged in");
    }
    AgentIdx ai = s.agent_index.at(id);
    a->logged_in = true;
    a->want_ready = ready;
    a->reason = ready ? "" : "login";
    a->login_at = s.clock.Now();
    a->missed_in_row = 0;
    a->busy_ms = 0;
    s.SetStaffed(ai, +1);
    s.Emit<events::AgentLogin>(a->id);
    s.Refresh(ai);
    return Status::Ok();
}

Status Engine::Logout(const AgentId& id) {
    Impl& s = *impl_;
    AgentRt* a = s.FindAgent(id);
    if (!a) {
        return NotFound("unknown agent \"" + id.str() + "\"");
    }
    if (!a->logged_in) {
        return FailedPrecondition("agent \"" + id.str() + "\" is not logged in");
    }
    if (a->talking > 0 || !a->wraps.empty()) {
        return FailedPrecondition("agent \"" + id.str() +
                                  "\" is still handling a contact; finish it first");
    }
    AgentIdx ai = s.agent_index.at(id);
    for (int m = 0; m < kMediaCount; ++m) {
        s.Unindex(ai, static_cast<Media>(m));
    }
    a->logged_in = false;
    a->want_ready = false;
    s.SetStaffed(ai, -1);
    if (a->ringing != kNone) {
        s.FailOffer(a->ringing, "logout");
    }
    s.Emit<events::AgentLogout>(a->id);
    s.Refresh(ai);
    for (QueueIdx q = 0; q < s.queues.size(); ++q) {
        if (!s.queues[q].no_agent_rules.empty() && s.queues[q].waiting > 0) {
            s.ApplyNoAgentRules(q);
        }
    }
    return Status::Ok();
}

Status Engine::SetReady(const AgentId& id) {
    Impl& s = *impl_;
    AgentRt* a = s.FindAgent(id);
    if (!a) {
        return NotFound("unknown agent \"" + id.str() + "\"");
    }
    if (!a->logged_in) {
        return FailedPrecondition("agent \"" + id.str() + "\" is not logged in");
    }
    const bool changed = !a->want_ready;
    a->want_ready = true;
    a->reason.clear();
    a->missed_in_row = 0;
    if (changed) {
        s.EmitPending(*a);
    }
    s.Refresh(s.agent_index.at(id));
    return Status::Ok();
}

Status Engine::SetNotReady(const AgentId& id, std::string reason) {
    Impl& s = *impl_;
    AgentRt* a = s.FindAgent(id);
    if (!a) {
        return NotFound("unknown agent \"" + id.str() + "\"");
    }
    if (!a->logged_in) {
        return FailedPrecondition("agent \"" + id.str() + "\" is not logged in");
    }
    if (reason.empty()) {
        reason = "other";
    }
    bool reason_changed = a->shown == AgentStateKind::kNotReady && a->reason != reason;
    const bool request_changed = a->want_ready || a->reason != reason;
    a->want_ready = false;
    a->reason = std::move(reason);
    if (reason_changed) {
        // Same state, new reason (break → meal): reported, since not-ready time is kept by reason.
        a->shown_since = s.clock.Now();
        s.Emit<events::AgentState>(a->id, "not_ready", a->reason, "");
    } else if (request_changed) {
        s.EmitPending(*a);
    }
    s.Refresh(s.agent_index.at(id));
    return Status::Ok();
}

}  // namespace hotline::routing
