// libFuzzer target: any bytes as one JSON Lines event. Parsing never crashes; whatever parses
// writes back to JSON that parses to the same thing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hotline/core/event_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view line(reinterpret_cast<const char*>(data), size);
    auto event = hotline::EventFromJson(line);
    if (!event.ok()) {
        return 0;
    }
    std::string once = hotline::EventToJson(*event);
    auto again = hotline::EventFromJson(once);
    if (!again.ok() || hotline::EventToJson(*again) != once) {
        std::abort();
    }
    return 0;
}
