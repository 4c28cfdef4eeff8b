#include "wallboard_text.h"

#include <cstdio>

namespace hotline::app {
namespace {

std::string Row(const char* fmt, auto... args) {
    char buf[256];
    std::snprintf(buf, sizeof buf, fmt, args...);
    std::string row = buf;
    // An empty last column must not leave trailing blanks.
    while (row.size() >= 2 && row[row.size() - 2] == ' ') {
        row.erase(row.size() - 2, 1);
    }
    return row;
}

// A wallboard reads at a glance: whole seconds, rounded to nearest.
std::string Seconds(Duration d) {
    return FormatDuration(
        std::chrono::duration_cast<Duration>(std::chrono::round<std::chrono::seconds>(d)));
}

}  // namespace

std::string RenderWallboard(const routing::RealtimeSnapshot& snap, const CenterConfig& center,
                            Timestamp origin) {
    using routing::AgentStateKind;
    std::string out = "wallboard at +" + FormatDuration(snap.at - origin) + "\n";
    out += Row("%-16s %7s %8s %9s %6s %6s %6s %6s %6s %7s\n", "queue", "waiting", "longest",
               "expected", "ready", "busy", "ring", "acw", "away", "merged");
    for (const auto& q : snap.queues) {
        auto n = [&](AgentStateKind s) { return q.agents[static_cast<int>(s)]; };
        out +=
            Row("%-16s %7d %8s %9s %6d %6d %6d %6d %6d %7s\n", q.id.str().c_str(), q.waiting,
                Seconds(q.longest_wait).c_str(), Seconds(q.expected_wait).c_str(),
                n(AgentStateKind::kReady), n(AgentStateKind::kBusy), n(AgentStateKind::kReserved),
                n(AgentStateKind::kWrapup), n(AgentStateKind::kNotReady), q.merged ? "yes" : "");
    }
    int by_state[routing::kAgentStateCount] = {};
    for (const auto& a : snap.agents) {
        by_state[static_cast<int>(a.state)]++;
    }
    out += "agents:";
    for (int s = 0; s < routing::kAgentStateCount; ++s) {
        out += " " + std::string(routing::AgentStateName(static_cast<AgentStateKind>(s))) + "=" +
               std::to_string(by_state[s]);
    }
    out += " (" + std::to_string(center.agents.size()) + " in " + center.name + ")\n";
    return out;
}

}  // namespace hotline::app
