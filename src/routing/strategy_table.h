#pragma once
// Routing strategies as a table indexed by the Strategy enum. Each strategy lives in its own file
// under strategies/ and says how to rank (or weigh) a ready agent for a requirement.

#include <cstdint>

#include "agent_pool.h"
#include "hotline/core/center.h"

namespace hotline::routing {

struct AgentRt;

struct StrategyImpl {
    // kArrival is kBest for ranks that grow as agents become free (the time they did): their
    // pool is a list in arrival order instead of a heap.
    enum class Pick { kBest, kArrival, kCyclic, kWeighted };
    Pick pick = Pick::kBest;
    // Ordered strategies: key[0], key[1] (lower is better); key[2] is set to the id rank.
    // `skill_score` is the agent's SkillScore on the pool's requirement, computed once when the
    // agent is found to satisfy it (it never changes), not on every entry into the pool.
    RankKey (*rank)(const AgentRt& agent, int64_t skill_score) = nullptr;
    // Weighted strategies: the agent's relative chance (> 0).
    int64_t (*weight)(const AgentRt& agent, int64_t skill_score) = nullptr;
};

const StrategyImpl& GetStrategy(Strategy s);

// Sum of the agent's levels on the requirement's skills (its fit for the work).
int64_t SkillScore(const AgentRt& agent, const Requirement& req);

}  // namespace hotline::routing
