#include "local_time.h"

#include <charconv>

namespace hotline::imports {

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

std::string NotUtf8Message(size_t byte) {
    return "not UTF-8 text at byte " + std::to_string(byte + 1) +
           "; convert the file first, e.g. iconv -f GBK -t UTF-8";
}

bool PlausibleMillis(int64_t ms) {
    return ms >= 0 && ms < 7258118400000;
}

}  // namespace hotline::imports
