#pragma once
// The CLI verbs. Each parses nothing itself: main.cpp fills the options.

#include <cstdint>
#include <string>

namespace hotline::app {

inline constexpr const char* kVersion = "0.1.0";

struct CheckConfigOptions {
    std::string file;
    bool quiet = false;
};
int CheckConfig(const CheckConfigOptions& options);

struct RunOptions {
    std::string center;
    std::string script;
    bool json = false;
    uint64_t seed = 1;
};
int RunScriptCommand(const RunOptions& options);

}  // namespace hotline::app
