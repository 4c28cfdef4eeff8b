#pragma once
// Events as JSON Lines (files, store, API) and as a compact text trace (scenario tests).

#include <string>
#include <string_view>

#include "hotline/core/event.h"
#include "hotline/core/status.h"

namespace hotline {

// One JSON object, no newline: {"ts":..., "type":"offer", "id":"c1", ...}. Empty fields are left
// out, so a line carries only what happened.
std::string EventToJson(const Event& event);

// Parses one JSON Lines record. Unknown types, missing "ts"/"type", and fields of the wrong type
// are errors naming the field; unknown fields are ignored (forward compatibility).
Result<Event> EventFromJson(std::string_view line);

// "12.500 offer id=c1 agent=a1 queue=sales": seconds since `origin`, then non-empty fields.
std::string EventToText(const Event& event, Timestamp origin);

}  // namespace hotline
