// linear: always the first free agent in configuration order (a hunt group).
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kLinear;
const StrategyImpl kLinear{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, int64_t) {
        return RankKey{a.order, 0, 0};
    },
    nullptr,
};

}  // namespace hotline::routing
