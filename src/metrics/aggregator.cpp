#include "hotline/metrics/aggregator.h"

#include "aggregator_state.h"
#include "hotline/metrics/calendar.h"

namespace hotline::metrics {

Aggregator::Aggregator(KpiOptions options) : state_(std::make_unique<State>()) {
    state_->options = options;
}

Aggregator::~Aggregator() = default;

void Aggregator::OnEvent(const Event& event) {
    State& s = *state_;
    const int64_t ts = ToMillis(event.ts);
    if (s.events_seen == 0) {
        s.first_ms = ts;
    }
    ++s.events_seen;
    s.last_ms = std::max(s.last_ms, ts);
    const EventBody& body = event.body;
    if (std::holds_alternative<events::AgentLogin>(body) ||
        std::holds_alternative<events::AgentLogout>(body) ||
        std::holds_alternative<events::AgentState>(body)) {
        s.OnAgentEvent(ts, body);
    } else {
        s.OnContactEvent(ts, body);
    }
}

void Aggregator::AdvanceTo(Timestamp now) {
    State& s = *state_;
    const int64_t ms = ToMillis(now);
    for (size_t a = 0; a < s.agent_tracks.size(); ++a) {
        s.AccrueAgent(static_cast<int32_t>(a), s.agent_tracks[a], ms);
    }
}

const KpiOptions& Aggregator::options() const {
    return state_->options;
}
int64_t Aggregator::events_seen() const {
    return state_->events_seen;
}
int64_t Aggregator::events_unmatched() const {
    return state_->events_unmatched;
}
Timestamp Aggregator::first_event() const {
    return FromMillis(state_->first_ms);
}
Timestamp Aggregator::last_event() const {
    return FromMillis(state_->last_ms);
}

void Aggregator::ForEachQueueBucket(const QueueVisitor& visit) const {
    for (const auto& [key, counters] : state_->queue_buckets) {
        auto bucket = static_cast<int64_t>(key) >> 24;  // arithmetic: keeps pre-1970 buckets
        auto queue = static_cast<int32_t>(key & 0xFFFFFF);
        visit(FromMillis(bucket * kBaseBucketMs), state_->queues.Name(queue), counters);
    }
}

void Aggregator::ForEachAgentBucket(const AgentVisitor& visit) const {
    for (const auto& [key, counters] : state_->agent_buckets) {
        auto bucket = static_cast<int64_t>(key) >> 24;  // arithmetic: keeps pre-1970 buckets
        auto agent = static_cast<int32_t>(key & 0xFFFFFF);
        visit(FromMillis(bucket * kBaseBucketMs), state_->agents.Name(agent), counters);
    }
}

void Aggregator::ForEachTotalBucket(const TotalVisitor& visit) const {
    for (const auto& [bucket, counters] : state_->total_buckets) {
        visit(FromMillis(bucket * kBaseBucketMs), counters);
    }
}

const std::string& Aggregator::ReasonName(int32_t reason) const {
    return state_->reasons.Name(reason);
}

int32_t Aggregator::reason_count() const {
    return state_->reasons.size();
}

}  // namespace hotline::metrics
