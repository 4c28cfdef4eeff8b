#pragma once
// The KPI aggregator: consumes the event stream (ARCHITECTURE.md §3) and keeps additive Counters
// per 15-minute bucket for every queue, every agent and the whole center. It is incremental — one
// event at a time, in order — so the same object feeds a live wallboard ("today so far"), history
// by interval and a simulation report. Reports roll buckets up (report.h).
//
// Attribution (docs/kpis.md): a contact's counts and handle time belong to the interval it arrived
// in; agents' state time belongs to the interval in which it was spent.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "hotline/core/event.h"
#include "hotline/metrics/counters.h"
#include "hotline/metrics/kpi.h"

namespace hotline::metrics {

class Aggregator : public EventSink {
  public:
    explicit Aggregator(KpiOptions options = {});
    ~Aggregator() override;
    Aggregator(const Aggregator&) = delete;
    Aggregator& operator=(const Aggregator&) = delete;

    void OnEvent(const Event& event) override;
    // Counts the time agents have spent in their current states up to `now`, so a report of
    // "so far" includes the state an agent is still in. Later events continue from `now`.
    void AdvanceTo(Timestamp now);

    const KpiOptions& options() const;
    int64_t events_seen() const;
    // Events that referred to a contact or an agent the log never introduced (a log cut in the
    // middle of a contact); they change nothing.
    int64_t events_unmatched() const;
    Timestamp first_event() const;
    Timestamp last_event() const;

    // Buckets, for reports. `bucket_start` is the UTC start of the 15-minute bucket.
    using QueueVisitor =
        std::function<void(Timestamp bucket_start, const std::string& queue, const Counters&)>;
    using AgentVisitor =
        std::function<void(Timestamp bucket_start, const std::string& agent, const Counters&)>;
    using TotalVisitor = std::function<void(Timestamp bucket_start, const Counters&)>;
    void ForEachQueueBucket(const QueueVisitor& visit) const;
    void ForEachAgentBucket(const AgentVisitor& visit) const;
    void ForEachTotalBucket(const TotalVisitor& visit) const;
    // The not-ready reason behind an id in AgentCounters::not_ready_by_reason_ms.
    const std::string& ReasonName(int32_t reason) const;
    int32_t reason_count() const;

    struct State;  // the contact and agent trackers, private to the module

  private:
    std::unique_ptr<State> state_;
};

}  // namespace hotline::metrics
