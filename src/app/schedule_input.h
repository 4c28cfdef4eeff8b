#pragma once
// Reading `hotline schedule`'s inputs: the requirement CSV and the shift file (YAML templates, or
// a coverage matrix CSV such as shared/data/anonymous-bank/shifts.csv).

#include <string>
#include <vector>

#include "hotline/core/status.h"
#include "hotline/wfm/schedule.h"

namespace hotline::app {

struct Requirement {
    int slot_minutes = 30;
    int days = 1;
    int first_weekday = 0;            // of day 0
    std::vector<double> agents;       // per slot of the horizon
    std::vector<std::string> labels;  // "2026-12-07 09:30" per slot
};

struct ShiftFile {
    int slot_minutes = 30;
    std::vector<wfm::ShiftTemplate> shifts;  // days[] by weekday
    wfm::Objective objective = wfm::Objective::kCost;
    double under_cost = 10, over_cost = 0.1;
    std::vector<wfm::AgentRules> agents;  // explicit rules (merged with --agents)
    wfm::AgentRules defaults;
};

Result<ShiftFile> ReadShiftFile(const std::string& path);
// The same from text (`name` for messages); `csv` picks the coverage-matrix form.
Result<ShiftFile> ParseShiftFile(const std::string& text, const std::string& name, bool csv);
Result<Requirement> ParseRequirement(std::istream& in, const std::string& name, int slot_minutes);
// `slot_minutes` from the shift file; starts are "YYYY-MM-DD HH:MM" or "HH:MM" (one day, Monday).
Result<Requirement> ReadRequirement(const std::string& path, int slot_minutes);

}  // namespace hotline::app
