#include "hotline/metrics/report_render.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "hotline/core/json_text.h"
#include "report_columns.h"

namespace hotline::metrics {
namespace {

namespace json = boost::json;

std::string Number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Full precision for machines, rounded to what a person reads for the table.
json::value JsonValue(const Column& col, const ReportRow& row) {
    std::optional<double> v = col.get(row);
    if (!v) {
        return nullptr;
    }
    if (col.kind == ColumnKind::kCount) {
        return static_cast<int64_t>(std::llround(*v));
    }
    return std::round(*v * 1e6) / 1e6;
}

std::string KeyName(const Report& r) {
    return std::string(GroupByName(r.by));
}

json::object RowToJson(const Report& report, const ReportRow& row, bool is_total) {
    json::object o;
    if (!is_total && report.interval) {
        o["interval"] = row.interval;
        o["interval_start"] = ToMillis(row.interval_start);
    }
    if (!is_total && report.by != GroupBy::kNone) {
        o[KeyName(report)] = row.key;
    }
    for (const Column& col : ReportColumns()) {
        o[col.name] = JsonValue(col, row);
    }
    json::object reasons;
    for (const auto& [id, ms] : row.counters.agents.not_ready_by_reason_ms) {
        reasons[report.reasons[static_cast<size_t>(id)]] = static_cast<double>(ms) / 1000.0;
    }
    o["not_ready_by_reason_s"] = std::move(reasons);
    return o;
}

std::string CsvField(std::string_view s) {
    if (s.find_first_of(",\"\n") == std::string_view::npos) {
        return std::string(s);
    }
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    return out + "\"";
}

// A value with `extra` more decimals than the short form (counts never have any); `empty` when
// the KPI has no value.
std::string Formatted(const Column& col, const ReportRow& row, int extra, const char* empty) {
    std::optional<double> v = col.get(row);
    if (!v) {
        return empty;
    }
    const int decimals = col.kind == ColumnKind::kCount   ? 0
                         : col.kind == ColumnKind::kRatio ? 3 + extra
                                                          : 1 + extra;
    return Number(*v, decimals);
}

std::string PlainValue(const Column& col, const ReportRow& row) {
    return Formatted(col, row, 1, "");
}

}  // namespace

std::optional<std::string> FormatKpi(const ReportRow& row, std::string_view name) {
    const Column* col = FindColumn(name);
    if (col == nullptr) {
        return std::nullopt;
    }
    return Formatted(*col, row, 0, "-");
}

std::string ReportToJson(const Report& report) {
    json::object root;
    json::array rows;
    for (const auto& row : report.rows) {
        rows.push_back(RowToJson(report, row, false));
    }
    root["rows"] = std::move(rows);
    root["total"] = RowToJson(report, report.total, true);
    json::object opts;
    opts["service_level_threshold_s"] =
        static_cast<double>(report.options.service_level_threshold.count()) / 1000.0;
    opts["short_abandon_s"] = static_cast<double>(report.options.short_abandon.count()) / 1000.0;
    opts["sl_variant"] = SlVariantName(report.options.sl_variant);
    opts["fcr_window_s"] = static_cast<double>(report.options.fcr_window.count()) / 1000.0;
    opts["time_zone"] = report.zone;
    if (report.by != GroupBy::kNone) {
        opts["by"] = KeyName(report);
    }
    root["options"] = std::move(opts);
    return PlainJson(root) + "\n";
}

std::string ReportToCsv(const Report& report) {
    std::ostringstream out;
    std::vector<std::string> head;
    if (report.interval) {
        head.emplace_back("interval");
    }
    if (report.by != GroupBy::kNone) {
        head.push_back(KeyName(report));
    }
    for (const Column& col : ReportColumns()) {
        head.emplace_back(col.name);
    }
    for (size_t i = 0; i < head.size(); ++i) {
        out << (i ? "," : "") << head[i];
    }
    out << "\n";
    auto line = [&](const ReportRow& row, bool total) {
        bool first = true;
        auto put = [&](const std::string& s) {
            out << (first ? "" : ",") << CsvField(s);
            first = false;
        };
        if (report.interval) {
            put(total ? "total" : row.interval);
        }
        if (report.by != GroupBy::kNone) {
            put(total ? (report.interval ? "" : "total") : row.key);
        }
        for (const Column& col : ReportColumns()) {
            put(PlainValue(col, row));
        }
        out << "\n";
    };
    for (const auto& row : report.rows) {
        line(row, false);
    }
    line(report.total, true);
    return out.str();
}

}  // namespace hotline::metrics
