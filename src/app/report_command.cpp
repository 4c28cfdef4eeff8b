// `hotline report EVENTS`: KPIs from a JSON Lines event log (docs/kpis.md, docs/reports.md).
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/metrics/report_params.h"
#include "hotline/metrics/report_render.h"
#include "report_html.h"

namespace hotline::app {
namespace {

// The report's parameters: the center file's defaults first, then the flags.
bool Configure(const ReportOptions& o, metrics::ReportSetup& s) {
    if (!o.center.empty()) {
        config::LoadResult center = config::LoadCenterFromFile(o.center);
        for (const auto& e : center.errors) {
            std::cerr << e.ToString() << "\n";
        }
        if (!center.ok()) {
            return false;
        }
        metrics::ApplyCenterDefaults(center.center, s);
    }
    const metrics::ReportParams p{o.from,       o.to,        o.interval,      o.by,
                                  o.sl_variant, o.threshold, o.short_abandon, o.fcr_window,
                                  o.tz};
    Status st = metrics::ApplyReportParams(p, "--", s);
    if (!st.ok()) {
        std::cerr << "report: " << st.message() << "\n";
        return false;
    }
    return true;
}

// Streams the log into the aggregator. A bad line is an error naming it, unless --skip-bad.
bool Aggregate(const ReportOptions& o, metrics::Aggregator& agg) {
    std::ifstream in(o.events);
    if (!in) {
        std::cerr << o.events << ": cannot open the file\n";
        return false;
    }
    std::string line;
    int64_t line_no = 0, skipped = 0;
    Timestamp previous{};
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty()) {
            continue;
        }
        auto e = EventFromJson(line);
        std::string problem;
        if (!e.ok()) {
            problem = e.status().message();
        } else if (agg.events_seen() > 0 && e->ts < previous) {
            problem = "event is earlier than the line before it (the log must be in time order)";
        }
        if (!problem.empty()) {
            std::cerr << o.events << ":" << line_no << ": " << problem << "\n";
            if (!o.skip_bad) {
                return false;
            }
            ++skipped;
            continue;
        }
        previous = e->ts;
        agg.OnEvent(*e);
    }
    if (skipped > 0) {
        std::cerr << "report: skipped " << skipped << " bad lines\n";
    }
    agg.AdvanceTo(agg.last_event());
    return true;
}

}  // namespace

int ReportCommand(const ReportOptions& o) {
    metrics::ReportSetup s;
    if (!Configure(o, s)) {
        return 2;
    }
    auto cal = metrics::Calendar::ForZone(s.zone);
    if (!cal.ok()) {
        std::cerr << "report: " << cal.status().message() << "\n";
        return 2;
    }
    const metrics::ReportParams range{o.from, o.to, "", "", "", "", "", "", ""};
    if (Status st = metrics::ApplyReportRange(range, "--", *cal, s); !st.ok()) {
        std::cerr << "report: " << st.message() << "\n";
        return 2;
    }
    if (o.format != "table" && o.format != "csv" && o.format != "json" && o.format != "html") {
        std::cerr << "report: --format '" << o.format << "': expected table, csv, json or html\n";
        return 2;
    }
    metrics::Aggregator agg(s.kpi);
    if (!Aggregate(o, agg)) {
        return 2;
    }
    metrics::Report report = metrics::BuildReport(agg, *cal, s.request);

    std::string text;
    if (o.format == "json") {
        text = metrics::ReportToJson(report);
    } else if (o.format == "csv") {
        text = metrics::ReportToCsv(report);
    } else if (o.format == "html") {
        HtmlReportInput html{s.request, s.center_name, o.events, s.target, o.lang};
        auto page = RenderHtmlReport(agg, *cal, html);
        if (!page.ok()) {
            std::cerr << "report: " << page.status().message() << "\n";
            return 1;
        }
        text = std::move(page).value();
    } else {
        text = metrics::ReportToTable(report);
    }
    if (o.output.empty() || o.output == "-") {
        std::cout << text;
        return 0;
    }
    std::ofstream out(o.output, std::ios::binary);
    out << text;
    if (!out) {
        std::cerr << o.output << ": cannot write the file\n";
        return 1;
    }
    std::cerr << "report: wrote " << o.output << " (" << report.rows.size() << " rows, "
              << agg.events_seen() << " events)\n";
    return 0;
}

}  // namespace hotline::app
