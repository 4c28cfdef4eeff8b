#include "http_types.h"

#include <algorithm>

namespace hotline::api {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

bool PercentDecode(std::string_view in, bool plus_is_space, std::string& out) {
    out.clear();
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) {
                return false;
            }
            const int hi = HexValue(in[i + 1]);
            const int lo = HexValue(in[i + 2]);
            if (hi < 0 || lo < 0) {
                return false;
            }
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return true;
}

bool ParseQueryString(std::string_view text, std::map<std::string, std::string>& out,
                      std::string& error) {
    while (!text.empty()) {
        const size_t amp = std::min(text.find('&'), text.size());
        const std::string_view pair = text.substr(0, amp);
        text.remove_prefix(std::min(amp + 1, text.size()));
        if (pair.empty()) {
            continue;  // "a=1&&b=2"
        }
        const size_t eq = pair.find('=');
        std::string key, value;
        if (!PercentDecode(pair.substr(0, eq), true, key) ||
            (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, value))) {
            error = "query parameter '" + std::string(pair.substr(0, std::min<size_t>(eq, 40))) +
                    "' has a broken %-escape";
            return false;
        }
        if (key.empty()) {
            error = "query has a parameter without a name";
            return false;
        }
        out[key] = value;
    }
    return true;
}

}  // namespace hotline::api
