#pragma once
// The routing benchmarks' workloads, shared by routing_bench (Google Benchmark, wall time) and
// routing_cost (instructions and cache misses under cachegrind, which do not depend on what
// else the machine is doing). The engine runs on a virtual clock over a generated center.
//  - Arrivals: half the agents talk on calls that last the whole run; each step a contact
//    arrives, the engine chooses a free agent for it, the agent answers and hangs up.
//  - Backlog: every agent talks and thousands wait; each step a random call ends, the engine
//    picks for the freed agent the best waiting contact among all the queues it serves, the
//    agent answers, and a new contact arrives to keep the backlog level.
// One step is one routing decision with the commands and events around it.

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"
#include "synthetic_center.h"

namespace hotline::bench {

class RoutingDriver {
  public:
    explicit RoutingDriver(const CenterShape& shape);
    ~RoutingDriver();

    void PrepareArrivals();
    void StepArrival();
    // False when some agent serves no queue, so a full load cannot be reached.
    bool PrepareBacklog(int waiting);
    void StepBacklog();

    int64_t events() const;
    int Waiting() const;  // contacts waiting now, over all queues

  private:
    class OfferCollector;
    void Arrive();
    void AnswerOffers();
    void HangupRandomTalker();

    CenterConfig center_;
    VirtualClock clock_;
    std::mt19937_64 rng_{7};
    std::unique_ptr<OfferCollector> sink_;
    std::unique_ptr<routing::Engine> engine_;
    std::mt19937_64 driver_rng_{11};
    std::uniform_int_distribution<int> pick_queue_;
    std::vector<QueueId> queue_ids_;  // at hand, as a caller (the IVR) would have them
    std::vector<int64_t> talking_;    // the numbers of the contacts talking now
    size_t arrivals_base_ = 0;
    int64_t next_id_ = 0;
};

}  // namespace hotline::bench
