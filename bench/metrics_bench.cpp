// The KPI aggregator: events per second turned into interval counters. The workload is the bank's
// February 1999 (shared/data/anonymous-bank: 248,838 events), replayed month after month with
// shifted timestamps so one run aggregates over 10^7 events, plus a synthetic center whose agents
// change state (the bank log has no agent states). bench/compare_sqlite.sh runs the same report
// through the sqlite3 shell.
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>

#include "hotline/imports/import.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"

namespace hotline::bench {
namespace {

const std::vector<Event>& BankMonth() {
    static const std::vector<Event> events = [] {
        std::ifstream in(HOTLINE_SOURCE_DIR "/../shared/data/anonymous-bank/february-1999.tsv");
        auto r = imports::ImportAnonymousBank(in, imports::ImportOptions{});
        return r.ok() ? std::move(r->events) : std::vector<Event>{};
    }();
    return events;
}

void AggregateBankMonths(benchmark::State& state) {
    std::vector<Event> events = BankMonth();
    if (events.empty()) {
        state.SkipWithError("shared/data/anonymous-bank/february-1999.tsv not found");
        return;
    }
    metrics::Aggregator agg;
    const Duration month = std::chrono::hours(24 * 28);
    for (auto _ : state) {
        for (Event& e : events) {
            agg.OnEvent(e);
            e.ts += month;  // the next iteration replays the next "month"
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(events.size()));
    state.counters["events"] = static_cast<double>(state.iterations() * events.size());
}
BENCHMARK(AggregateBankMonths)->Iterations(41)->Unit(benchmark::kMillisecond);

// 200 agents in 10 queues: every call is offer, answer, states, hang-up, wrap-up.
std::vector<Event> SyntheticDay() {
    std::vector<Event> out;
    std::mt19937_64 rng(7);
    const int64_t day0 = 1772409600000;
    for (int a = 0; a < 200; ++a) {
        AgentId agent{"a" + std::to_string(a)};
        out.push_back({FromMillis(day0), events::AgentLogin{agent}});
        out.push_back({FromMillis(day0), events::AgentState{agent, "ready", "", ""}});
    }
    std::vector<int64_t> free_at(200, day0);
    for (int c = 0; c < 60000; ++c) {
        const int64_t t = day0 + c * 1400;
        const int a = static_cast<int>(rng() % 200);
        const int64_t start = std::max(t, free_at[a]) + static_cast<int64_t>(rng() % 20000);
        const int64_t end = start + 60000 + static_cast<int64_t>(rng() % 240000);
        free_at[a] = end + 30000;
        InteractionId id{"c" + std::to_string(c)};
        AgentId agent{"a" + std::to_string(a)};
        QueueId queue{"q" + std::to_string(c % 10)};
        out.push_back(
            {FromMillis(t),
             events::Arrive{id, "voice", "in", "1380000" + std::to_string(c % 5000), "", "", {}}});
        out.push_back({FromMillis(t), events::Enqueue{id, queue, 0, {}, std::nullopt}});
        out.push_back({FromMillis(start), events::Offer{id, agent, queue}});
        out.push_back({FromMillis(start), events::AgentState{agent, "reserved", "", ""}});
        out.push_back({FromMillis(start + 3000), events::Answer{id, agent, queue}});
        out.push_back({FromMillis(start + 3000), events::AgentState{agent, "busy", "", ""}});
        out.push_back({FromMillis(end), events::Hangup{id, "customer", "talk", ""}});
        out.push_back({FromMillis(end), events::AgentState{agent, "wrapup", "", ""}});
        out.push_back({FromMillis(end + 30000), events::WrapupEnd{id, agent, "", ""}});
        out.push_back({FromMillis(end + 30000), events::AgentState{agent, "ready", "", ""}});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Event& x, const Event& y) { return x.ts < y.ts; });
    return out;
}

void AggregateCenterDays(benchmark::State& state) {
    std::vector<Event> events = SyntheticDay();
    metrics::Aggregator agg;
    const Duration day = std::chrono::hours(24 * 2);
    for (auto _ : state) {
        for (Event& e : events) {
            agg.OnEvent(e);
            e.ts += day;
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(events.size()));
}
BENCHMARK(AggregateCenterDays)->Iterations(17)->Unit(benchmark::kMillisecond);

// Rolling a month of 15-minute buckets up into a report by queue and 30-minute interval.
void BuildMonthReport(benchmark::State& state) {
    metrics::Aggregator agg;
    for (const Event& e : BankMonth()) {
        agg.OnEvent(e);
    }
    auto cal = metrics::Calendar::ForZone("Asia/Shanghai");
    metrics::ReportRequest req;
    req.by = metrics::GroupBy::kQueue;
    req.interval = metrics::IntervalSpec::Minutes(30);
    for (auto _ : state) {
        benchmark::DoNotOptimize(metrics::BuildReport(agg, *cal, req));
    }
}
BENCHMARK(BuildMonthReport)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hotline::bench

BENCHMARK_MAIN();
