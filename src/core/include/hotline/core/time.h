#pragma once
// Time as the event contract defines it: milliseconds since the Unix epoch (UTC).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotline {

using Duration = std::chrono::milliseconds;
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

inline constexpr Timestamp FromMillis(int64_t ms) {
    return Timestamp{Duration{ms}};
}
inline constexpr int64_t ToMillis(Timestamp t) {
    return t.time_since_epoch().count();
}
inline constexpr Duration Seconds(double s) {
    return Duration{static_cast<int64_t>(s * 1000.0)};
}
inline constexpr double ToSeconds(Duration d) {
    return static_cast<double>(d.count()) / 1000.0;
}

// Parses "90", "90s", "1.5s", "250ms", "5m", "1h30m", "2d". A bare number means seconds.
// Returns nullopt for anything else, including negative values.
std::optional<Duration> ParseDuration(std::string_view text);

// "1h05m", "45s", "1.250s": the shortest form ParseDuration reads back.
std::string FormatDuration(Duration d);

}  // namespace hotline
