#pragma once
// Reports: the aggregator's 15-minute buckets rolled up into rows by interval and by queue, team
// or agent, each with its KPIs, and a total for the whole selection.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/time.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/calendar.h"
#include "hotline/metrics/kpi.h"

namespace hotline::metrics {

enum class GroupBy { kNone, kQueue, kTeam, kAgent };

struct ReportRequest {
    std::optional<Timestamp> from;  // contacts that arrived at or after (15-minute granularity)
    std::optional<Timestamp> to;    // ... and before
    std::optional<IntervalSpec> interval;  // nullopt: one row per group over the whole range
    GroupBy by = GroupBy::kNone;
    std::map<std::string, std::string> agent_team;  // for GroupBy::kTeam; others are team "-"
};

struct ReportRow {
    Timestamp interval_start{};
    std::string interval;  // label in the center's zone; empty when not grouped by interval
    std::string key;       // queue, team or agent id; empty when not grouped by one
    Counters counters;
    Kpis kpis;
};

struct Report {
    GroupBy by = GroupBy::kNone;
    std::optional<IntervalSpec> interval;
    KpiOptions options;
    std::string zone;
    std::vector<ReportRow> rows;       // ordered by interval, then key
    ReportRow total;                   // every contact once, every agent's time once
    std::vector<std::string> reasons;  // not-ready reason names, by id
};

Report BuildReport(const Aggregator& aggregator, const Calendar& calendar,
                   const ReportRequest& request);

std::optional<GroupBy> ParseGroupBy(std::string_view name);  // queue, team, agent
std::string_view GroupByName(GroupBy by);

}  // namespace hotline::metrics
