// fewest_calls: fewest contacts handled since login... or ever today, then longest idle.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kFewestCalls;
const StrategyImpl kFewestCalls{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, const Requirement&) { return RankKey{a.calls, ToMillis(a.idle_since), 0}; },
    nullptr,
};

}  // namespace hotline::routing
