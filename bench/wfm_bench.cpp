// Workforce-management math at planning scale: staffing a year of 15-minute intervals (35,040)
// with Erlang C and with Erlang A, and scheduling a week of half hours with 50 shift templates
// and 200 agents.
#include <benchmark/benchmark.h>

#include <cmath>

#include "hotline/wfm/schedule.h"
#include "hotline/wfm/staffing.h"

namespace hotline::bench {
namespace {

// Calls per 15 minutes through a year: an intraday double peak, quieter weekends, seasons.
double CallsAt(int interval) {
    const int slot = interval % 96, day = interval / 96;
    const double hour = slot / 4.0;
    if (hour < 6 || hour >= 23) {
        return 2;
    }
    const double weekday = (day % 7) < 5 ? 1.0 : 0.5;
    const double season = 1 + 0.2 * std::sin(day * 2 * M_PI / 365);
    return weekday * season *
           (20 + 250 * std::exp(-std::pow((hour - 10.5) / 1.8, 2)) +
            180 * std::exp(-std::pow((hour - 15) / 2.2, 2)));
}

void StaffYear(benchmark::State& state, wfm::Model model) {
    wfm::ModelParams params;
    params.model = model;
    params.patience_s = 300;
    wfm::Targets targets;
    targets.service_level = 0.8;
    int64_t agents = 0;
    for (auto _ : state) {
        agents = 0;
        for (int i = 0; i < 35040; ++i) {
            auto r = wfm::RequiredAgents(wfm::Load{CallsAt(i) / 900.0, 180}, params, targets);
            agents += r->agents;
        }
    }
    state.counters["intervals"] = 35040;
    state.counters["agent_intervals"] = static_cast<double>(agents);
    state.SetItemsProcessed(state.iterations() * 35040);
}
void StaffYearErlangC(benchmark::State& s) {
    StaffYear(s, wfm::Model::kErlangC);
}
void StaffYearErlangA(benchmark::State& s) {
    StaffYear(s, wfm::Model::kErlangA);
}
BENCHMARK(StaffYearErlangC)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(StaffYearErlangA)->Unit(benchmark::kMillisecond)->Iterations(1);

void ScheduleWeek(benchmark::State& state) {
    // 50 templates: 10 start windows × 5 shapes (8.5 h with a lunch, 8 h, 6 h, 4 h, 10 h with two
    // breaks).
    std::vector<wfm::ShiftTemplate> templates;
    for (int w = 0; w < 10; ++w) {
        for (int shape = 0; shape < 5; ++shape) {
            wfm::ShiftTemplate t;
            t.id = "t" + std::to_string(w) + "_" + std::to_string(shape);
            t.earliest_start = 12 + 2 * w;  // 06:00 … 15:00
            t.latest_start = t.earliest_start + 1;
            const int lengths[] = {17, 16, 12, 8, 20};
            t.length = lengths[shape];
            if (shape == 0 || shape == 4) {
                t.breaks.push_back({1, false, 7, 10});
            }
            if (shape == 4) {
                t.breaks.push_back({1, true, 13, 16});
            }
            t.cost = t.length * 0.5 * (shape == 3 ? 1.1 : 1.0);
            templates.push_back(t);
        }
    }
    std::vector<double> need(7 * 48);
    for (int i = 0; i < 7 * 48; ++i) {
        const double hour = (i % 48) / 2.0;
        const double day = (i / 48) < 5 ? 1.0 : 0.6;
        need[static_cast<size_t>(i)] =
            hour < 7 || hour >= 22
                ? 0
                : std::ceil(day * (8 + 32 * std::exp(-std::pow((hour - 10.5) / 2, 2)) +
                                   24 * std::exp(-std::pow((hour - 15) / 2.5, 2))));
    }
    std::vector<wfm::AgentRules> agents(200);
    for (int a = 0; a < 200; ++a) {
        agents[static_cast<size_t>(a)].id = "a" + std::to_string(a);
        agents[static_cast<size_t>(a)].min_rest = 22;
    }
    double cost = 0, gap = 0;
    int unassigned = 0;
    for (auto _ : state) {
        wfm::ScheduleProblem p;
        p.required = need;
        p.patterns = wfm::ExpandTemplates(templates, 7, 48, 0.5);
        p.time_limit_s = 60;
        auto s = wfm::SolveSchedule(p);
        cost = s->cost;
        gap = s->gap;
        unassigned = wfm::AssignAgents(templates, p.patterns, s->count, agents, 48).unassigned;
        state.counters["patterns"] = static_cast<double>(p.patterns.size());
    }
    state.counters["cost"] = cost;
    state.counters["gap"] = gap;
    state.counters["unassigned"] = unassigned;
}
BENCHMARK(ScheduleWeek)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace hotline::bench

BENCHMARK_MAIN();
