// The event log's codec: every event the engine emits is written as one JSON line, and replay,
// reports and crash recovery read them back. Measures events/s each way on a realistic mix.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "hotline/core/event_codec.h"

namespace hotline::bench {
namespace {

std::vector<Event> SampleEvents() {
    const Timestamp t{Duration{1772409600000}};
    std::vector<Event> out;
    out.push_back(
        {t,
         events::Arrive{
             InteractionId("c000123"), "voice", "in", "13800001234", "95555", "cust-88121", {}}});
    out.push_back({t, events::Enqueue{
                          InteractionId("c000123"), QueueId("credit_card"), 2, {"english:5"}, {}}});
    out.push_back(
        {t, events::Offer{InteractionId("c000123"), AgentId("a017"), QueueId("credit_card")}});
    out.push_back(
        {t, events::Answer{InteractionId("c000123"), AgentId("a017"), QueueId("credit_card")}});
    out.push_back({t, events::AgentState{AgentId("a017"), "busy", "", ""}});
    out.push_back({t, events::Hangup{InteractionId("c000123"), "customer", "talk", ""}});
    return out;
}

void EncodeEvents(benchmark::State& state) {
    const auto sample = SampleEvents();
    size_t bytes = 0;
    for (auto _ : state) {
        for (const Event& e : sample) {
            std::string line = EventToJson(e);
            bytes += line.size();
            benchmark::DoNotOptimize(line);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sample.size()));
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void DecodeEvents(benchmark::State& state) {
    std::vector<std::string> lines;
    size_t bytes = 0;
    for (const Event& e : SampleEvents()) {
        lines.push_back(EventToJson(e));
    }
    for (auto _ : state) {
        for (const std::string& line : lines) {
            auto e = EventFromJson(line);
            bytes += line.size();
            benchmark::DoNotOptimize(e);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(lines.size()));
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

BENCHMARK(EncodeEvents);
BENCHMARK(DecodeEvents);

}  // namespace
}  // namespace hotline::bench

BENCHMARK_MAIN();
