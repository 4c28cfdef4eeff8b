// Engine set-up and the public command surface. The commands themselves live in agents.cpp,
// contacts.cpp, offers.cpp, overflow.cpp and merge.cpp.
#include "hotline/routing/engine.h"

#include <algorithm>

#include "engine_impl.h"

namespace hotline::routing {

Engine::Impl::Impl(CenterConfig c, Clock& clk, TimerService& t, std::mt19937_64& r, EventSink& s)
    : center(std::move(c)), clock(clk), timers(t), rng(r), sink(s) {
    agents.resize(center.agents.size());
    std::vector<AgentIdx> by_id(agents.size());
    for (AgentIdx i = 0; i < agents.size(); ++i) {
        agents[i].id = center.agents[i].id;
        agents[i].cfg = &center.agents[i];
        agents[i].capacity = center.agents[i].capacity;
        agents[i].own_wrapup = center.agents[i].wrapup.has_value();
        agents[i].wrapup = center.agents[i].wrapup.value_or(Duration{0});
        agents[i].order = i;
        agent_index.emplace(agents[i].id, i);
        by_id[i] = i;
    }
    std::sort(by_id.begin(), by_id.end(),
              [&](AgentIdx a, AgentIdx b) { return agents[a].id < agents[b].id; });
    for (size_t rank = 0; rank < by_id.size(); ++rank) {
        agents[by_id[rank]].id_rank = int64_t(rank);
    }
    BuildQueues();
}

bool Engine::Impl::Satisfies(const AgentRt& a, const Requirement& r) const {
    // Both lists are sorted by skill: one merge-like pass.
    const auto& has = a.cfg->skills;
    auto it = has.begin();
    for (const SkillLevel& need : r) {
        while (it != has.end() && it->skill < need.skill) {
            ++it;
        }
        if (it == has.end() || it->skill != need.skill || it->level < need.level) {
            return false;
        }
    }
    return true;
}

ReqIdx Engine::Impl::Intern(const Requirement& r) {
    auto [it, inserted] = req_index.emplace(r, static_cast<ReqIdx>(reqs.size()));
    if (!inserted) {
        return it->second;
    }
    ReqIdx idx = it->second;
    reqs.push_back(r);
    req_members.emplace_back();
    staffed.push_back({});
    pools_of_req.emplace_back();
    open_buckets.emplace_back();
    // A new requirement costs one scan of the agents, once; routing never scans them again.
    for (AgentIdx a = 0; a < agents.size(); ++a) {
        if (!Satisfies(agents[a], r)) {
            continue;
        }
        agents[a].reqs.push_back({idx, static_cast<Slot>(req_members[idx].size()),
                                  static_cast<int32_t>(SkillScore(agents[a], r))});
        req_members[idx].push_back(a);
        if (agents[a].logged_in) {
            for (int m = 0; m < kMediaCount; ++m) {
                staffed[idx][m] += agents[a].cfg->capacity[m] > 0;
            }
        }
    }
    return idx;
}

uint32_t Engine::Impl::PoolFor(ReqIdx req, Strategy s, Media m) {
    auto [it, inserted] = pool_index.emplace(std::make_tuple(req, s, m), uint32_t(pools.size()));
    if (!inserted) {
        return it->second;
    }
    PoolRt p;
    p.req = req;
    p.strategy = s;
    p.impl = &GetStrategy(s);
    p.media = m;
    const std::vector<AgentIdx>& members = req_members[req];
    switch (p.impl->pick) {
        case StrategyImpl::Pick::kBest:
            p.agents.emplace<OrderedPool>(members.size());
            break;
        case StrategyImpl::Pick::kArrival:
            p.agents.emplace<ArrivalPool>(members.size());
            break;
        case StrategyImpl::Pick::kCyclic: {
            std::vector<int64_t> orders;
            orders.reserve(members.size());
            for (AgentIdx a : members) {
                orders.push_back(agents[a].order);
            }
            p.agents.emplace<CyclicPool>(members, std::move(orders));
            break;
        }
        case StrategyImpl::Pick::kWeighted:
            p.agents.emplace<WeightedPool>(members);
            break;
    }
    pools.push_back(std::move(p));
    pools_of_req[req][static_cast<int>(m)].push_back(it->second);
    // The requirement's free agents join, in rank order (an arrival list stays O(1) per agent).
    PoolRt& pool = pools.back();
    struct Free {
        RankKey key;
        Slot slot;
        int64_t skill_score;
    };
    std::vector<Free> free;
    for (Slot slot = 0; slot < members.size(); ++slot) {
        const AgentRt& a = agents[members[slot]];
        if (a.indexed[static_cast<int>(m)]) {
            const int64_t score = SkillScore(a, reqs[req]);
            free.push_back({pool.impl->rank ? KeyFor(a, pool, score) : RankKey{}, slot, score});
        }
    }
    std::sort(free.begin(), free.end(), [](const Free& x, const Free& y) {
        return x.key != y.key ? x.key < y.key : x.slot < y.slot;
    });
    for (const Free& f : free) {
        EnterPool(pool, agents[members[f.slot]], members[f.slot], f.slot, f.skill_score);
    }
    return it->second;
}

void Engine::Impl::BuildQueues() {
    queues.resize(center.queues.size());
    for (QueueIdx q = 0; q < queues.size(); ++q) {
        QueueRt& rt = queues[q];
        rt.cfg = &center.queues[q];
        rt.media = MediaOf(rt.cfg->channel);
        rt.id = rt.cfg->id;
        rt.strategy = rt.cfg->strategy;
        rt.priority = rt.cfg->priority;
        rt.aging = rt.cfg->aging;
        rt.ring_timeout = rt.cfg->ring_timeout.value_or(center.ring_timeout);
        rt.wrapup = rt.cfg->wrapup;
        rt.base_req = Intern(rt.cfg->skills);
        rt.aht_ms = static_cast<double>(rt.cfg->expected_handle.count());
        queue_index.emplace(rt.cfg->id, q);
        PoolFor(rt.base_req, rt.cfg->strategy, rt.media);
    }
    for (const OverflowRule& rule : center.overflow) {
        QueueRt& rt = queues[queue_index.at(rule.queue)];
        switch (rule.when.kind) {
            case OverflowTrigger::Kind::kWaited:
                rt.time_rules.push_back({rule.id, rule.when.after, rule.action});
                break;
            case OverflowTrigger::Kind::kQueueLength:
            case OverflowTrigger::Kind::kExpectedWait:
                rt.arrival_rules.push_back(&rule);
                break;
            case OverflowTrigger::Kind::kNoAgents:
                rt.no_agent_rules.push_back(&rule);
                break;
        }
    }
    for (QueueRt& rt : queues) {
        if (rt.cfg->max_wait) {
            OverflowAction leave;
            leave.kind = OverflowAction::Kind::kLeave;
            leave.leave = rt.cfg->on_max_wait;
            rt.time_rules.push_back({RuleId("max_wait"), *rt.cfg->max_wait, leave});
        }
        std::stable_sort(rt.time_rules.begin(), rt.time_rules.end(),
                         [](const TimeRule& a, const TimeRule& b) { return a.after < b.after; });
    }
    for (const MergeRule& rule : center.merges) {
        MergeRt m;
        m.rule = &rule;
        for (const QueueId& id : rule.queues) {
            QueueIdx q = queue_index.at(id);
            if (std::find(m.queues.begin(), m.queues.end(), q) == m.queues.end()) {
                m.queues.push_back(q);
            }
            queues[q].outcome_window = std::max(queues[q].outcome_window, rule.window);
        }
        merges.push_back(std::move(m));
    }
    for (size_t m = 0; m < merges.size(); ++m) {
        ScheduleMergeCheck(m);
    }
}

// ---- public surface: forwards to Impl ----

Engine::Engine(CenterConfig center, Clock& clock, TimerService& timers, std::mt19937_64& rng,
               EventSink& sink)
    : impl_(std::make_unique<Impl>(std::move(center), clock, timers, rng, sink)) {}
Engine::~Engine() = default;

const CenterConfig& Engine::center() const {
    return impl_->center;
}

}  // namespace hotline::routing
