// Routing decisions per second at the sizes a real center has: 100 agents / 10 queues / 20
// skills (a team), 1,000 / 100 / 50 (a center), 10,000 agents / 1,000 queues / 200 skills (a
// national operation). Two hot paths:
//  - RouteArrival: a contact arrives and an idle agent is chosen for it (half the agents are
//    talking, so the pools are partly occupied);
//  - PickFromBacklog: every agent is talking and thousands wait; an agent frees up and the
//    engine picks the contact it should take next across all queues it serves.
// Each iteration is one decision plus the commands that make it (arrive / answer / hang up).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"
#include "synthetic_center.h"

namespace hotline::bench {
namespace {

// Collects the engine's offers so the driver can answer them after each command (a sink must
// not call back into the engine).
class OfferCollector : public EventSink {
  public:
    void OnEvent(const Event& e) override {
        ++events;
        if (const auto* o = e.As<events::Offer>()) {
            offers.push_back(o->id);
        }
    }
    std::vector<InteractionId> offers;
    int64_t events = 0;
};

struct Bench {
    explicit Bench(const CenterShape& shape)
        : center(MakeSyntheticCenter(shape)),
          rng(7),
          engine(center, clock, clock, rng, sink),
          pick_queue(0, shape.queues - 1) {
        for (const auto& a : center.agents) {
            (void)engine.Login(a.id, true);
        }
    }

    InteractionId Arrive() {
        InteractionId id("c" + std::to_string(next_id++));
        (void)engine.Arrive({id, Channel::kVoice, "from", "", ""});
        (void)engine.Enqueue({id, center.queues[pick_queue(driver_rng)].id, 0, {}});
        return id;
    }
    // Answers every outstanding offer; the answered contacts join `talking`.
    void AnswerOffers() {
        for (const auto& id : sink.offers) {
            if (engine.Answer(id).ok()) {
                talking.push_back(id);
            }
        }
        sink.offers.clear();
    }
    void HangupRandomTalker() {
        std::uniform_int_distribution<size_t> pick(0, talking.size() - 1);
        size_t i = pick(driver_rng);
        std::swap(talking[i], talking.back());
        (void)engine.Hangup(talking.back(), routing::HangupBy::kCustomer);
        talking.pop_back();
    }

    CenterConfig center;
    VirtualClock clock;
    std::mt19937_64 rng;
    OfferCollector sink;
    routing::Engine engine;
    std::mt19937_64 driver_rng{11};
    std::uniform_int_distribution<int> pick_queue;
    std::vector<InteractionId> talking;
    int64_t next_id = 0;
};

CenterShape ShapeOf(const benchmark::State& state) {
    CenterShape shape;
    shape.agents = static_cast<int>(state.range(0));
    shape.queues = static_cast<int>(state.range(1));
    shape.skills = static_cast<int>(state.range(2));
    shape.strategy = static_cast<Strategy>(state.range(3));
    return shape;
}

void RouteArrival(benchmark::State& state) {
    Bench b(ShapeOf(state));
    // Occupy half the agents with calls that last the whole run.
    while (b.talking.size() < b.center.agents.size() / 2) {
        b.Arrive();
        b.AnswerOffers();
    }
    const size_t base = b.talking.size();
    for (auto _ : state) {
        b.Arrive();
        b.AnswerOffers();
        // Hang up the newest call so the occupied half stays the same agents' share.
        if (b.talking.size() > base) {
            (void)b.engine.Hangup(b.talking.back(), routing::HangupBy::kCustomer);
            b.talking.pop_back();
        }
        b.clock.AdvanceTo(b.clock.Now() + Duration{1000});
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["events/decision"] =
        benchmark::Counter(static_cast<double>(b.sink.events), benchmark::Counter::kAvgIterations);
}

void PickFromBacklog(benchmark::State& state) {
    Bench b(ShapeOf(state));
    const int backlog = static_cast<int>(state.range(4));
    // Guarded: a center where some agent can never be reached would otherwise loop forever.
    for (size_t tries = 0; b.talking.size() < b.center.agents.size(); ++tries) {
        if (tries > 100 * b.center.agents.size()) {
            state.SkipWithError("some agents serve no queue: cannot load them all");
            return;
        }
        b.Arrive();
        b.AnswerOffers();
    }
    for (int i = 0; i < backlog; ++i) {
        b.Arrive();
    }
    b.AnswerOffers();
    for (auto _ : state) {
        b.HangupRandomTalker();  // the freed agent takes the best waiting contact it can serve
        b.AnswerOffers();
        b.Arrive();  // keep the backlog level
        b.AnswerOffers();
        b.clock.AdvanceTo(b.clock.Now() + Duration{1000});
    }
    state.SetItemsProcessed(state.iterations());
    int waiting = 0;
    for (const auto& q : b.engine.Snapshot().queues) {
        waiting += q.waiting;
    }
    state.counters["waiting"] = waiting;
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
