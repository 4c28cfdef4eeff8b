// round_robin: the next agent after the one this queue served last, in configuration order.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kRoundRobin;
const StrategyImpl kRoundRobin{
    StrategyImpl::Pick::kCyclic,
    [](const AgentRt& a, int64_t) {
        return RankKey{a.order, 0, 0};
    },
    nullptr,
};

}  // namespace hotline::routing
