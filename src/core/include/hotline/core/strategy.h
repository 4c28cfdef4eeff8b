#pragma once
// Names of the routing strategies. The implementations live in routing/strategies/, one per
// file, registered in a table indexed by this enum (never by string compares).

#include <cstdint>
#include <optional>
#include <string_view>

namespace hotline {

enum class Strategy : uint8_t {
    kLongestIdle,
    kMostSkilled,
    kLeastOccupied,
    kFewestCalls,
    kLeastTalkTime,
    kRoundRobin,
    kLinear,
    kRandom,
    kSkillWeightedRandom,
};
inline constexpr int kStrategyCount = 9;

std::string_view StrategyName(Strategy s);
std::optional<Strategy> ParseStrategy(std::string_view name);

}  // namespace hotline
