// Name tables for the small enums of core: one array each, looked up both ways.
#include <array>
#include <string_view>

#include "hotline/core/channel.h"
#include "hotline/core/strategy.h"

namespace hotline {
namespace {

constexpr std::array<std::string_view, kChannelCount> kChannelNames = {"voice", "chat", "email",
                                                                       "social", "callback"};
constexpr std::array<std::string_view, kMediaCount> kMediaNames = {"voice", "chat", "email"};
constexpr std::array<std::string_view, kStrategyCount> kStrategyNames = {
    "longest_idle", "most_skilled", "least_occupied", "fewest_calls",         "least_talk_time",
    "round_robin",  "linear",       "random",         "skill_weighted_random"};

template <class E, size_t N>
std::optional<E> Lookup(const std::array<std::string_view, N>& names, std::string_view name) {
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == name) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view ChannelName(Channel c) {
    return kChannelNames[static_cast<size_t>(c)];
}
std::optional<Channel> ParseChannel(std::string_view n) {
    return Lookup<Channel>(kChannelNames, n);
}
std::string_view MediaName(Media m) {
    return kMediaNames[static_cast<size_t>(m)];
}
std::optional<Media> ParseMedia(std::string_view n) {
    return Lookup<Media>(kMediaNames, n);
}
std::string_view StrategyName(Strategy s) {
    return kStrategyNames[static_cast<size_t>(s)];
}
std::optional<Strategy> ParseStrategy(std::string_view n) {
    return Lookup<Strategy>(kStrategyNames, n);
}

}  // namespace hotline
