#pragma once
// The additive facts every KPI is computed from. Each bucket (interval × queue, agent or the whole
// center) holds one of these; rolling buckets up is field-by-field addition (max for the longest
// wait), so the same numbers serve a 15-minute interval, a day and a month.

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace hotline::metrics {

// What happened to contacts, counted in the interval the contact arrived in.
struct ContactCounters {
    int64_t offered = 0;           // entered the queue (one count per queue visit)
    int64_t answered = 0;          // first answer of the visit by an agent
    int64_t abandoned = 0;         // customer left while waiting or ringing (short ones included)
    int64_t short_abandoned = 0;   // abandoned within the short-abandon threshold
    int64_t answered_within = 0;   // answered with a queue wait <= the service-level threshold T
    int64_t abandoned_within = 0;  // abandoned with a wait <= T (ICMI variants)
    int64_t waited = 0;            // answered or abandoned after a wait above 0 (P(wait))
    int64_t overflowed = 0;        // moved to another queue by an overflow rule
    int64_t callbacks = 0;         // converted into a callback request while waiting
    int64_t ended_other = 0;  // ended by the system while waiting: max wait, voicemail, no agents
    int64_t wait_answered_ms = 0;   // Σ queue wait of answered contacts (ASA numerator)
    int64_t wait_abandoned_ms = 0;  // Σ wait of abandoned contacts
    int64_t longest_wait_ms = 0;    // max wait of answered or abandoned contacts
    int64_t answer_time_ms = 0;  // Σ arrive → answer (IVR + queue + ringing), answered contacts
    int64_t handled = 0;         // conversations finished by an agent
    int64_t talk_ms = 0;         // Σ talk, hold excluded
    int64_t hold_ms = 0;         // Σ hold
    int64_t acw_ms = 0;          // Σ after-call work (wrap-up)
    int64_t transfers = 0;       // transferred away by the agent who had it
    int64_t fcr_eligible = 0;    // answered contacts with a known customer
    int64_t fcr_repeats = 0;     // ... followed by another contact from the customer within N days
    int64_t surveys = 0;
    int64_t surveys_satisfied = 0;  // score 4–5
    int64_t survey_score_sum = 0;

    void Add(const ContactCounters& o);
};

enum class AgentTime { kReady, kNotReady, kReserved, kBusy, kWrapup, kCount };

// Where agents' logged-in time went, counted in the interval it was spent in.
struct AgentCounters {
    std::array<int64_t, static_cast<size_t>(AgentTime::kCount)> state_ms{};
    int64_t login_ms = 0;
    int64_t hold_ms = 0;  // part of busy
    int64_t offers = 0;
    int64_t offers_failed = 0;  // ring-no-answer, rejected, busy
    // Not-ready time by reason (reason ids interned by the aggregator); few reasons per agent.
    std::vector<std::pair<int32_t, int64_t>> not_ready_by_reason_ms;

    int64_t& State(AgentTime t) { return state_ms[static_cast<size_t>(t)]; }
    int64_t State(AgentTime t) const { return state_ms[static_cast<size_t>(t)]; }
    void AddNotReady(int32_t reason, int64_t ms);
    void Add(const AgentCounters& o);
};

struct Counters {
    ContactCounters contacts;
    AgentCounters agents;

    void Add(const Counters& o) {
        contacts.Add(o.contacts);
        agents.Add(o.agents);
    }
};

}  // namespace hotline::metrics
