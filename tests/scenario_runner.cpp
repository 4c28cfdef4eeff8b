#include "scenario_runner.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/sim/script.h"

namespace hotline::testing {
namespace {

// Renders events as trace lines, optionally only some types.
class Recorder : public EventSink {
  public:
    Recorder(std::set<std::string> only, Timestamp origin)
        : only_(std::move(only)), origin_(origin) {}
    void OnEvent(const Event& e) override {
        if (only_.empty() || only_.contains(std::string(e.type()))) {
            lines.push_back(EventToText(e, origin_));
        }
    }
    std::vector<std::string> lines;

  private:
    std::set<std::string> only_;
    Timestamp origin_;
};

// A literal block's content starts on the line after its `|` indicator.
int BlockFirstLine(const YAML::Node& node) {
    return node.Mark().line + 2;
}

}  // namespace

ScenarioResult RunScenarioFile(const std::string& path) {
    ScenarioResult result;
    result.name = std::filesystem::path(path).stem().string();
    YAML::Node doc;
    try {
        doc = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
        result.failures.push_back({e.mark.line + 1, "YAML: " + e.msg});
        return result;
    }
    config::LoadResult center;
    if (doc["center_file"].IsDefined()) {
        auto file = std::filesystem::path(path).parent_path() / doc["center_file"].Scalar();
        center = config::LoadCenterFromFile(file.string());
    } else {
        YAML::Emitter out;
        out << doc["center"];
        center = config::LoadCenterFromString(out.c_str(), path + " (center)");
    }
    for (const auto& e : center.errors) {
        result.failures.push_back({doc["center"].Mark().line + 1, e.ToString()});
    }
    if (!center.ok()) {
        return result;
    }
    if (!doc["expect"].IsDefined()) {
        result.failures.push_back({0, "the scenario has no expect: block"});
        return result;
    }

    sim::ScriptOptions options;
    options.check_invariants = true;
    if (doc["seed"].IsDefined()) {
        options.seed = doc["seed"].as<uint64_t>();
    }
    std::set<std::string> only;
    for (const auto& t : doc["trace"]) {
        only.insert(t.Scalar());
    }
    Recorder recorder(only, options.origin);
    auto script = sim::ParseScript(doc["script"].Scalar(), BlockFirstLine(doc["script"]));
    sim::ScriptResult run = sim::RunScript(center.center, script, recorder, options);
    for (const auto& f : run.failures) {
        result.failures.push_back({f.line, f.message});
    }
    result.trace = recorder.lines;

    auto expected = sim::ParseScript(doc["expect"].Scalar(), BlockFirstLine(doc["expect"]));
    const size_t n = std::max(expected.size(), result.trace.size());
    for (size_t i = 0; i < n; ++i) {
        const std::string got = i < result.trace.size() ? result.trace[i] : "(end of trace)";
        if (i < expected.size() && expected[i].text == got) {
            continue;
        }
        int at = i < expected.size() ? expected[i].number
                                     : (expected.empty() ? 0 : expected.back().number + 1);
        std::string want = i < expected.size() ? expected[i].text : "(end of trace)";
        result.failures.push_back({at, "trace differs at event " + std::to_string(i + 1) +
                                           "\n  expected: " + want + "\n  actual:   " + got});
        break;
    }
    return result;
}

}  // namespace hotline::testing
