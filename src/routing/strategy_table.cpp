#include "strategy_table.h"

#include <array>

#include "engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kLongestIdle, kMostSkilled, kLeastOccupied, kFewestCalls, kLeastTalkTime,
    kRoundRobin, kLinear, kRandom, kSkillWeightedRandom;

const StrategyImpl& GetStrategy(Strategy s) {
    // Indexed by the Strategy enum; the order here is the enum's order.
    static const std::array<const StrategyImpl*, kStrategyCount> kTable = {
        &kLongestIdle, &kMostSkilled, &kLeastOccupied, &kFewestCalls,        &kLeastTalkTime,
        &kRoundRobin,  &kLinear,      &kRandom,        &kSkillWeightedRandom};
    return *kTable[static_cast<size_t>(s)];
}

int64_t SkillScore(const AgentRt& agent, const Requirement& req) {
    int64_t score = 0;
    const auto& has = agent.cfg->skills;
    auto it = has.begin();
    for (const SkillLevel& need : req) {
        while (it != has.end() && it->skill < need.skill) {
            ++it;
        }
        if (it != has.end() && it->skill == need.skill) {
            score += it->level;
        }
    }
    return score;
}

}  // namespace hotline::routing
