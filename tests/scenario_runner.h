#pragma once
// Runs a routing scenario file: a center, a timed script of commands, and the expected event
// trace. Format: docs/scenarios.md. Used by the scenario tests and by `hotline demo`.

#include <string>
#include <vector>

namespace hotline::testing {

struct ScenarioFailure {
    int line = 0;  // in the scenario file
    std::string message;
};

struct ScenarioResult {
    std::string name;
    std::vector<std::string> trace;  // the events as text, in order
    std::vector<ScenarioFailure> failures;
    bool ok() const { return failures.empty(); }
};

// Runs the file and compares its trace with `expect`. Failures name file lines.
ScenarioResult RunScenarioFile(const std::string& path);

}  // namespace hotline::testing
