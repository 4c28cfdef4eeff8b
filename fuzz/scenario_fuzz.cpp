// libFuzzer target: any bytes as a simulation scenario. Whatever parses can build its center and
// run a (short) replication through the engine without breaking it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "hotline/sim/simulator.h"

namespace {
class Null : public hotline::EventSink {
  public:
    void OnEvent(const hotline::Event&) override {}
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto s = hotline::sim::ParseScenario(text, "fuzz.yaml", "");
    if (!s.ok()) {
        if (s.status().message().rfind("fuzz.yaml", 0) != 0 &&
            s.status().message().find(": cannot open") == std::string::npos &&
            s.status().message().find("no values") == std::string::npos) {
            std::abort();  // an error names the file (or the file it could not read)
        }
        return 0;
    }
    auto center = hotline::sim::CenterForScenario(*s);
    if (!center.ok()) {
        return 0;
    }
    // Keep the run small: a fuzzer wants many inputs a second, not one long simulation.
    int agents = 0;
    for (const auto& q : s->queues) {
        agents += q.agents.value_or(0);
    }
    double calls = 0;
    for (const auto& q : s->queues) {
        calls += q.arrivals.rate_per_hour;
    }
    if (agents > 200 || s->queues.size() > 20 || calls > 5000) {
        return 0;
    }
    s->duration = std::min(s->duration, hotline::Duration{std::chrono::hours(1)});
    s->warmup = hotline::Duration{0};
    Null sink;
    hotline::sim::RunReplication(*center, *s, 1, hotline::FromMillis(1'772'409'600'000), sink);
    return 0;
}
