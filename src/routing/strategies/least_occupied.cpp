// least_occupied: lowest share of logged-in time spent handling contacts (taken when it
// last became free), then longest idle.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kLeastOccupied;
const StrategyImpl kLeastOccupied{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, int64_t) {
        return RankKey{a.occupancy_permille, ToMillis(a.idle_since), 0};
    },
    nullptr,
};

}  // namespace hotline::routing
