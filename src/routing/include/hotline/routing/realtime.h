#pragma once
// What the wallboard shows: per queue and per agent, as of the engine's clock.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/core/ids.h"
#include "hotline/core/time.h"

namespace hotline::routing {

enum class AgentStateKind : uint8_t { kLoggedOut, kReady, kNotReady, kReserved, kBusy, kWrapup };
inline constexpr int kAgentStateCount = 6;
std::string_view AgentStateName(AgentStateKind s);

struct QueueView {
    QueueId id;
    int waiting = 0;
    Duration longest_wait{0};
    Duration expected_wait{0};
    bool merged = false;
    // Agents who can serve this queue's own skills, by state.
    std::array<int, kAgentStateCount> agents{};
};

struct AgentView {
    AgentId id;
    AgentStateKind state = AgentStateKind::kLoggedOut;
    std::string reason;
    Duration time_in_state{0};
    int contacts = 0;  // offered, talking or in wrap-up
};

struct QueuePlace {
    QueueId queue;
    int ahead = 0;              // contacts that will be served first
    Duration expected_wait{0};  // until this one is served, at the queue's current pace
};

struct RealtimeSnapshot {
    Timestamp at;
    std::vector<QueueView> queues;
    std::vector<AgentView> agents;
};

}  // namespace hotline::routing
