#pragma once
// Scripted runs: the engine on a virtual clock, driven by a timed list of commands. The routing
// scenario tests and `hotline run` use it; the language is described in docs/scenarios.md.
//
//   0    login a1 a2            # ready; "login a1 not_ready" logs in not ready
//   5    arrive c1 sales from=13800138000 priority=2 skills=english:5 channel=chat
//   7    answer c1
//   60   hangup c1 agent        # customer (default), agent or system
//   61   check agent a1 state=wrapup
//   90   run                    # only lets time pass
//   0    auto_answer 3s         # from now on agents answer every offer after 3 s ("off" stops)
//   5    arrive c2 sales talk=2m   # with auto-answer: the caller hangs up after 2 min of talk
//
// A command ending in "!code" must fail with that error code (e.g. !not_found).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/core/center.h"
#include "hotline/core/event.h"
#include "hotline/routing/realtime.h"

namespace hotline::sim {

struct ScriptLine {
    int number = 0;  // line in the file, for messages
    std::string text;
};

struct ScriptFailure {
    int line = 0;
    std::string message;
    bool invariant = false;  // the engine broke an invariant (a bug), not the script
};

struct ScriptOptions {
    Timestamp origin = FromMillis(1'772'409'600'000);  // Monday 2026-03-02 08:00 Asia/Shanghai
    uint64_t seed = 1;
    // Checks the engine's invariants after every command (a full scan; for tests).
    bool check_invariants = false;
};

struct ScriptResult {
    std::vector<ScriptFailure> failures;
    routing::RealtimeSnapshot final_snapshot;
    bool ok() const { return failures.empty(); }
};

// Splits text into non-empty lines without comments; `first_line` numbers the first one.
std::vector<ScriptLine> ParseScript(std::string_view text, int first_line = 1);

ScriptResult RunScript(const CenterConfig& center, const std::vector<ScriptLine>& lines,
                       EventSink& sink, const ScriptOptions& options = {});

}  // namespace hotline::sim
