// libFuzzer target: any bytes as a center YAML file. The loader must never crash, hang or leak,
// and every error it reports must carry a position inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "hotline/config/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto result = hotline::config::LoadCenterFromString(text, "fuzz.yaml");
    for (const auto& e : result.errors) {
        if (e.line < 1 || e.column < 1 || e.message.empty()) {
            std::abort();
        }
    }
    return 0;
}
