#pragma once
// A report's parameters as text — the flags of `hotline report` and the query of
// GET /api/v1/reports are the same — turned into KPI options and a report request, with errors
// that name the parameter.

#include <string>
#include <string_view>

#include "hotline/core/center.h"
#include "hotline/core/status.h"
#include "hotline/metrics/calendar.h"
#include "hotline/metrics/kpi.h"
#include "hotline/metrics/report.h"

namespace hotline::metrics {

struct ReportParams {
    std::string from, to;  // local date or time
    std::string interval;  // 15m, 30m, 60m, day, week, month
    std::string by;        // queue, team, agent, day
    std::string sl_variant, threshold, short_abandon, fcr_window;
    std::string tz;
};

struct ReportSetup {
    KpiOptions kpi;
    std::string zone = "UTC";
    ReportRequest request;
    double target = 0.8;  // the service-level goal, for charts
    std::string center_name;
};

// The center's defaults: zone, SL threshold and goal, short abandons, teams of agents.
void ApplyCenterDefaults(const CenterConfig& center, ReportSetup& setup);
// The parameters over the defaults, except the time range (which needs the zone's calendar).
// `prefix` is how parameters are named in messages: "--" on the command line, "" in the API.
Status ApplyReportParams(const ReportParams& p, std::string_view prefix, ReportSetup& setup);
// from / to in the zone's local time.
Status ApplyReportRange(const ReportParams& p, std::string_view prefix, const Calendar& calendar,
                        ReportSetup& setup);

}  // namespace hotline::metrics
