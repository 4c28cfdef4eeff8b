// most_skilled: highest level on the required skills, then longest idle.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kMostSkilled;
const StrategyImpl kMostSkilled{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, int64_t skill_score) {
        return RankKey{-skill_score, ToMillis(a.idle_since), 0};
    },
    nullptr,
};

}  // namespace hotline::routing
