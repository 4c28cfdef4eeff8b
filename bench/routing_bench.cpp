// Routing decisions per second at the sizes a real center has: 100 agents / 10 queues / 20
// skills (a team), 1,000 / 100 / 50 (a center), 10,000 agents / 1,000 queues / 200 skills (a
// national operation). Two hot paths:
//  - RouteArrival: a contact arrives and an idle agent is chosen for it (half the agents are
//    talking, so the pools are partly occupied);
//  - PickFromBacklog: every agent is talking and thousands wait; an agent frees up and the
//    engine picks the contact it should take next across all queues it serves.
// Each iteration is one decision plus the commands that make it (arrive / answer / hang up);
// the workloads are in routing_driver.h, shared with routing_cost (instruction counts).
#include <benchmark/benchmark.h>

#include "routing_driver.h"

namespace hotline::bench {
namespace {

CenterShape ShapeOf(const benchmark::State& state) {
    CenterShape shape;
    shape.agents = static_cast<int>(state.range(0));
    shape.queues = static_cast<int>(state.range(1));
    shape.skills = static_cast<int>(state.range(2));
    shape.strategy = static_cast<Strategy>(state.range(3));
    return shape;
}

void RouteArrival(benchmark::State& state) {
    RoutingDriver d(ShapeOf(state));
    d.PrepareArrivals();
    const int64_t events_before = d.events();
    for (auto _ : state) {
        d.StepArrival();
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["events/decision"] = benchmark::Counter(
        static_cast<double>(d.events() - events_before), benchmark::Counter::kAvgIterations);
}

void PickFromBacklog(benchmark::State& state) {
    RoutingDriver d(ShapeOf(state));
    if (!d.PrepareBacklog(static_cast<int>(state.range(4)))) {
        state.SkipWithError("some agents serve no queue: cannot load them all");
        return;
    }
    for (auto _ : state) {
        d.StepBacklog();
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["waiting"] = d.Waiting();
}

constexpr int64_t kLongestIdle = static_cast<int64_t>(Strategy::kLongestIdle);
constexpr int64_t kMostSkilled = static_cast<int64_t>(Strategy::kMostSkilled);
constexpr int64_t kSkillWeighted = static_cast<int64_t>(Strategy::kSkillWeightedRandom);
constexpr int64_t kRoundRobin = static_cast<int64_t>(Strategy::kRoundRobin);

void Sizes(benchmark::internal::Benchmark* b) {
    b->ArgNames({"agents", "queues", "skills", "strategy"});
    for (int64_t strategy : {kLongestIdle, kMostSkilled, kRoundRobin, kSkillWeighted}) {
        b->Args({100, 10, 20, strategy});
        b->Args({1000, 100, 50, strategy});
        b->Args({10000, 1000, 200, strategy});
    }
}

void BacklogSizes(benchmark::internal::Benchmark* b) {
    b->ArgNames({"agents", "queues", "skills", "strategy", "waiting"});
    b->Args({100, 10, 20, kLongestIdle, 50});
    b->Args({1000, 100, 50, kLongestIdle, 500});
    b->Args({10000, 1000, 200, kLongestIdle, 5000});
}

BENCHMARK(RouteArrival)->Apply(Sizes);
BENCHMARK(PickFromBacklog)->Apply(BacklogSizes);

}  // namespace
}  // namespace hotline::bench

BENCHMARK_MAIN();
