#include "local_time.h"

#include <charconv>

namespace hotline::imports {

std::vector<std::string_view> SplitFields(std::string_view line, char separator) {
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        size_t at = line.find(separator, start);
        if (at == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, at - start));
        start = at + 1;
    }
}

std::optional<int64_t> ParseCount(std::string_view text) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0 || text.empty()) {
        return std::nullopt;
    }
    return v;
}

std::optional<int64_t> ParseClock(std::string_view text) {
    size_t c1 = text.find(':');
    size_t c2 = c1 == std::string_view::npos ? c1 : text.find(':', c1 + 1);
    if (c2 == std::string_view::npos) {
        return std::nullopt;
    }
    auto h = ParseCount(text.substr(0, c1));
    auto m = ParseCount(text.substr(c1 + 1, c2 - c1 - 1));
    auto s = ParseCount(text.substr(c2 + 1));
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59 || c2 - c1 != 3 || text.size() - c2 != 3) {
        return std::nullopt;
    }
    return *h * 3600 + *m * 60 + *s;
}

// Howard Hinnant's days_from_civil (public-domain algorithm, chrono-Compatible Low-Level Date
// Algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace hotline::imports
