// longest_idle: the agent free the longest (since its last contact or since it became ready).
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kLongestIdle;
const StrategyImpl kLongestIdle{
    StrategyImpl::Pick::kArrival,  // idle_since is the moment the agent entered the pool
    [](const AgentRt& a, int64_t) {
        return RankKey{ToMillis(a.idle_since), 0, 0};
    },
    nullptr,
};

}  // namespace hotline::routing
