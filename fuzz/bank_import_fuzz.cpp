// libFuzzer target: any bytes as an Anonymous Bank log, strict and with --skip-bad.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (bool skip_bad : {false, true}) {
        std::istringstream in(text);
        hotline::imports::ImportOptions options;
        options.skip_bad = skip_bad;
        CheckImport(hotline::imports::ImportAnonymousBank(in, options));
    }
    return 0;
}
