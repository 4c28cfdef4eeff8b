// libFuzzer target: a column mapping, a line "---", then CSV records; both parts are attacked.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const size_t split = text.find("\n---\n");
    const std::string yaml = text.substr(0, split);
    const std::string csv = split == std::string::npos ? "" : text.substr(split + 5);
    auto mapping = hotline::imports::ParseCdrMapping(yaml, "fuzz.yaml");
    if (!mapping.ok()) {
        if (mapping.status().message().rfind("fuzz.yaml:", 0) != 0) {
            std::abort();
        }
        return 0;
    }
    std::istringstream in(csv);
    hotline::imports::ImportOptions options;
    options.skip_bad = true;
    CheckImport(hotline::imports::ImportCdr(in, *mapping, options));
    return 0;
}
