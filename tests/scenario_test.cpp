// Every file in tests/scenarios/routing/ is one test case: its trace must match whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "scenario_runner.h"

namespace hotline::testing {
namespace {

std::vector<std::string> ScenarioFiles() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(HOTLINE_SCENARIO_DIR)) {
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

class RoutingScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(RoutingScenario, TraceMatches) {
    ScenarioResult r = RunScenarioFile(GetParam());
    for (const auto& f : r.failures) {
        ADD_FAILURE_AT(GetParam().c_str(), f.line) << f.message;
    }
    if (!r.ok()) {
        std::string trace;
        for (const auto& l : r.trace) trace += "    " + l + "\n";
        std::cerr << "actual trace of " << GetParam() << ":\n" << trace;
    }
}

TEST(RoutingScenarios, AtLeastFortyCases) { EXPECT_GE(ScenarioFiles().size(), 40U); }

INSTANTIATE_TEST_SUITE_P(Files, RoutingScenario, ::testing::ValuesIn(ScenarioFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = std::filesystem::path(info.param).stem().string();
                             std::replace_if(name.begin(), name.end(),
                                             [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                             return name;
                         });

}  // namespace
}  // namespace hotline::testing
