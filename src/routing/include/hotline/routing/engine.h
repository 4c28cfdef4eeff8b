#pragma once
// The routing engine (ACD): one single-threaded, deterministic state machine that owns every
// interaction, queue and agent of a center. Commands come in as method calls; what happens goes
// out as events to the EventSink. Time comes only from the Clock, wake-ups only from the
// TimerService, chance only from the seeded generator (ARCHITECTURE.md §1).
//
// A command that cannot apply (unknown id, wrong state) returns an error and changes nothing.

#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "hotline/core/center.h"
#include "hotline/core/clock.h"
#include "hotline/core/event.h"
#include "hotline/core/status.h"
#include "hotline/routing/realtime.h"
#include "hotline/routing/restore.h"

namespace hotline::routing {

struct ArriveCommand {
    InteractionId id;
    Channel channel = Channel::kVoice;
    std::string from, to, customer;
};

struct EnqueueCommand {
    InteractionId id;
    QueueId queue;
    int priority = 0;    // added to the queue's priority
    Requirement skills;  // further skills this contact needs (e.g. language from IVR)
};

enum class HangupBy { kCustomer, kAgent, kSystem };

class Engine {
  public:
    Engine(CenterConfig center, Clock& clock, TimerService& timers, std::mt19937_64& rng,
           EventSink& sink);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // ---- agents ----
    // Logs an agent in, ready or not ready ("login" reason) as asked.
    Status Login(const AgentId& agent, bool ready = false);
    // Refused while the agent talks or wraps up; a ringing offer fails back to its queue.
    Status Logout(const AgentId& agent);
    // ready, or not_ready with a reason. Asked while busy, it applies when the work ends.
    Status SetReady(const AgentId& agent);
    Status SetNotReady(const AgentId& agent, std::string reason);

    // ---- interactions ----
    Status Arrive(const ArriveCommand& cmd);
    Status Enqueue(const EnqueueCommand& cmd);
    // The offered agent picked up.
    Status Answer(const InteractionId& id);
    // The offered agent declined ("rejected") or its phone was busy ("busy").
    Status Reject(const InteractionId& id, std::string why = "rejected");
    Status Hold(const InteractionId& id);
    Status Unhold(const InteractionId& id);
    // Blind transfer of a talking contact: the agent goes to wrap-up, the contact waits again in
    // `to_queue`, or rings `to_agent` directly (who must be free for it).
    Status TransferToQueue(const InteractionId& id, const QueueId& to_queue);
    Status TransferToAgent(const InteractionId& id, const AgentId& to_agent);
    Status Hangup(const InteractionId& id, HangupBy by);
    // A waiting caller asks to be called back: the caller hangs up, an outbound callback
    // contact keeps the caller's place in the queue. Returns the callback contact's id.
    Result<InteractionId> RequestCallback(const InteractionId& id, std::string number);
    // Ends (early) or extends the agent's after-call work for a contact.
    Status FinishWrapup(const AgentId& agent, const InteractionId& id, std::string disposition,
                        std::string notes = {});
    Status ExtendWrapup(const AgentId& agent, const InteractionId& id, Duration extra);

    // ---- restart ----
    // Loads a state rebuilt from the event log into this engine, which must be fresh (no agent
    // logged in, no contact). Nothing is emitted for what the log already says; then ringing
    // offers that the restart cut off fail back to their queue (offer_fail why=restart), and
    // routing resumes. Agents, queues or skills the configuration no longer has are dropped and
    // reported.
    Result<RestoreReport> Restore(const EngineState& state);

    // ---- views ----
    RealtimeSnapshot Snapshot() const;
    // One agent's line of the snapshot, without building the rest; nullopt for an unknown id.
    std::optional<AgentView> Agent(const AgentId& agent) const;
    // A waiting contact's place in its queue, for "you are number 3" announcements; nullopt
    // when it is not waiting. Counts the contacts served before it: costs the queue's length.
    std::optional<QueuePlace> Place(const InteractionId& id) const;
    // Checks every invariant of the state; returns the first violation found. Costs a scan of
    // all state: for tests and debug builds, not for production hot paths.
    Status CheckInvariants() const;
    const CenterConfig& center() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::routing
