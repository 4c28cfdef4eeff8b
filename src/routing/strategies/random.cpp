// random: every free eligible agent equally likely, drawn from the engine's seeded generator.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kRandom;
const StrategyImpl kRandom{
    StrategyImpl::Pick::kWeighted,
    nullptr,
    [](const AgentRt&, int64_t) { return int64_t{1}; },
};

}  // namespace hotline::routing
