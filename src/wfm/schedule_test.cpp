#include "hotline/wfm/schedule.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <random>
#include <sstream>

namespace hotline::wfm {
namespace {

// The bank's shift pattern (shared/data/anonymous-bank/shifts.csv): eight six-hour shifts, an
// hour per row, 1 where the shift works.
std::vector<ShiftTemplate> BankShifts() {
    std::ifstream in(HOTLINE_SOURCE_DIR "/../shared/data/anonymous-bank/shifts.csv");
    std::string line;
    std::getline(in, line);
    std::vector<std::vector<int>> hours;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string cell;
        std::vector<int> row;
        std::getline(f, cell, ',');
        std::getline(f, cell, ',');
        while (std::getline(f, cell, ',')) {
            row.push_back(std::stoi(cell));
        }
        hours.push_back(row);
    }
    std::vector<ShiftTemplate> shifts;
    for (size_t s = 0; !hours.empty() && s < hours[0].size(); ++s) {
        ShiftTemplate t;
        t.id = "Shift" + std::to_string(s + 1);
        int first = -1, length = 0;
        for (size_t h = 0; h < hours.size(); ++h) {
            if (hours[h][s] == 1) {
                if (first < 0) {
                    first = static_cast<int>(h);
                }
                ++length;
            }
        }
        t.earliest_start = t.latest_start = first;
        t.length = length;
        t.cost = 1;
        shifts.push_back(t);
    }
    return shifts;
}

// The independent method: depth-first search over how many of each shift, in order of start,
// pruned by cost and by hours that no later shift can still cover.
int ExhaustiveMinimum(const std::vector<ShiftTemplate>& shifts, const std::vector<double>& need) {
    const int hours = static_cast<int>(need.size());
    int best = 1 << 30;
    std::vector<int> cover(static_cast<size_t>(hours), 0);
    std::function<void(size_t, int)> dfs = [&](size_t k, int cost) {
        if (cost >= best) {
            return;
        }
        // Hours before the next shift's start that no later shift reaches must already be met.
        const int next_start = k < shifts.size() ? shifts[k].earliest_start : hours;
        for (int h = 0; h < next_start; ++h) {
            if (cover[static_cast<size_t>(h)] < need[static_cast<size_t>(h)]) {
                return;
            }
        }
        if (k == shifts.size()) {
            best = cost;
            return;
        }
        const ShiftTemplate& t = shifts[k];
        int most = 0;
        for (int h = t.earliest_start; h < t.earliest_start + t.length; ++h) {
            most = std::max(most, static_cast<int>(need[static_cast<size_t>(h)]));
        }
        for (int n = 0; n <= most; ++n) {
            for (int h = t.earliest_start; h < t.earliest_start + t.length; ++h) {
                cover[static_cast<size_t>(h)] += n;
            }
            dfs(k + 1, cost + n);
            for (int h = t.earliest_start; h < t.earliest_start + t.length; ++h) {
                cover[static_cast<size_t>(h)] -= n;
            }
        }
    };
    dfs(0, 0);
    return best;
}

ScheduleSolution Solve(const std::vector<ShiftTemplate>& shifts, const std::vector<double>& need) {
    ScheduleProblem p;
    p.required = need;
    p.patterns = ExpandTemplates(shifts, 1, 24, 1.0);
    auto s = SolveSchedule(p);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : ScheduleSolution{};
}

TEST(Schedule, BankShiftsMatchExhaustiveSearch) {
    const std::vector<ShiftTemplate> shifts = BankShifts();
    ASSERT_EQ(shifts.size(), 8U);
    EXPECT_EQ(shifts[1].earliest_start, 6);  // Shift2: 6am to noon
    // Agents per hour for an average day of the bank (Erlang C, 80/20, from its February).
    const std::vector<double> day = {1,  1,  1,  1, 1, 1, 3, 5, 8, 11, 12, 12,
                                     11, 10, 10, 9, 8, 8, 7, 6, 5, 4,  3,  2};
    ScheduleSolution s = Solve(shifts, day);
    EXPECT_TRUE(s.optimal);
    EXPECT_DOUBLE_EQ(s.cost, ExhaustiveMinimum(shifts, day));
    for (size_t h = 0; h < day.size(); ++h) {
        EXPECT_GE(s.coverage[h], day[h]) << "hour " << h;
    }
    std::mt19937 rng(11);
    for (int trial = 0; trial < 25; ++trial) {
        std::vector<double> need(24);
        for (double& n : need) {
            n = static_cast<double>(rng() % 7);
        }
        EXPECT_DOUBLE_EQ(Solve(shifts, need).cost, ExhaustiveMinimum(shifts, need))
            << "trial " << trial;
    }
}

TEST(Schedule, BreaksAreWindowedAndUncovered) {
    ShiftTemplate t;
    t.id = "day";
    t.earliest_start = 16;  // 08:00 in 30-minute slots
    t.latest_start = 18;
    t.length = 18;                            // 9 hours
    t.breaks = {BreakRule{2, false, 8, 10}};  // an unpaid hour starting 4–5 hours in
    std::vector<Pattern> p = ExpandTemplates({t}, 1, 48, 0.5);
    EXPECT_EQ(p.size(), 3U * 3U);
    for (const Pattern& x : p) {
        EXPECT_EQ(x.working.size(), 16U);
        EXPECT_DOUBLE_EQ(x.paid_hours, 8.0);
        EXPECT_GE(x.break_starts[0], 8);
        EXPECT_LE(x.break_starts[0], 10);
    }
    // A flat 3 from 09:00 to 16:00: every break falls inside 12:00–15:00, so 4 shifts would put
    // 8 break slots into 6 slots that may each lose only one agent — 5 shifts are needed.
    std::vector<double> need(48, 0);
    for (int i = 18; i < 32; ++i) {
        need[static_cast<size_t>(i)] = 3;
    }
    ScheduleProblem prob;
    prob.required = need;
    prob.patterns = p;
    auto s = SolveSchedule(prob);
    ASSERT_TRUE(s.ok());
    int shifts = 0;
    for (int c : s->count) {
        shifts += c;
    }
    EXPECT_EQ(shifts, 5);
    for (int i = 18; i < 32; ++i) {
        EXPECT_GE(s->coverage[static_cast<size_t>(i)], 3) << i;
    }
}

TEST(Schedule, UncoverableIntervalsNeedTheShortageObjective) {
    ShiftTemplate t;
    t.id = "morning";
    t.earliest_start = t.latest_start = 8;
    t.length = 8;
    std::vector<double> need(24, 0);
    need[20] = 2;  // 20:00, when nobody works
    need[10] = 3;
    ScheduleProblem p;
    p.required = need;
    p.patterns = ExpandTemplates({t}, 1, 24, 1.0);
    auto strict = SolveSchedule(p);
    ASSERT_FALSE(strict.ok());
    EXPECT_NE(strict.status().message().find("shortage"), std::string::npos);
    p.objective = Objective::kShortage;
    auto soft = SolveSchedule(p);
    ASSERT_TRUE(soft.ok()) << soft.status().ToString();
    EXPECT_DOUBLE_EQ(soft->under, 2);
    EXPECT_DOUBLE_EQ(soft->coverage[10], 3);
}

TEST(Schedule, WeekWrapsAndAgentsGetShiftsWithinTheirRules) {
    ShiftTemplate night;
    night.id = "night";
    night.earliest_start = night.latest_start = 22;  // 22:00–06:00 every day
    night.length = 8;
    std::vector<double> need(7 * 24, 1);  // one agent around the clock
    ShiftTemplate day = night;
    day.id = "day";
    day.earliest_start = day.latest_start = 6;
    ShiftTemplate late = night;
    late.id = "late";
    late.earliest_start = late.latest_start = 14;
    std::vector<ShiftTemplate> shifts = {night, day, late};
    ScheduleProblem p;
    p.required = need;
    p.patterns = ExpandTemplates(shifts, 7, 24, 1.0);
    auto s = SolveSchedule(p);
    ASSERT_TRUE(s.ok());
    EXPECT_DOUBLE_EQ(s->cost, 21 * 8);    // 3 shifts a day × 7 days × 8 paid hours
    EXPECT_DOUBLE_EQ(s->coverage[0], 1);  // Monday 00:00 covered by Sunday's night shift

    std::vector<AgentRules> agents;
    for (int i = 0; i < 5; ++i) {
        AgentRules r;
        r.id = "a" + std::to_string(i);
        r.max_hours = 40;
        r.max_consecutive_days = 5;
        r.min_rest = 11;
        agents.push_back(r);
    }
    agents[0].available[5] = agents[0].available[6] = false;  // no weekends
    agents[1].shifts = {"day"};
    AssignResult a = AssignAgents(shifts, p.patterns, s->count, agents, 24);
    EXPECT_EQ(a.unassigned, 0);
    EXPECT_EQ(a.assignments.size(), 21U);
    std::map<std::string, double> hours;
    for (const auto& x : a.assignments) {
        const Pattern& pat = p.patterns[x.pattern];
        hours[x.agent] += pat.paid_hours;
        if (x.agent == "a0") {
            EXPECT_LT(pat.day, 5);
        }
        if (x.agent == "a1") {
            EXPECT_EQ(shifts[pat.shift].id, "day");
        }
    }
    for (const auto& [agent, h] : hours) {
        EXPECT_LE(h, 40) << agent;
    }
    // A shift that needs a skill goes only to agents who have it.
    std::vector<ShiftTemplate> skilled = shifts;
    skilled[0].skills = {"english"};  // the night shift
    agents[3].skills = {"english"};
    agents[4].skills = {"english", "cards"};
    AssignResult b = AssignAgents(skilled, p.patterns, s->count, agents, 24);
    for (const auto& x : b.assignments) {
        if (p.patterns[x.pattern].shift == 0) {
            EXPECT_TRUE(x.agent == "a3" || x.agent == "a4") << x.agent;
        }
    }
    EXPECT_EQ(static_cast<int>(b.assignments.size()) + b.unassigned,
              21);  // every shift accounted for
    // Two agents cannot staff a week around the clock within 40 hours: the rest is reported.
    agents.resize(2);
    EXPECT_GT(AssignAgents(shifts, p.patterns, s->count, agents, 24).unassigned, 0);
}

}  // namespace
}  // namespace hotline::wfm
