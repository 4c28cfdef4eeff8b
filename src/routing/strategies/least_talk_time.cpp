// least_talk_time: least talk and hold time so far, then longest idle.
#include "../engine_impl.h"

namespace hotline::routing {

extern const StrategyImpl kLeastTalkTime;
const StrategyImpl kLeastTalkTime{
    StrategyImpl::Pick::kBest,
    [](const AgentRt& a, int64_t) {
        return RankKey{a.talk_ms, ToMillis(a.idle_since), 0};
    },
    nullptr,
};

}  // namespace hotline::routing
