#include <algorithm>
#include <map>

#include "hotline/wfm/schedule.h"

namespace hotline::wfm {
namespace {

struct Worked {
    double hours = 0;
    std::vector<bool> day;                   // works that day
    std::vector<std::pair<int, int>> spans;  // [start, end) in absolute slots
};

bool RestOk(const Worked& w, int start, int end, int min_rest) {
    for (const auto& [s, e] : w.spans) {
        if (start < e + min_rest && s < end + min_rest) {
            return false;  // too close either side
        }
    }
    return true;
}

// The run of consecutive working days through `day` if the agent also worked it.
int ConsecutiveWith(const Worked& w, int day) {
    const int days = static_cast<int>(w.day.size());
    int run = 1;
    for (int d = day - 1; d >= 0 && w.day[static_cast<size_t>(d)]; --d) {
        ++run;
    }
    for (int d = day + 1; d < days && w.day[static_cast<size_t>(d)]; ++d) {
        ++run;
    }
    return run;
}

}  // namespace

AssignResult AssignAgents(const std::vector<ShiftTemplate>& templates,
                          const std::vector<Pattern>& patterns, const std::vector<int>& count,
                          const std::vector<AgentRules>& agents, int slots_per_day) {
    int days = 0;
    for (const Pattern& p : patterns) {
        days = std::max(days, p.day + 1);
    }
    // Every chosen shift, in order of its start.
    std::vector<size_t> shifts;
    for (size_t p = 0; p < patterns.size(); ++p) {
        for (int k = 0; k < count[p]; ++k) {
            shifts.push_back(p);
        }
    }
    std::stable_sort(shifts.begin(), shifts.end(), [&](size_t a, size_t b) {
        return patterns[a].day * slots_per_day + patterns[a].start <
               patterns[b].day * slots_per_day + patterns[b].start;
    });
    std::vector<Worked> worked(agents.size());
    for (auto& w : worked) {
        w.day.assign(static_cast<size_t>(days), false);
    }
    AssignResult result;
    for (size_t p : shifts) {
        const Pattern& pat = patterns[p];
        const ShiftTemplate& t = templates[pat.shift];
        const int start = pat.day * slots_per_day + pat.start, end = start + t.length;
        int best = -1;
        for (size_t a = 0; a < agents.size(); ++a) {
            const AgentRules& r = agents[a];
            const Worked& w = worked[a];
            if (!r.available[static_cast<size_t>(pat.day % 7)] ||
                w.day[static_cast<size_t>(pat.day)]) {
                continue;
            }
            if (!r.shifts.empty() &&
                std::find(r.shifts.begin(), r.shifts.end(), t.id) == r.shifts.end()) {
                continue;
            }
            const bool skilled =
                std::all_of(t.skills.begin(), t.skills.end(), [&](const std::string& k) {
                    return std::find(r.skills.begin(), r.skills.end(), k) != r.skills.end();
                });
            if (!skilled) {
                continue;
            }
            if (w.hours + pat.paid_hours > r.max_hours + 1e-9) {
                continue;
            }
            if (ConsecutiveWith(w, pat.day) > r.max_consecutive_days) {
                continue;
            }
            if (!RestOk(w, start, end, r.min_rest)) {
                continue;
            }
            if (best < 0 || w.hours < worked[static_cast<size_t>(best)].hours) {
                best = static_cast<int>(a);
            }
        }
        if (best < 0) {
            ++result.unassigned;
            continue;
        }
        Worked& w = worked[static_cast<size_t>(best)];
        w.hours += pat.paid_hours;
        w.day[static_cast<size_t>(pat.day)] = true;
        w.spans.emplace_back(start, end);
        result.assignments.push_back({agents[static_cast<size_t>(best)].id, p});
    }
    return result;
}

}  // namespace hotline::wfm
