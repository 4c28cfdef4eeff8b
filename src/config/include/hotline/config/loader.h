#pragma once
// Reads a center description (YAML) into a CenterConfig. Every problem is reported with the
// file, line and column it was found at; loading goes on after an error so that one run of
// `hotline check-config` lists them all.

#include <string>
#include <string_view>
#include <vector>

#include "hotline/core/center.h"

namespace hotline::config {

struct Diagnostic {
    std::string file;
    int line = 0;    // 1-based
    int column = 0;  // 1-based
    std::string message;
    std::string ToString() const;  // "center.yaml:12:5: error: unknown skill \"x\""
    bool warning = false;
};

struct LoadResult {
    CenterConfig center;
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    bool ok() const { return errors.empty(); }
};

// `file_name` is used in diagnostics only.
LoadResult LoadCenterFromString(std::string_view yaml, const std::string& file_name);
LoadResult LoadCenterFromFile(const std::string& path);

// One line: "星海银行客服中心: 8 skills, 6 queues, 3 teams, 42 agents, 7 overflow rules, 2 merge
// rules".
std::string Summarize(const CenterConfig& center);

}  // namespace hotline::config
