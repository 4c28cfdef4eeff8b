// Every file in tests/scenarios/routing/ is one test case: its trace must match whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "scenario_files.h"
#include "scenario_runner.h"

namespace hotline::testing {
namespace {

std::vector<std::string> RoutingFiles() {
    return ScenarioFiles(HOTLINE_SCENARIO_DIR);
}

class RoutingScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(RoutingScenario, TraceMatches) {
    ScenarioResult r = RunScenarioFile(GetParam());
    for (const auto& f : r.failures) {
        ADD_FAILURE_AT(GetParam().c_str(), f.line) << f.message;
    }
    if (!r.ok()) {
        std::string trace;
        for (const auto& l : r.trace) {
            trace += "    " + l + "\n";
        }
        std::cerr << "actual trace of " << GetParam() << ":\n" << trace;
    }
}

TEST(RoutingScenarios, AtLeastFortyCases) {
    EXPECT_GE(RoutingFiles().size(), 40U);
}

INSTANTIATE_TEST_SUITE_P(Files, RoutingScenario, ::testing::ValuesIn(RoutingFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             return ScenarioTestName(info.param);
                         });

}  // namespace
}  // namespace hotline::testing
