#pragma once
// The data-driven test suites (routing, KPI, IVR scenarios) each run every .yaml file of a folder
// as one test case: the listing and the test names come from here.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

namespace hotline::testing {

// Every .yaml file in `dir`, sorted.
inline std::vector<std::string> ScenarioFiles(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".yaml") {
            files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A GoogleTest parameter name from the file's stem.
inline std::string ScenarioTestName(const std::string& path) {
    std::string name = std::filesystem::path(path).stem().string();
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
}

}  // namespace hotline::testing
