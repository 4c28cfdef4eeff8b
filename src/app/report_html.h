#pragma once
// `hotline report --format html`: one self-contained page (ECharts inlined, no network) with
// summary cards, service level against target, volume, abandonment, ASA and handle-time trends,
// a queue table and an agent table. Prints on A4.

#include <string>

#include "hotline/core/status.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/calendar.h"
#include "hotline/metrics/report.h"

namespace hotline::app {

struct HtmlReportInput {
    const metrics::ReportRequest& request;  // range and interval; the page adds its groupings
    std::string center_name;
    std::string source;          // the event log's name, shown in the header
    double target = 0.8;         // service-level goal
    std::string lang = "zh-CN";  // or "en"
};

Result<std::string> RenderHtmlReport(const metrics::Aggregator& aggregator,
                                     const metrics::Calendar& calendar,
                                     const HtmlReportInput& input);

}  // namespace hotline::app
