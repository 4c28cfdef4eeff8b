#pragma once
// The simulator: the production routing engine on a virtual clock, fed by generated traffic and
// played by simulated agents and callers (ARCHITECTURE.md §1). No threads, no sleeping: a
// replication is exactly reproducible from its seed.

#include <cstdint>
#include <functional>

#include "hotline/core/center.h"
#include "hotline/core/event.h"
#include "hotline/sim/scenario.h"

namespace hotline::sim {

struct RunStats {
    int64_t arrivals = 0;
    int64_t events = 0;
};

// One replication from `origin`: every agent logs in ready; calls arrive as Poisson processes
// (constant or per-interval rates) until the scenario's duration; an offered call is answered at
// once, talks for a handle-time draw, and wraps up for an after-call-work draw; a waiting caller
// hangs up when a patience draw runs out. After the duration no call arrives and the calls in
// progress are played to their end, so the last callers' waits are not cut short.
// `business_hours` answers the IVR's hours node at a simulated instant (the caller knows the
// center's time zone; the simulator does not); without it the center is always open.
RunStats RunReplication(const CenterConfig& center, const Scenario& scenario, uint64_t seed,
                        Timestamp origin, EventSink& sink,
                        std::function<bool(Timestamp)> business_hours = {});

}  // namespace hotline::sim
