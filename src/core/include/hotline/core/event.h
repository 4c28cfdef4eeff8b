#pragma once
// The event contract (ARCHITECTURE.md §3). Every event type is a struct listing its fields once,
// in `Fields`, so JSON, the text trace and the parser all follow the same list.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hotline/core/ids.h"
#include "hotline/core/time.h"

namespace hotline {

namespace events {

// ---- interaction lifecycle ----
struct Arrive {
    static constexpr std::string_view kType = "arrive";
    InteractionId id;
    std::string channel;    // voice, chat, email, social, callback
    std::string direction;  // in, out
    std::string from, to, customer;
    InteractionId parent;  // a callback's originating contact
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("channel", s.channel), v("direction", s.direction), v("from", s.from),
            v("to", s.to), v("customer", s.customer), v("parent", s.parent);
    }
};
struct IvrEnter {
    static constexpr std::string_view kType = "ivr_enter";
    InteractionId id;
    std::string flow, node;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("flow", s.flow), v("node", s.node);
    }
};
struct IvrInput {
    static constexpr std::string_view kType = "ivr_input";
    InteractionId id;
    std::string flow, node, digits;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("flow", s.flow), v("node", s.node), v("digits", s.digits);
    }
};
struct IvrExit {
    static constexpr std::string_view kType = "ivr_exit";
    InteractionId id;
    std::string flow, node, outcome;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("flow", s.flow), v("node", s.node), v("outcome", s.outcome);
    }
};
struct Enqueue {
    static constexpr std::string_view kType = "enqueue";
    InteractionId id;
    QueueId queue;
    int64_t priority = 0;
    std::vector<std::string> skills;  // "skill:min_level" added by the contact itself
    std::optional<int64_t> since;     // ms; original arrival kept across moves and callbacks
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("queue", s.queue), v("priority", s.priority), v("skills", s.skills),
            v("since", s.since);
    }
};
struct Overflow {
    static constexpr std::string_view kType = "overflow";
    InteractionId id;
    QueueId queue;
    RuleId rule;
    std::string action;  // widen, move, callback, voicemail, message, hangup
    QueueId to_queue;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("queue", s.queue), v("rule", s.rule), v("action", s.action),
            v("to_queue", s.to_queue);
    }
};
struct Offer {
    static constexpr std::string_view kType = "offer";
    InteractionId id;
    AgentId agent;
    QueueId queue;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent), v("queue", s.queue);
    }
};
struct OfferFail {
    static constexpr std::string_view kType = "offer_fail";
    InteractionId id;
    AgentId agent;
    std::string why;  // no_answer, rejected, busy, logout
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent), v("why", s.why);
    }
};
struct Answer {
    static constexpr std::string_view kType = "answer";
    InteractionId id;
    AgentId agent;
    QueueId queue;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent), v("queue", s.queue);
    }
};
struct Hold {
    static constexpr std::string_view kType = "hold";
    InteractionId id;
    AgentId agent;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent);
    }
};
struct Unhold {
    static constexpr std::string_view kType = "unhold";
    InteractionId id;
    AgentId agent;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent);
    }
};
struct Transfer {
    static constexpr std::string_view kType = "transfer";
    InteractionId id;
    AgentId agent;
    QueueId to_queue;
    AgentId to_agent;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent), v("to_queue", s.to_queue), v("to_agent", s.to_agent);
    }
};
struct Abandon {
    static constexpr std::string_view kType = "abandon";
    InteractionId id;
    QueueId queue;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("queue", s.queue);
    }
};
struct Hangup {
    static constexpr std::string_view kType = "hangup";
    InteractionId id;
    std::string by;      // customer, agent, system
    std::string stage;   // ivr, queue, offer, talk
    std::string reason;  // optional detail: max_wait, voicemail, callback, no_agents
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("by", s.by), v("stage", s.stage), v("reason", s.reason);
    }
};
struct WrapupEnd {
    static constexpr std::string_view kType = "wrapup_end";
    InteractionId id;
    AgentId agent;
    std::string disposition;
    std::string notes;  // the agent's words on the contact (工单备注), optional
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent), v("disposition", s.disposition), v("notes", s.notes);
    }
};
struct WrapupExtend {
    static constexpr std::string_view kType = "wrapup_extend";
    InteractionId id;
    AgentId agent;
    int64_t until = 0;  // ms: when the wrap-up now ends
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("agent", s.agent), v("until", s.until);
    }
};
struct CallbackRequest {
    static constexpr std::string_view kType = "callback_request";
    InteractionId id;
    std::string number;
    QueueId queue;
    InteractionId callback_id;  // the outbound contact that keeps the caller's place
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("number", s.number), v("queue", s.queue), v("callback_id", s.callback_id);
    }
};
struct Survey {
    static constexpr std::string_view kType = "survey";
    InteractionId id;
    int64_t score = 0;
    std::optional<bool> resolved;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("score", s.score), v("resolved", s.resolved);
    }
};

// A call's recording (telephony): started into `file`, paused, resumed or stopped.
struct Recording {
    static constexpr std::string_view kType = "recording";
    InteractionId id;
    std::string action;  // start, pause, resume, stop
    std::string file;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("id", s.id), v("action", s.action), v("file", s.file);
    }
};

// ---- agents ----
struct AgentLogin {
    static constexpr std::string_view kType = "agent_login";
    AgentId agent;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("agent", s.agent);
    }
};
struct AgentLogout {
    static constexpr std::string_view kType = "agent_logout";
    AgentId agent;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("agent", s.agent);
    }
};
struct AgentState {
    static constexpr std::string_view kType = "agent_state";
    AgentId agent;
    std::string state;   // ready, not_ready, reserved, busy, wrapup
    std::string reason;  // for not_ready (or a pending not_ready)
    // Asked while reserved, busy or in wrap-up: the state the agent goes to when the work ends
    // ("ready", "not_ready"). The state itself has not changed.
    std::string pending;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("agent", s.agent), v("state", s.state), v("reason", s.reason), v("pending", s.pending);
    }
};

// ---- group merging (合大组) ----
struct Merge {
    static constexpr std::string_view kType = "merge";
    RuleId rule;
    std::vector<std::string> queues;
    std::string why;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("rule", s.rule), v("queues", s.queues), v("why", s.why);
    }
};
struct Split {
    static constexpr std::string_view kType = "split";
    RuleId rule;
    std::vector<std::string> queues;
    std::string why;
    template <class S, class V>
    static void Fields(S& s, V&& v) {
        v("rule", s.rule), v("queues", s.queues), v("why", s.why);
    }
};

}  // namespace events

using EventBody =
    std::variant<events::Arrive, events::IvrEnter, events::IvrInput, events::IvrExit,
                 events::Enqueue, events::Overflow, events::Offer, events::OfferFail,
                 events::Answer, events::Hold, events::Unhold, events::Transfer, events::Abandon,
                 events::Hangup, events::WrapupEnd, events::WrapupExtend, events::CallbackRequest,
                 events::Survey, events::Recording, events::AgentLogin, events::AgentLogout,
                 events::AgentState, events::Merge, events::Split>;

struct Event {
    Timestamp ts;
    EventBody body;

    std::string_view type() const;
    template <class T>
    const T* As() const {
        return std::get_if<T>(&body);
    }
};

// Receives the engine's events in order. Implementations must not call back into the engine.
class EventSink {
  public:
    virtual ~EventSink() = default;
    virtual void OnEvent(const Event& event) = 0;
};

}  // namespace hotline
