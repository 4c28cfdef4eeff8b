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

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        size_t len = c < 0x80           ? 1
                     : (c >> 5) == 0x6  ? 2
                     : (c >> 4) == 0xE  ? 3
                     : (c >> 3) == 0x1E ? 4
                                        : 0;
        if (len == 0 || i + len > text.size()) {
            return i;
        }
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        const bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return i;
        }
        i += len;
    }
    return std::nullopt;
}

std::string NotUtf8Message(size_t byte) {
    return "not UTF-8 text at byte " + std::to_string(byte + 1) +
           "; convert the file first, e.g. iconv -f GBK -t UTF-8";
}

bool PlausibleMillis(int64_t ms) {
    return ms >= 0 && ms < 7258118400000;
}

}  // namespace hotline::imports
