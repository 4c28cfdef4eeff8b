#pragma once
// Reading the line-based tables Hotline takes from outside (CSV plans, rosters, volumes, logs):
// one place for CRLF endings, blank lines, field splitting and strict numbers.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline {

// The next non-blank line, without a trailing '\r'; `line_no` counts every line read (1-based),
// so messages can name it. False at the end of the input.
bool NextDataLine(std::istream& in, std::string& line, int& line_no);

// Splits on one character; keeps empty fields; drops a trailing '\r' (CRLF files).
std::vector<std::string_view> SplitFields(std::string_view line, char separator);

// A finite number filling the whole text, or nullopt ("nan", "1e999", "3x" are not numbers).
std::optional<double> ParseFinite(std::string_view text);

// Days since 1970-01-01 of a civil date (proleptic Gregorian; Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
// "YYYY-MM-DD" → days since 1970-01-01, or nullopt.
std::optional<int64_t> ParseCivilDate(std::string_view text);

}  // namespace hotline
