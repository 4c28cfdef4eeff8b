// The simulator's speed: simulated contacts per second through the real engine, on M/M/100+M
// (1.2 million contacts per run) and on a week of the example center with skills, overflow and
// merging. bench/compare_simpy.py runs the same M/M/c+M model in SimPy.
#include <benchmark/benchmark.h>

#include <fstream>

#include "hotline/config/loader.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/sim/simulator.h"

namespace hotline::bench {
namespace {

class Count : public EventSink {
  public:
    void OnEvent(const Event&) override { ++events; }
    int64_t events = 0;
};

sim::Scenario Mmc(int agents, double calls_per_hour, double hours) {
    sim::Scenario s;
    s.duration = Duration{static_cast<int64_t>(hours * 3600 * 1000)};
    sim::QueueTraffic q;
    q.queue = QueueId{"q"};
    q.agents = agents;
    q.arrivals.rate_per_hour = calls_per_hour;
    q.handle_time = sim::Distribution::Exponential(180);
    q.patience = sim::Distribution::Exponential(300);
    s.queues.push_back(q);
    return s;
}

void MMc100M(benchmark::State& state) {
    // 100 agents at 95% of capacity (1,900 calls an hour) for 26 days: 1.2 M contacts.
    const sim::Scenario s = Mmc(100, 1900, 24 * 26);
    const CenterConfig center = *sim::CenterForScenario(s);
    const bool with_kpis = state.range(0) != 0;
    int64_t contacts = 0;
    for (auto _ : state) {
        Count count;
        metrics::Aggregator agg;
        EventSink& sink = with_kpis ? static_cast<EventSink&>(agg) : count;
        contacts += sim::RunReplication(center, s, 1, FromMillis(1'772'409'600'000), sink).arrivals;
    }
    state.counters["contacts_per_s"] =
        benchmark::Counter(static_cast<double>(contacts), benchmark::Counter::kIsRate);
    state.counters["contacts"] =
        static_cast<double>(contacts) / static_cast<double>(state.iterations());
}
BENCHMARK(MMc100M)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("with_kpis")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void ExampleCenterWeek(benchmark::State& state) {
    config::LoadResult c = config::LoadCenterFromFile(HOTLINE_SOURCE_DIR "/examples/center.yaml");
    std::ifstream in(HOTLINE_SOURCE_DIR "/examples/center.scenario.yaml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto s = sim::ParseScenario(text, "center.scenario.yaml", HOTLINE_SOURCE_DIR "/examples");
    if (!c.ok() || !s.ok()) {
        state.SkipWithError("examples/center.yaml or center.scenario.yaml did not load");
        return;
    }
    int64_t contacts = 0;
    for (auto _ : state) {
        metrics::Aggregator agg;
        contacts +=
            sim::RunReplication(c.center, *s, 11, FromMillis(1'772'409'600'000), agg).arrivals;
    }
    state.counters["contacts_per_s"] =
        benchmark::Counter(static_cast<double>(contacts), benchmark::Counter::kIsRate);
}
BENCHMARK(ExampleCenterWeek)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace hotline::bench

BENCHMARK_MAIN();
