#include "hotline/core/text_table.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace hotline {

bool NextDataLine(std::istream& in, std::string& line, int& line_no) {
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty()) {
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> SplitFields(std::string_view line, char separator) {
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        const size_t at = line.find(separator, start);
        if (at == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, at - start));
        start = at + 1;
    }
}

std::optional<double> ParseFinite(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> ParseCivilDate(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
        return std::nullopt;
    }
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) {
            return std::nullopt;
        }
    }
    auto num = [&](size_t at, size_t n) {
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            v = v * 10 + (d[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), day = num(8, 2);
    if (m < 1 || m > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(day));
}

}  // namespace hotline
