// libFuzzer target: any bytes as an Anonymous Bank log, strict and with --skip-bad.
#include <cstddef>
#include <cstdint>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzImporter(data, size, hotline::imports::ImportAnonymousBank);
    return 0;
}
