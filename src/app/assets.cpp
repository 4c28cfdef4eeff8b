#include "assets.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace hotline::app {

Result<std::string> ReadAsset(const std::string& name) {
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("HOTLINE_ASSETS")) {
        dirs.emplace_back(env);
    }
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        dirs.push_back(exe.parent_path() / "share" / "hotline");
        dirs.push_back(exe.parent_path().parent_path() / "share" / "hotline");
    }
    std::string tried;
    for (const auto& d : dirs) {
        std::ifstream in(d / name, std::ios::binary);
        if (in) {
            std::ostringstream s;
            s << in.rdbuf();
            return s.str();
        }
        tried += (tried.empty() ? "" : ", ") + (d / name).string();
    }
    return NotFound("cannot find " + name + " (looked in " + tried +
                    "); `make build` copies it from web/node_modules after `npm ci` in web/");
}

}  // namespace hotline::app
