// Runs one routing workload for a fixed number of decisions, so that cachegrind can count what
// a decision costs (bench/routing_cost.sh runs it twice, with 0 and N steps, and divides the
// difference). Wall time on a shared machine moves by ±30% from run to run; instruction and
// cache-miss counts do not.
//
//   routing_cost arrivals|backlog AGENTS QUEUES SKILLS STRATEGY STEPS [WAITING]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "routing_driver.h"

int main(int argc, char** argv) {
    using namespace hotline;
    if (argc < 7) {
        std::fprintf(stderr,
                     "usage: %s arrivals|backlog AGENTS QUEUES SKILLS STRATEGY STEPS [WAITING]\n",
                     argv[0]);
        return 2;
    }
    const std::string_view workload = argv[1];
    bench::CenterShape shape;
    shape.agents = std::atoi(argv[2]);
    shape.queues = std::atoi(argv[3]);
    shape.skills = std::atoi(argv[4]);
    const auto strategy = ParseStrategy(argv[5]);
    const long steps = std::atol(argv[6]);
    if (!strategy || shape.agents <= 0 || shape.queues <= 0 || shape.skills <= 0 || steps < 0 ||
        (workload != "arrivals" && workload != "backlog")) {
        std::fprintf(stderr, "routing_cost: bad arguments (strategy \"%s\")\n", argv[5]);
        return 2;
    }
    shape.strategy = *strategy;
    bench::RoutingDriver d(shape);
    if (workload == "arrivals") {
        d.PrepareArrivals();
        for (long i = 0; i < steps; ++i) {
            d.StepArrival();
        }
    } else {
        const int waiting = argc > 7 ? std::atoi(argv[7]) : shape.agents / 2;
        if (!d.PrepareBacklog(waiting)) {
            std::fprintf(stderr, "routing_cost: some agents serve no queue\n");
            return 1;
        }
        for (long i = 0; i < steps; ++i) {
            d.StepBacklog();
        }
    }
    std::printf("%lld events, %d waiting\n", static_cast<long long>(d.events()), d.Waiting());
    return 0;
}
