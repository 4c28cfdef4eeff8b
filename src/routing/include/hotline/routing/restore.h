#pragma once
// The engine's state, rebuilt from its own events: what a restarted server (or a changed
// configuration) needs to carry on where the engine stood — who is logged in and in which state,
// who talks to whom, which after-call work runs, and which contacts wait, with their original
// arrival times and places in line.
//
// Events are the source of truth (ARCHITECTURE.md §3); the builder is a fold over them, fed the
// log at start and every new event after, so the state is always at hand.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "hotline/core/channel.h"
#include "hotline/core/event.h"
#include "hotline/core/skills.h"

namespace hotline::routing {

struct RestoredAgent {
    AgentId id;
    bool ready = false;  // the state asked for (shown when no work holds the agent)
    std::string reason;  // not-ready reason
    Timestamp login_at, state_since;
};

struct RestoredContact {
    enum class Stage { kArrived, kQueued, kOffered, kTalking };
    InteractionId id;
    Channel channel = Channel::kVoice;
    std::string direction = "in", from, to, customer;
    Stage stage = Stage::kArrived;
    QueueId queue;
    int priority = 0;
    Requirement extra;
    Timestamp arrived_at, waiting_since, queue_entry;
    std::set<std::string> fired_rules;  // overflow rules that fired in the current queue
    AgentId agent;                      // offered to or talking with
    Timestamp answered_at;
    bool on_hold = false;
    Timestamp hold_since;
    int64_t hold_ms = 0;
};

// "arrived" (in self-service), "queued", "offered", "talking".
std::string_view StageName(RestoredContact::Stage s);

struct RestoredWrap {
    AgentId agent;
    InteractionId id;
    QueueId queue;
    Channel channel = Channel::kVoice;
    Timestamp started;
    Duration handle{0};
    std::optional<Timestamp> ends;  // set when the wrap-up was extended
};

struct EngineState {
    Timestamp as_of;
    std::vector<RestoredAgent> agents;      // logged in
    std::vector<RestoredContact> contacts;  // in progress, in arrival order
    std::vector<RestoredWrap> wraps;
    std::set<std::string> active_merges;  // merge rule ids
};

class EngineStateBuilder {
  public:
    void Apply(const Event& e);
    EngineState State() const;
    size_t contacts() const { return contacts_.size(); }
    bool Live(const InteractionId& id) const { return contacts_.contains(id.str()); }
    // The contact's current stage, queue, agent and caller, when it is in progress.
    const RestoredContact* Find(const InteractionId& id) const;

  private:
    struct Wraps {
        std::vector<RestoredWrap> list;
    };
    void StartWrap(const RestoredContact& c, Timestamp at);

    Timestamp as_of_;
    uint64_t order_ = 0;
    std::map<std::string, RestoredAgent> agents_;
    std::map<std::string, std::pair<uint64_t, RestoredContact>> contacts_;  // with arrival order
    std::map<std::string, Wraps> wraps_;                                    // by agent
    std::set<std::string> merges_;
};

struct RestoreReport {
    int agents = 0, contacts = 0, wraps = 0;
    int offers_returned = 0;           // ringing offers lost with the restart, back in line
    std::vector<std::string> dropped;  // what the configuration no longer knows, and why
};

}  // namespace hotline::routing
