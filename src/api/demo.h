#pragma once
// `hotline serve --demo`: a center that is alive the moment it starts. The simulator's players
// (callers and agents, src/sim/players.h) act on the server's engine on the wall clock — sped up
// with --speed — while desks of the demo's agent users are left to the people who log in.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "hotline/core/center.h"
#include "hotline/sim/players.h"
#include "hotline/store/store.h"
#include "live_center.h"

namespace hotline::api {

const char* DemoCenterYaml();  // examples/center.yaml

struct DemoUser {
    std::string username, role, agent, team, display_name;
};
// One user per role; the agent users' desks are not simulated.
std::vector<DemoUser> DemoUsers(const CenterConfig& center);

// Creates or resets the demo users with `password` (HOTLINE_DEMO_PASSWORD, or a random one).
Status ResetDemoUsers(store::Store& store, const std::vector<DemoUser>& users,
                      const std::string& password);

class DemoCompanion final : public EngineCompanion {
  public:
    DemoCompanion(const CenterConfig& center, std::set<std::string> human_agents, LiveCenter& live,
                  uint64_t seed);
    void Attach(routing::Engine& engine, const routing::EngineState& state) override;
    void OnEvent(const Event& e) override;

  private:
    sim::Scenario scenario_;
    CenterConfig center_;
    std::set<std::string> human_agents_;
    LiveCenter& live_;
    class NullSink final : public EventSink {
        void OnEvent(const Event&) override {}
    } null_;
    uint64_t seed_;
    std::unique_ptr<sim::Players> players_;
};

}  // namespace hotline::api
