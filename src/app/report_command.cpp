// `hotline report EVENTS`: KPIs from a JSON Lines event log (docs/kpis.md, docs/reports.md).
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/metrics/report_render.h"
#include "report_html.h"

namespace hotline::app {
namespace {

struct Setup {
    metrics::KpiOptions kpi;
    std::string zone = "UTC";
    metrics::ReportRequest request;
    std::string center_name;
    double target = 0.8;  // service-level goal, for the HTML report
};

// Fills the report's parameters: the center file's defaults first, then the flags.
bool Configure(const ReportOptions& o, Setup& s) {
    if (!o.center.empty()) {
        config::LoadResult center = config::LoadCenterFromFile(o.center);
        for (const auto& e : center.errors) {
            std::cerr << e.ToString() << "\n";
        }
        if (!center.ok()) {
            return false;
        }
        s.zone = center.center.timezone;
        s.kpi.service_level_threshold = center.center.service_level.threshold;
        s.kpi.short_abandon = center.center.short_abandon;
        s.target = center.center.service_level.fraction;
        s.center_name = center.center.name;
        for (const auto& a : center.center.agents) {
            s.request.agent_team[a.id.str()] = a.team.str();
        }
    }
    if (!o.tz.empty()) {
        s.zone = o.tz;
    }
    auto duration = [](const std::string& flag, const std::string& text, Duration& out) {
        if (text.empty()) {
            return true;
        }
        auto d = ParseDuration(text);
        if (!d) {
            std::cerr << "report: " << flag << " '" << text << "' is not a duration (e.g. 20s)\n";
            return false;
        }
        out = *d;
        return true;
    };
    if (!duration("--threshold", o.threshold, s.kpi.service_level_threshold) ||
        !duration("--short-abandon", o.short_abandon, s.kpi.short_abandon) ||
        !duration("--fcr-window", o.fcr_window, s.kpi.fcr_window)) {
        return false;
    }
    if (!o.sl_variant.empty()) {
        auto v = metrics::ParseSlVariant(o.sl_variant);
        if (!v) {
            std::cerr << "report: --sl-variant '" << o.sl_variant << "': expected one of "
                      << metrics::SlVariantNames() << "\n";
            return false;
        }
        s.kpi.sl_variant = *v;
    }
    if (o.by == "day") {
        s.request.interval = metrics::IntervalSpec::Day();
    } else if (!o.by.empty()) {
        auto by = metrics::ParseGroupBy(o.by);
        if (!by) {
            std::cerr << "report: --by '" << o.by << "': expected queue, team, agent or day\n";
            return false;
        }
        s.request.by = *by;
    }
    if (!o.interval.empty()) {
        auto iv = metrics::ParseInterval(o.interval);
        if (!iv.ok()) {
            std::cerr << "report: --interval: " << iv.status().message() << "\n";
            return false;
        }
        s.request.interval = *iv;
    }
    if (o.by.empty() && o.interval.empty()) {
        s.request.interval = metrics::IntervalSpec::Day();
    }
    return true;
}

bool ParseTime(const metrics::Calendar& cal, const std::string& flag, const std::string& text,
               std::optional<Timestamp>& out) {
    if (text.empty()) {
        return true;
    }
    out = cal.ParseLocal(text);
    if (!out) {
        std::cerr << "report: " << flag << " '" << text
                  << "': expected a local date or time, e.g. 2026-12-03 or 2026-12-03T08:00\n";
    }
    return out.has_value();
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
    Setup s;
    if (!Configure(o, s)) {
        return 2;
    }
    auto cal = metrics::Calendar::ForZone(s.zone);
    if (!cal.ok()) {
        std::cerr << "report: " << cal.status().message() << "\n";
        return 2;
    }
    if (!ParseTime(*cal, "--from", o.from, s.request.from) ||
        !ParseTime(*cal, "--to", o.to, s.request.to)) {
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
