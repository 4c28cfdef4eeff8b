#pragma once
// The simulated people around an engine: callers arriving by the scenario's traffic (straight
// into queues or through an IVR flow), waiting with a patience, talking for a handle-time draw;
// agents answering what rings, wrapping up, and following a roster or a staffing profile.
//
// They act only through the engine's commands and read time only from the Clock, so the same
// players drive the simulator on a virtual clock and the live demo (`hotline serve --demo`) on
// the wall clock. They must run on the engine's thread: their timers call the engine.

#include <cstdint>
#include <functional>
#include <memory>

#include "hotline/core/center.h"
#include "hotline/core/clock.h"
#include "hotline/core/event.h"
#include "hotline/routing/engine.h"
#include "hotline/sim/scenario.h"

namespace hotline::sim {

// An EventSink: feed it the engine's events (it passes each on to `out`).
class Players final : public EventSink {
  public:
    Players(const Scenario& scenario, const CenterConfig& center, EventSink& out, Clock& clock,
            TimerService& timers, uint64_t seed);
    ~Players() override;

    void Attach(routing::Engine* engine);
    void SetBusinessHours(std::function<bool()> open);
    // Offers to agents for whom this says false are left to the person at that desk.
    void SetSimulatedAgents(std::function<bool(const AgentId&)> simulated);

    void StartArrivals(Timestamp origin, Timestamp end);
    void StartRoster(Timestamp origin);
    void StartStaffing(const CenterConfig& center);
    // Plays the contacts of a restored state as if they were its own.
    void Adopt(const routing::EngineState& state);

    void OnEvent(const Event& e) override;
    int64_t arrivals() const;
    int64_t events() const;
    bool idle() const;  // no caller in the IVR, waiting or talking

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::sim
