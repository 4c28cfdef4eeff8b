#include "hotline/metrics/report.h"

#include <tuple>

namespace hotline::metrics {
namespace {

bool InRange(Timestamp bucket_start, const ReportRequest& r) {
    if (r.from && bucket_start < *r.from) {
        return false;
    }
    if (r.to && bucket_start >= *r.to) {
        return false;
    }
    return true;
}

// Rows under construction, keyed by (interval start, group key).
class RowSet {
  public:
    RowSet(const Calendar& calendar, const ReportRequest& request)
        : calendar_(calendar), request_(request) {}

    void Add(Timestamp bucket_start, const std::string& key, const Counters& c) {
        Timestamp start = request_.interval
                              ? calendar_.IntervalStart(bucket_start, *request_.interval)
                              : Timestamp{};
        rows_[{start, key}].Add(c);
    }

    std::vector<ReportRow> Finish(const KpiOptions& options) const {
        std::vector<ReportRow> out;
        out.reserve(rows_.size());
        for (const auto& [k, counters] : rows_) {
            ReportRow row;
            row.interval_start = std::get<0>(k);
            if (request_.interval) {
                row.interval = calendar_.Label(row.interval_start, *request_.interval);
            }
            row.key = std::get<1>(k);
            row.counters = counters;
            row.kpis = ComputeKpis(counters, options);
            out.push_back(std::move(row));
        }
        return out;
    }

  private:
    const Calendar& calendar_;
    const ReportRequest& request_;
    std::map<std::tuple<Timestamp, std::string>, Counters> rows_;
};

std::string TeamOf(const ReportRequest& r, const std::string& agent) {
    auto it = r.agent_team.find(agent);
    return (it == r.agent_team.end() || it->second.empty()) ? "-" : it->second;
}

}  // namespace

Report BuildReport(const Aggregator& aggregator, const Calendar& calendar,
                   const ReportRequest& request) {
    Report report;
    report.by = request.by;
    report.interval = request.interval;
    report.options = aggregator.options();
    report.zone = calendar.zone();

    RowSet rows(calendar, request);
    static const std::string kNoKey;
    switch (request.by) {
        case GroupBy::kQueue:
            aggregator.ForEachQueueBucket(
                [&](Timestamp t, const std::string& q, const Counters& c) {
                    if (InRange(t, request)) {
                        rows.Add(t, q, c);
                    }
                });
            break;
        case GroupBy::kAgent:
        case GroupBy::kTeam:
            aggregator.ForEachAgentBucket(
                [&](Timestamp t, const std::string& a, const Counters& c) {
                    if (!InRange(t, request)) {
                        return;
                    }
                    rows.Add(t, request.by == GroupBy::kAgent ? a : TeamOf(request, a), c);
                });
            break;
        case GroupBy::kNone:
            aggregator.ForEachTotalBucket([&](Timestamp t, const Counters& c) {
                if (InRange(t, request)) {
                    rows.Add(t, kNoKey, c);
                }
            });
            break;
    }
    report.rows = rows.Finish(report.options);

    Counters total;
    aggregator.ForEachTotalBucket([&](Timestamp t, const Counters& c) {
        if (InRange(t, request)) {
            total.Add(c);
        }
    });
    report.total.counters = total;
    report.total.kpis = ComputeKpis(total, report.options);
    for (int32_t id = 0; id < aggregator.reason_count(); ++id) {
        report.reasons.push_back(aggregator.ReasonName(id));
    }
    return report;
}

std::optional<GroupBy> ParseGroupBy(std::string_view name) {
    if (name == "queue") {
        return GroupBy::kQueue;
    }
    if (name == "team") {
        return GroupBy::kTeam;
    }
    if (name == "agent") {
        return GroupBy::kAgent;
    }
    return std::nullopt;
}

std::string_view GroupByName(GroupBy by) {
    switch (by) {
        case GroupBy::kQueue:
            return "queue";
        case GroupBy::kTeam:
            return "team";
        case GroupBy::kAgent:
            return "agent";
        case GroupBy::kNone:
            break;
    }
    return "";
}

}  // namespace hotline::metrics
