// most_skilled: highest level on the required skills, then longest idle.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kMostSkilled;
const StrategyImpl kMostSkilled{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, const Requirement& req) {
        return RankKey{-SkillScore(a, req), ToMillis(a.idle_since), 0};
    },
    nullptr,
};

}  // namespace hotline::routing
