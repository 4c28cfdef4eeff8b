#pragma once
// Shift scheduling (docs/scheduling.md): shift templates expand into patterns (a start on a day,
// with breaks placed inside their windows); an integer program chooses how many of each pattern
// to staff (COIN-OR CBC); a second step gives the chosen shifts to named agents within their
// rules. Time is in slots of the requirement's interval, days 0 … days−1 from Monday.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/status.h"

namespace hotline::wfm {

struct BreakRule {
    int length = 1;  // slots
    bool paid = false;
    int earliest = 0;  // offsets from the shift's start, slots: the break starts in
    int latest = 0;    // [earliest, latest]
};

struct ShiftTemplate {
    std::string id;
    int earliest_start = 0;  // slot of the day
    int latest_start = 0;
    int length = 16;             // slots, breaks included
    std::optional<double> cost;  // per shift; default: its paid hours
    std::array<bool, 7> days{true, true, true, true, true, true, true};
    std::vector<BreakRule> breaks;
    std::vector<std::string> skills;  // an agent working it must have every one
};

struct Pattern {
    size_t shift = 0;  // index into the templates
    int day = 0;
    int start = 0;                  // slot of the day
    std::vector<int> break_starts;  // offsets from the start
    double cost = 0;
    double paid_hours = 0;
    std::vector<int> working;  // indices of the horizon's intervals covered
};

// Every start in each template's window on each of its days, times every way of placing its
// breaks. With a whole number of weeks the horizon wraps (a Sunday night shift ends on Monday).
std::vector<Pattern> ExpandTemplates(const std::vector<ShiftTemplate>& templates, int days,
                                     int slots_per_day, double slot_hours);

enum class Objective {
    kCost,      // cover every interval's requirement at the least cost
    kShortage,  // least cost + weighted shortage and surplus (when covering everything is too dear)
};

struct ScheduleProblem {
    std::vector<double> required;  // agents per interval of the horizon
    std::vector<Pattern> patterns;
    Objective objective = Objective::kCost;
    double under_cost = 10, over_cost = 0.1;  // kShortage: per agent-interval
    double time_limit_s = 30;
};

struct ScheduleSolution {
    std::vector<int> count;        // per pattern
    std::vector<double> coverage;  // agents working per interval
    double cost = 0;               // Σ pattern costs
    double objective = 0;
    double bound = 0;  // the best possible objective CBC proved
    double gap = 0;    // (objective − bound) / objective
    bool optimal = false;
    double under = 0, over = 0;  // agent-intervals short of / above the requirement
};

Result<ScheduleSolution> SolveSchedule(const ScheduleProblem& problem);

// ---- assigning the chosen shifts to people ----

struct AgentRules {
    std::string id;
    std::array<bool, 7> available{true, true, true, true, true, true, true};
    double max_hours = 40;  // paid hours in the horizon
    int max_consecutive_days = 5;
    int min_rest = 22;                // slots between one shift's end and the next start
    std::vector<std::string> shifts;  // templates the agent may work; empty: any
    std::vector<std::string> skills;  // what the agent can do (from the center file)
};

struct Assignment {
    std::string agent;
    size_t pattern = 0;
};

struct AssignResult {
    std::vector<Assignment> assignments;
    int unassigned = 0;  // chosen shifts no agent could take within the rules
};

// Greedy by start time: each shift goes to the eligible agent with the fewest hours so far
// (ties by id), so hours are spread evenly; shifts nobody can take are counted, not dropped.
AssignResult AssignAgents(const std::vector<ShiftTemplate>& templates,
                          const std::vector<Pattern>& patterns, const std::vector<int>& count,
                          const std::vector<AgentRules>& agents, int slots_per_day);

}  // namespace hotline::wfm
