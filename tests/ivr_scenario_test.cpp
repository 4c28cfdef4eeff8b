// Every file in tests/scenarios/ivr/ plays callers through an IVR flow of a center file: each
// call lists what the caller does ("played" when a prompt ends, "timeout", or the digits
// pressed) and what must come of it — the terminal step, its queue, the nodes visited, the
// variables and survey score.
//
//   center_file: examples/center.yaml      # relative to the source tree
//   flow: main
//   calls:
//     - name: balance, then a survey
//       open: true                          # business hours (default true)
//       vars: {vip: "0"}
//       input: [played, "3", played, "5"]
//       outcome: self_served
//       trail: [welcome, open_check, vip_check, main_menu, balance, satisfaction, goodbye]
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "hotline/config/loader.h"
#include "hotline/ivr/session.h"
#include "scenario_files.h"

namespace hotline::testing {
namespace {

std::vector<std::string> Files() {
    return ScenarioFiles(HOTLINE_IVR_SCENARIO_DIR);
}

std::string Join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

class IvrScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(IvrScenario, CallsTakeTheirPaths) {
    const std::string file = GetParam();
    YAML::Node doc = YAML::LoadFile(file);
    config::LoadResult center = config::LoadCenterFromFile(std::string(HOTLINE_SOURCE_DIR) + "/" +
                                                           doc["center_file"].as<std::string>());
    ASSERT_TRUE(center.ok()) << (center.errors.empty() ? "" : center.errors[0].ToString());
    const IvrFlow* flow = center.center.FindFlow(doc["flow"].as<std::string>());
    ASSERT_NE(flow, nullptr) << file;
    for (const auto& call : doc["calls"]) {
        const std::string name = call["name"].as<std::string>();
        const int line = call.Mark().line + 1;
        ivr::Variables vars;
        for (const auto& kv : call["vars"]) {
            vars[kv.first.as<std::string>()] = kv.second.as<std::string>();
        }
        const bool open = !call["open"].IsDefined() || call["open"].as<bool>();
        ivr::Session s(*flow, vars, [open] { return open; });
        ivr::Step step = s.Start();
        for (const auto& in : call["input"]) {
            const std::string what = in.as<std::string>();
            if (step.terminal()) {
                ADD_FAILURE_AT(file.c_str(), line) << name << ": the call already ended at "
                                                   << step.node << " before input '" << what << "'";
                break;
            }
            if (what == "played") {
                step = s.PlaybackDone();
            } else if (what == "timeout") {
                step = s.Digits("");
            } else {
                step = s.Digits(what);
            }
        }
        auto fail = [&](const std::string& m) {
            ADD_FAILURE_AT(file.c_str(), line) << name << ": " << m;
        };
        if (!step.terminal()) {
            fail("the call did not end; it waits at " + step.node);
        }
        if (call["outcome"] && step.outcome != call["outcome"].as<std::string>()) {
            fail("outcome " + step.outcome + ", want " + call["outcome"].as<std::string>());
        }
        if (call["queue"] && step.queue.str() != call["queue"].as<std::string>()) {
            fail("queue " + step.queue.str() + ", want " + call["queue"].as<std::string>());
        }
        if (call["priority"] && step.priority != call["priority"].as<int>()) {
            fail("priority " + std::to_string(step.priority));
        }
        if (call["trail"]) {
            auto want = call["trail"].as<std::vector<std::string>>();
            if (s.trail() != want) {
                fail("trail [" + Join(s.trail()) + "], want [" + Join(want) + "]");
            }
        }
        for (const auto& kv : call["expect_vars"]) {
            auto it = s.variables().find(kv.first.as<std::string>());
            if (it == s.variables().end() || it->second != kv.second.as<std::string>()) {
                fail("variable " + kv.first.as<std::string>() + " is not " +
                     kv.second.as<std::string>());
            }
        }
        if (call["survey"]) {
            if (!s.survey_score() || *s.survey_score() != call["survey"].as<int>()) {
                fail("survey score differs");
            }
        }
    }
}

TEST(IvrScenarios, AtLeastFiveFiles) {
    EXPECT_GE(Files().size(), 5U);
}

INSTANTIATE_TEST_SUITE_P(Files, IvrScenario, ::testing::ValuesIn(Files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             return ScenarioTestName(info.param);
                         });

}  // namespace
}  // namespace hotline::testing
