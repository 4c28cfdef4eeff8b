// skill_weighted_random: chance in proportion to the agent's levels on the required skills.
#include <algorithm>

#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kSkillWeightedRandom;
const StrategyImpl kSkillWeightedRandom{
    StrategyImpl::Pick::kWeighted,
    nullptr,
    [](const AgentRt&, int64_t skill_score) { return std::max<int64_t>(1, skill_score); },
};

}  // namespace hotline::routing
