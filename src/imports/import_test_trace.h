#pragma once
// Test helper: an import's events as the text trace (seconds from the first event), compared whole.
#include <string>

#include "hotline/core/event_codec.h"
#include "hotline/imports/import.h"

namespace hotline::imports {

inline std::string Trace(const ImportSummary& s) {
    std::string out;
    const Timestamp origin = s.events.empty() ? Timestamp{} : s.events.front().ts;
    for (const auto& e : s.events) {
        out += EventToText(e, origin) + "\n";
    }
    return out;
}

}  // namespace hotline::imports
