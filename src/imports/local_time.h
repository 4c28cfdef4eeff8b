#pragma once
// Private: field parsing shared by the importers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/core/text_table.h"  // SplitFields, DaysFromCivil
#include "hotline/core/utf8.h"        // FirstInvalidUtf8

namespace hotline::imports {

// A whole non-negative number, or nullopt.
std::optional<int64_t> ParseCount(std::string_view text);

// "H:MM:SS" or "HH:MM:SS" → seconds since midnight.
std::optional<int64_t> ParseClock(std::string_view text);

// "line is not UTF-8 text (byte N); convert the file first, e.g. iconv -f GBK -t UTF-8".
std::string NotUtf8Message(size_t byte);
// Milliseconds inside the range events accept (1970 to 2200).
bool PlausibleMillis(int64_t ms);

}  // namespace hotline::imports
