#include "hotline/core/time.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hotline {
namespace {

// Milliseconds per unit suffix; "" (a bare number) means seconds.
std::optional<double> UnitMillis(std::string_view unit) {
    if (unit == "ms") {
        return 1.0;
    }
    if (unit.empty() || unit == "s") {
        return 1000.0;
    }
    if (unit == "m" || unit == "min") {
        return 60'000.0;
    }
    if (unit == "h") {
        return 3'600'000.0;
    }
    if (unit == "d") {
        return 86'400'000.0;
    }
    return std::nullopt;
}

bool IsUnitChar(char c) {
    return (c >= 'a' && c <= 'z');
}

}  // namespace

std::optional<Duration> ParseDuration(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    double total = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t num_end = pos;
        while (num_end < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[num_end])) || text[num_end] == '.')) {
            ++num_end;
        }
        if (num_end == pos) {
            return std::nullopt;
        }
        double value = 0;
        auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + num_end, value);
        if (ec != std::errc{} || ptr != text.data() + num_end) {
            return std::nullopt;
        }
        size_t unit_end = num_end;
        while (unit_end < text.size() && IsUnitChar(text[unit_end])) {
            ++unit_end;
        }
        auto unit = UnitMillis(text.substr(num_end, unit_end - num_end));
        if (!unit) {
            return std::nullopt;
        }
        // A bare number is only allowed alone: "1h30" is ambiguous.
        if (unit_end == num_end && (pos != 0 || unit_end != text.size())) {
            return std::nullopt;
        }
        total += value * *unit;
        pos = unit_end;
    }
    if (!std::isfinite(total) || total > 1e15) {
        return std::nullopt;
    }
    return Duration{static_cast<int64_t>(std::llround(total))};
}

std::string FormatDuration(Duration d) {
    int64_t ms = d.count();
    std::string sign = ms < 0 ? "-" : "";
    if (ms < 0) {
        ms = -ms;
    }
    char buf[64];
    if (ms % 1000 != 0) {
        std::snprintf(buf, sizeof buf, "%s%lld.%03llds", sign.c_str(),
                      static_cast<long long>(ms / 1000), static_cast<long long>(ms % 1000));
        return buf;
    }
    int64_t s = ms / 1000;
    std::string out = sign;
    if (s >= 3600) {
        out += std::to_string(s / 3600) + "h";
        s %= 3600;
    }
    if (s >= 60) {
        out += std::to_string(s / 60) + "m";
        s %= 60;
    }
    if (s > 0 || out == sign) {
        out += std::to_string(s) + "s";
    }
    return out;
}

}  // namespace hotline
