// `hotline schedule REQUIREMENT.csv SHIFTS.yaml`: the least-cost shifts covering a requirement,
// and who works them (docs/scheduling.md).
#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/json_text.h"
#include "hotline/core/time.h"
#include "schedule_input.h"

namespace hotline::app {
namespace {

namespace json = boost::json;

constexpr const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string Clock(int slot, int slot_minutes) {
    const int m = (slot * slot_minutes) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
    return buf;
}

// Template days are weekdays; the horizon's day 0 may be any weekday.
std::vector<wfm::ShiftTemplate> AlignDays(std::vector<wfm::ShiftTemplate> shifts,
                                          int first_weekday) {
    for (auto& t : shifts) {
        std::array<bool, 7> d{};
        for (int i = 0; i < 7; ++i) {
            d[static_cast<size_t>(i)] = t.days[static_cast<size_t>((first_weekday + i) % 7)];
        }
        t.days = d;
    }
    return shifts;
}

std::vector<wfm::AgentRules> Agents(const ScheduleOptions& o, const ShiftFile& f, int slot_minutes,
                                    int first_weekday, Status& status) {
    std::map<std::string, wfm::AgentRules> by_id;
    if (!o.agents.empty()) {
        config::LoadResult center = config::LoadCenterFromFile(o.agents);
        for (const auto& e : center.errors) {
            std::cerr << e.ToString() << "\n";
        }
        if (!center.ok()) {
            status = InvalidArgument(o.agents + ": not a valid center file");
            return {};
        }
        for (const auto& a : center.center.agents) {
            wfm::AgentRules r = f.defaults;
            r.id = a.id.str();
            for (const auto& sk : a.skills) {
                r.skills.push_back(sk.skill.str());
            }
            by_id[r.id] = r;
        }
    }
    for (const auto& r : f.agents) {  // the shift file's exceptions; skills stay the center's
        std::vector<std::string> skills = by_id[r.id].skills;
        by_id[r.id] = r;
        if (r.skills.empty()) {
            by_id[r.id].skills = std::move(skills);
        }
    }
    std::vector<wfm::AgentRules> out;
    for (auto& [id, r] : by_id) {
        r.min_rest = (r.min_rest + slot_minutes - 1) / slot_minutes;  // minutes → slots
        std::array<bool, 7> d{};
        for (int i = 0; i < 7; ++i) {
            d[static_cast<size_t>(i)] = r.available[static_cast<size_t>((first_weekday + i) % 7)];
        }
        r.available = d;
        out.push_back(r);
    }
    return out;
}

}  // namespace

int ScheduleCommand(const ScheduleOptions& o) {
    auto shifts = ReadShiftFile(o.shifts);
    if (!shifts.ok()) {
        std::cerr << shifts.status().message() << "\n";
        return 2;
    }
    auto req = ReadRequirement(o.requirement, shifts->slot_minutes);
    if (!req.ok()) {
        std::cerr << req.status().message() << "\n";
        return 2;
    }
    auto limit = ParseDuration(o.time_limit);
    if (!limit) {
        std::cerr << "schedule: --time-limit '" << o.time_limit << "' is not a duration\n";
        return 2;
    }
    const int per_day = 1440 / shifts->slot_minutes;
    const double slot_hours = shifts->slot_minutes / 60.0;
    const auto templates = AlignDays(shifts->shifts, req->first_weekday);
    wfm::ScheduleProblem problem;
    problem.required = req->agents;
    problem.patterns = wfm::ExpandTemplates(templates, req->days, per_day, slot_hours);
    problem.objective = o.objective.empty()         ? shifts->objective
                        : o.objective == "shortage" ? wfm::Objective::kShortage
                                                    : wfm::Objective::kCost;
    problem.under_cost = shifts->under_cost;
    problem.over_cost = shifts->over_cost;
    problem.time_limit_s = static_cast<double>(limit->count()) / 1000.0;
    auto solution = wfm::SolveSchedule(problem);
    if (!solution.ok()) {
        std::cerr << "schedule: " << solution.status().message() << "\n";
        return 1;
    }
    const wfm::ScheduleSolution& s = *solution;
    Status agents_status;
    const auto agents = Agents(o, *shifts, shifts->slot_minutes, req->first_weekday, agents_status);
    if (!agents_status.ok()) {
        return 2;
    }
    wfm::AssignResult assigned;
    if (!agents.empty()) {
        assigned = wfm::AssignAgents(templates, problem.patterns, s.count, agents, per_day);
    }

    int total = 0;
    for (int c : s.count) {
        total += c;
    }
    json::object root;
    root["cost"] = s.cost;
    root["objective"] = s.objective;
    root["bound"] = s.bound;
    root["gap"] = s.gap;
    root["optimal"] = s.optimal;
    root["shifts"] = total;
    root["under_agent_intervals"] = s.under;
    root["over_agent_intervals"] = s.over;
    json::array chosen;
    for (size_t p = 0; p < problem.patterns.size(); ++p) {
        if (s.count[p] == 0) {
            continue;
        }
        const auto& pat = problem.patterns[p];
        json::object c;
        c["shift"] = templates[pat.shift].id;
        c["day"] = pat.day + 1;
        c["weekday"] = kDayNames[(req->first_weekday + pat.day) % 7];
        c["start"] = Clock(pat.start, shifts->slot_minutes);
        c["end"] = Clock(pat.start + templates[pat.shift].length, shifts->slot_minutes);
        json::array breaks;
        for (int b : pat.break_starts) {
            breaks.push_back(json::value(Clock(pat.start + b, shifts->slot_minutes)));
        }
        c["breaks"] = std::move(breaks);
        c["count"] = s.count[p];
        chosen.push_back(std::move(c));
    }
    root["chosen"] = std::move(chosen);
    json::array coverage;
    for (size_t i = 0; i < req->agents.size(); ++i) {
        json::object c;
        c["interval"] = req->labels[i];
        c["required"] = req->agents[i];
        c["scheduled"] = s.coverage[i];
        coverage.push_back(std::move(c));
    }
    root["coverage"] = std::move(coverage);
    if (!agents.empty()) {
        json::array people;
        for (const auto& a : assigned.assignments) {
            const auto& pat = problem.patterns[a.pattern];
            json::object x;
            x["agent"] = a.agent;
            x["day"] = pat.day + 1;
            x["weekday"] = kDayNames[(req->first_weekday + pat.day) % 7];
            x["shift"] = templates[pat.shift].id;
            x["start"] = Clock(pat.start, shifts->slot_minutes);
            x["paid_hours"] = pat.paid_hours;
            people.push_back(std::move(x));
        }
        root["assignments"] = std::move(people);
        root["unassigned_shifts"] = assigned.unassigned;
    }

    if (!o.roster.empty()) {
        // For `hotline simulate`: staffing: {roster: FILE} — times from the start of day 1.
        std::ofstream roster(o.roster);
        roster << "agent,start,end,breaks\n";
        const int64_t slot_ms = shifts->slot_minutes * 60'000LL;
        for (const auto& a : assigned.assignments) {
            const auto& pat = problem.patterns[a.pattern];
            const auto& t = templates[pat.shift];
            const Duration start{(static_cast<int64_t>(pat.day) * per_day + pat.start) * slot_ms};
            roster << a.agent << "," << FormatDuration(start) << ","
                   << FormatDuration(start + Duration{t.length * slot_ms}) << ",";
            for (size_t b = 0; b < pat.break_starts.size(); ++b) {
                const Duration bs = start + Duration{pat.break_starts[b] * slot_ms};
                roster << (b ? "|" : "") << FormatDuration(bs) << "-"
                       << FormatDuration(bs + Duration{t.breaks[b].length * slot_ms});
            }
            roster << "\n";
        }
        if (!roster) {
            std::cerr << o.roster << ": cannot write the file\n";
            return 1;
        }
    }
    if (o.json) {
        std::cout << PlainJson(root) << "\n";
    } else if (o.csv) {
        std::cout << "interval,required,scheduled\n";
        for (size_t i = 0; i < req->agents.size(); ++i) {
            std::cout << req->labels[i] << "," << req->agents[i] << "," << s.coverage[i] << "\n";
        }
    } else {
        std::printf(
            "%d shifts, cost %.1f (%s, bound %.1f, gap %.2f%%); short %.0f, over %.0f "
            "agent-intervals\n",
            total, s.cost, s.optimal ? "optimal" : "time limit", s.bound, s.gap * 100, s.under,
            s.over);
        for (const auto& c : root["chosen"].as_array()) {
            const auto& x = c.as_object();
            std::string breaks;
            for (const auto& b : x.at("breaks").as_array()) {
                breaks += " break " + std::string(b.as_string());
            }
            std::printf(
                "  %-3s d%-2lld %-10s %s-%s%s  x%lld\n", x.at("weekday").as_string().c_str(),
                static_cast<long long>(x.at("day").as_int64()), x.at("shift").as_string().c_str(),
                x.at("start").as_string().c_str(), x.at("end").as_string().c_str(), breaks.c_str(),
                static_cast<long long>(x.at("count").as_int64()));
        }
        if (!agents.empty()) {
            std::printf(
                "%zu shifts given to %zu agents; %d could not be given within the agents' rules\n",
                assigned.assignments.size(), agents.size(), assigned.unassigned);
        }
    }
    return assigned.unassigned > 0 ? 1 : 0;
}

}  // namespace hotline::app
