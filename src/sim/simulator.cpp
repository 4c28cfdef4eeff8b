#include "hotline/sim/simulator.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"
#include "hotline/sim/players.h"

namespace hotline::sim {

RunStats RunReplication(const CenterConfig& center_in, const Scenario& scenario, uint64_t seed,
                        Timestamp origin, EventSink& sink,
                        std::function<bool(Timestamp)> business_hours) {
    CenterConfig center = center_in;
    // After-call work comes from the scenario's draws: the engine holds the agent in wrap-up
    // until the simulated agent finishes it.
    for (const QueueTraffic& q : scenario.queues) {
        for (auto& qc : center.queues) {
            if (qc.id == q.queue && q.after_call_work) {
                qc.wrapup = std::chrono::hours(24);
            }
        }
    }
    VirtualClock clock(origin);
    std::mt19937_64 engine_rng(seed * 0x9E3779B97F4A7C15ULL + 1);
    Players players(scenario, center, sink, clock, clock, seed);
    if (business_hours) {
        players.SetBusinessHours([&clock, business_hours] { return business_hours(clock.Now()); });
    }
    routing::Engine engine(center, clock, clock, engine_rng, players);
    players.Attach(&engine);
    std::set<std::string> rostered;
    for (const auto& shift : scenario.roster) {
        rostered.insert(shift.agent.str());
    }
    for (const auto& a : center.agents) {
        if (!rostered.contains(a.id.str())) {
            (void)engine.Login(a.id, /*ready=*/true);
        }
    }
    players.StartRoster(origin);
    const Timestamp end = origin + scenario.duration;
    players.StartArrivals(origin, end);
    players.StartStaffing(center);
    clock.AdvanceTo(end);
    // Drain: no more arrivals, but the calls in progress finish, so the last callers' waits are
    // not cut short (that would flatter the service level). A day is the limit.
    const Timestamp drain_limit = end + std::chrono::hours(24);
    while (!players.idle() && clock.NextDue() <= drain_limit) {
        if (!clock.FireNext()) {
            break;
        }
    }
    return RunStats{players.arrivals(), players.events()};
}

}  // namespace hotline::sim
