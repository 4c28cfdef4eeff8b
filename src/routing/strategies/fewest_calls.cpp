// fewest_calls: fewest contacts answered since the engine started (a day, for a server that
// restarts its engine at the start of each day), then longest idle.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kFewestCalls;
const StrategyImpl kFewestCalls{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, int64_t) {
        return RankKey{a.calls, ToMillis(a.idle_since), 0};
    },
    nullptr,
};

}  // namespace hotline::routing
