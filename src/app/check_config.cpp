#include <iostream>

#include "commands.h"
#include "hotline/config/loader.h"

namespace hotline::app {

int CheckConfig(const CheckConfigOptions& options) {
    config::LoadResult r = config::LoadCenterFromFile(options.file);
    for (const auto& w : r.warnings) {
        std::cerr << w.ToString() << "\n";
    }
    for (const auto& e : r.errors) {
        std::cerr << e.ToString() << "\n";
    }
    if (!r.ok()) {
        std::cerr << options.file << ": " << r.errors.size()
                  << (r.errors.size() == 1 ? " error" : " errors") << "\n";
        return 2;
    }
    if (!options.quiet) {
        std::cout << options.file << ": ok — " << config::Summarize(r.center) << "\n";
    }
    return 0;
}

}  // namespace hotline::app
