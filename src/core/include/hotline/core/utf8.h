#pragma once
// UTF-8 checks for text from outside: imports, request bodies, paths echoed in messages.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hotline {

// The offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
// surrogates and values past U+10FFFF included), or nullopt when the text is all UTF-8.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// The text with every byte that is not well-formed UTF-8 replaced by U+FFFD, so that it can be
// quoted in a JSON message.
std::string ValidUtf8(std::string_view text);

}  // namespace hotline
