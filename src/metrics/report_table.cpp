// The human table of `hotline report`: the columns a supervisor reads first, aligned.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "hotline/metrics/report_render.h"
#include "report_columns.h"

namespace hotline::metrics {
namespace {

struct TableColumn {
    std::string_view kpi;
    std::string_view header;
};

constexpr TableColumn kContactColumns[] = {
    {"offered", "offered"},     {"answered", "answered"},
    {"abandoned", "abandoned"}, {"service_level", "SL"},
    {"asa_s", "ASA"},           {"longest_wait_s", "longest"},
    {"answer_rate", "answer%"}, {"abandon_rate", "abandon%"},
    {"aht_s", "AHT"},           {"talk_s", "talk"},
    {"hold_s", "hold"},         {"acw_s", "ACW"},
};

constexpr TableColumn kAgentColumns[] = {
    {"answered", "answered"},   {"handled", "handled"},
    {"aht_s", "AHT"},           {"talk_s", "talk"},
    {"acw_s", "ACW"},           {"login_time_s", "login"},
    {"ready_time_s", "ready"},  {"not_ready_time_s", "not_ready"},
    {"busy_time_s", "busy"},    {"wrapup_time_s", "wrapup"},
    {"occupancy", "occupancy"}, {"utilization", "utilization"},
};

std::string Cell(const ReportRow& row, std::string_view kpi) {
    const Column* col = FindColumn(kpi);
    std::optional<double> v = col->get(row);
    if (!v) {
        return "-";
    }
    char buf[48];
    switch (col->kind) {
        case ColumnKind::kCount:
            std::snprintf(buf, sizeof buf, "%.0f", *v);
            break;
        case ColumnKind::kRatio:
            std::snprintf(buf, sizeof buf, "%.1f%%", *v * 100.0);
            break;
        case ColumnKind::kSeconds:
            if (col->agent_time) {
                auto s = static_cast<long long>(*v);
                std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
            } else {
                std::snprintf(buf, sizeof buf, "%.1fs", *v);
            }
            break;
        case ColumnKind::kScore:
            std::snprintf(buf, sizeof buf, "%.2f", *v);
            break;
    }
    return buf;
}

}  // namespace

std::string ReportToTable(const Report& report) {
    const bool agents = report.by == GroupBy::kAgent || report.by == GroupBy::kTeam;
    std::vector<TableColumn> cols;
    if (agents) {
        cols.assign(std::begin(kAgentColumns), std::end(kAgentColumns));
    } else {
        cols.assign(std::begin(kContactColumns), std::end(kContactColumns));
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::string> head;
    if (report.interval) {
        head.emplace_back("interval");
    }
    if (report.by != GroupBy::kNone) {
        head.emplace_back(GroupByName(report.by));
    }
    const size_t keys = head.size();
    for (const auto& c : cols) {
        head.emplace_back(c.header);
    }
    cells.push_back(head);
    auto add = [&](const ReportRow& row, bool total) {
        std::vector<std::string> line;
        if (report.interval) {
            line.push_back(total ? "total" : row.interval);
        }
        if (report.by != GroupBy::kNone) {
            line.push_back(total ? (report.interval ? "" : "total") : row.key);
        }
        if (keys == 0) {
            line.clear();
        }
        for (const auto& c : cols) {
            line.push_back(Cell(row, c.kpi));
        }
        cells.push_back(std::move(line));
    };
    for (const auto& row : report.rows) {
        add(row, false);
    }
    if (keys == 0) {
        cells.resize(1);  // no grouping: the total is the only row
    }
    add(report.total, true);

    std::vector<size_t> width(head.size(), 0);
    for (const auto& line : cells) {
        for (size_t i = 0; i < line.size() && i < width.size(); ++i) {
            width[i] = std::max(width[i], line[i].size());
        }
    }
    std::ostringstream out;
    for (size_t r = 0; r < cells.size(); ++r) {
        if (r == cells.size() - 1 && cells.size() > 2) {
            size_t total_width = 0;
            for (size_t w : width) {
                total_width += w + 2;
            }
            out << std::string(total_width - 2, '-') << "\n";
        }
        const auto& line = cells[r];
        for (size_t i = 0; i < line.size(); ++i) {
            const bool left = i < keys;
            std::string pad(width[i] - line[i].size(), ' ');
            out << (i ? "  " : "") << (left ? line[i] + pad : pad + line[i]);
        }
        out << "\n";
    }
    char note[160];
    std::snprintf(note, sizeof note, "SL = %s at %.0fs; short abandons <= %.0fs; times in %s\n",
                  std::string(SlVariantName(report.options.sl_variant)).c_str(),
                  static_cast<double>(report.options.service_level_threshold.count()) / 1000.0,
                  static_cast<double>(report.options.short_abandon.count()) / 1000.0,
                  report.zone.c_str());
    out << note;
    return out.str();
}

}  // namespace hotline::metrics
