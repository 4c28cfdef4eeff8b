#pragma once
// Private to the metrics module: what the aggregator remembers between events.

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "hotline/metrics/aggregator.h"

namespace hotline::metrics {

// Strings seen in events (queue, agent and reason ids) as dense integers.
class Interner {
  public:
    int32_t Intern(const std::string& s) {
        auto [it, inserted] = ids_.try_emplace(s, static_cast<int32_t>(names_.size()));
        if (inserted) {
            names_.push_back(s);
        }
        return it->second;
    }
    const std::string& Name(int32_t id) const { return names_[static_cast<size_t>(id)]; }
    int32_t size() const { return static_cast<int32_t>(names_.size()); }

  private:
    std::unordered_map<std::string, int32_t> ids_;
    std::vector<std::string> names_;
};

inline constexpr int32_t kNone = -1;

// One agent's part in a contact: from answer to the end of wrap-up.
struct Leg {
    int32_t agent = kNone;
    int32_t queue = kNone;  // the queue whose visit it served (handle time goes there)
    int64_t answer_ms = 0;
    int64_t hold_since_ms = -1;  // on hold since, or -1
    int64_t hold_ms = 0;
    int64_t talk_end_ms = -1;  // -1 while talking
};

struct ContactState {
    int64_t arrive_ms = 0;
    int64_t bucket = 0;    // base bucket of the arrival: where every count of the contact goes
    std::string customer;  // for first-contact resolution; empty when unknown
    // The current queue visit.
    int32_t queue = kNone;
    int64_t enqueue_ms = 0;
    bool visit_answered = false;
    // The contact as a whole (the center's total).
    bool entered_queue = false;
    bool answered = false;
    bool abandoned = false;
    int64_t first_since_ms = 0;
    int32_t answer_queue = kNone;  // queue and agent of the first answer, for surveys
    int32_t answer_agent = kNone;
    bool ended = false;
    std::vector<Leg> legs;

    Leg* FindLeg(int32_t agent) {
        for (auto& l : legs) {
            if (l.agent == agent) {
                return &l;
            }
        }
        return nullptr;
    }
};

// Where a finished contact's survey goes.
struct FinishedContact {
    int64_t bucket = 0;
    int32_t queue = kNone;
    int32_t agent = kNone;
};

// The latest answered contact of a customer, which a repeat contact would make unresolved.
struct CustomerHistory {
    int64_t answered_arrive_ms = 0;
    int64_t bucket = 0;
    int32_t queue = kNone;
    int32_t agent = kNone;
    bool repeated = true;  // nothing to mark until a contact is answered
};

struct AgentTrack {
    bool logged_in = false;
    AgentTime state = AgentTime::kNotReady;
    int32_t reason = kNone;
    int64_t since_ms = 0;  // time counted up to here
};

struct Aggregator::State {
    KpiOptions options;
    Interner queues, agents, reasons;
    std::unordered_map<uint64_t, Counters> queue_buckets, agent_buckets;
    std::unordered_map<int64_t, Counters> total_buckets;
    std::unordered_map<std::string, ContactState> contacts;
    std::unordered_map<std::string, FinishedContact> finished;
    std::deque<std::pair<int64_t, std::string>> finished_order;  // for the survey retention
    std::unordered_map<std::string, CustomerHistory> customers;
    std::vector<AgentTrack> agent_tracks;  // by agent id
    int64_t events_seen = 0, events_unmatched = 0;
    int64_t first_ms = 0, last_ms = 0;

    static uint64_t Key(int64_t bucket, int32_t dim) {
        return (static_cast<uint64_t>(bucket) << 24) | static_cast<uint32_t>(dim);
    }
    ContactCounters& QueueContacts(int64_t bucket, int32_t queue) {
        return queue_buckets[Key(bucket, queue)].contacts;
    }
    ContactCounters& AgentContacts(int64_t bucket, int32_t agent) {
        return agent_buckets[Key(bucket, agent)].contacts;
    }
    ContactCounters& TotalContacts(int64_t bucket) { return total_buckets[bucket].contacts; }
    AgentTrack& Track(int32_t agent) {
        if (static_cast<size_t>(agent) >= agent_tracks.size()) {
            agent_tracks.resize(agent + 1);
        }
        return agent_tracks[static_cast<size_t>(agent)];
    }

    // contact_events.cpp
    void OnContactEvent(int64_t ts, const EventBody& body);
    void FinishTalk(ContactState& c, Leg& leg, int64_t ts);
    void MaybeRetire(const std::string& id, ContactState& c, int64_t ts);
    // agent_events.cpp
    void OnAgentEvent(int64_t ts, const EventBody& body);
    void AccrueAgent(int32_t agent, AgentTrack& track, int64_t until_ms);
    void AddAgentHold(int32_t agent, int64_t from_ms, int64_t to_ms);
};

}  // namespace hotline::metrics
