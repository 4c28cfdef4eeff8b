// Every file in tests/scenarios/kpi/ is one KPI case: an event log written as text, the report to
// build, and the expected rows, compared whole (docs/kpis.md explains the definitions).
//
//   options: {threshold: 20s, short_abandon: 5s, sl_variant: offered, fcr_window: 1d, timezone:
//   UTC} report:  {by: queue, interval: 30m, teams: {a1: north}} show:    [offered, answered,
//   service_level] events: |
//     0    arrive c1 from=138 channel=voice direction=in     # seconds from 2026-03-02 00:00 UTC
//     0    enqueue c1 queue=q
//     12   answer c1 agent=a1 queue=q
//   expect: |
//     queue=q offered=1 answered=1 service_level=1.000
//     total offered=1 answered=1 service_level=1.000
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hotline/core/event_codec.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/metrics/report_render.h"
#include "scenario_files.h"

namespace hotline::testing {
namespace {

constexpr int64_t kOrigin = 1772409600000;  // 2026-03-02 00:00:00 UTC, a Monday

std::vector<std::string> KpiFiles() {
    return ScenarioFiles(HOTLINE_KPI_SCENARIO_DIR);
}

std::string Trim(std::string s) {
    if (auto hash = s.find('#'); hash != std::string::npos) {
        s.erase(hash);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.pop_back();
    }
    size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) {
        ++start;
    }
    return s.substr(start);
}

// "12.5 answer c1 agent=a1 queue=q" → the event. The bare word after the type is the agent for
// agent_* events and the contact id for the others.
Result<Event> ParseEventLine(const std::string& line) {
    std::istringstream in(line);
    std::string when, type, word;
    in >> when >> type;
    boost::json::object o;
    o["ts"] = kOrigin + static_cast<int64_t>(std::stod(when) * 1000.0);
    o["type"] = type;
    while (in >> word) {
        auto eq = word.find('=');
        if (eq == std::string::npos) {
            o[type.rfind("agent_", 0) == 0 ? "agent" : "id"] = word;
            continue;
        }
        std::string key = word.substr(0, eq), value = word.substr(eq + 1);
        if (key == "priority" || key == "score" || key == "since") {
            o[key] = key == "since" ? kOrigin + std::stoll(value) * 1000 : std::stoll(value);
        } else if (key == "resolved") {
            o[key] = value == "true";
        } else {
            o[key] = value;
        }
    }
    return EventFromJson(boost::json::serialize(o));
}

// Besides the report's KPI names, a case may show "sl_<variant>" (the service level under any
// variant) and "not_ready.<reason>" (seconds not ready for that reason).
std::optional<std::string> Kpi(const metrics::Report& rep, const metrics::ReportRow& row,
                               const std::string& name) {
    if (name.rfind("sl_", 0) == 0) {
        auto variant = metrics::ParseSlVariant(name.substr(3));
        if (!variant) {
            return std::nullopt;
        }
        auto v = metrics::ServiceLevel(row.counters.contacts, *variant);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", v.value_or(0));
        return v ? std::string(buf) : "-";
    }
    if (name.rfind("not_ready.", 0) == 0) {
        int64_t ms = 0;
        for (const auto& [id, t] : row.counters.agents.not_ready_by_reason_ms) {
            if (rep.reasons[static_cast<size_t>(id)] == name.substr(10)) {
                ms += t;
            }
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(ms) / 1000.0);
        return std::string(buf);
    }
    return metrics::FormatKpi(row, name);
}

std::string RenderRow(const metrics::Report& rep, const metrics::ReportRow& row,
                      const std::vector<std::string>& show, const std::string& key_name,
                      bool total) {
    std::string out;
    if (total) {
        out = "total";
    } else {
        if (!row.interval.empty()) {
            out += "interval=" + row.interval;
        }
        if (!key_name.empty()) {
            out += (out.empty() ? "" : " ") + key_name + "=" + row.key;
        }
        if (out.empty()) {
            out = "row";
        }
    }
    for (const auto& kpi : show) {
        out += " " + kpi + "=" + Kpi(rep, row, kpi).value_or("?");
    }
    return out;
}

class KpiScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(KpiScenario, RowsMatch) {
    const std::string file = GetParam();
    YAML::Node doc = YAML::LoadFile(file);
    metrics::KpiOptions opts;
    std::string zone = "UTC";
    if (auto o = doc["options"]) {
        if (o["threshold"]) {
            opts.service_level_threshold = *ParseDuration(o["threshold"].as<std::string>());
        }
        if (o["short_abandon"]) {
            opts.short_abandon = *ParseDuration(o["short_abandon"].as<std::string>());
        }
        if (o["fcr_window"]) {
            opts.fcr_window = *ParseDuration(o["fcr_window"].as<std::string>());
        }
        if (o["sl_variant"]) {
            opts.sl_variant = *metrics::ParseSlVariant(o["sl_variant"].as<std::string>());
        }
        if (o["timezone"]) {
            zone = o["timezone"].as<std::string>();
        }
    }
    metrics::ReportRequest req;
    if (auto r = doc["report"]) {
        if (r["by"]) {
            req.by = *metrics::ParseGroupBy(r["by"].as<std::string>());
        }
        if (r["interval"]) {
            req.interval = *metrics::ParseInterval(r["interval"].as<std::string>());
        }
        for (const auto& t : r["teams"]) {
            req.agent_team[t.first.as<std::string>()] = t.second.as<std::string>();
        }
    }
    std::vector<std::string> show = doc["show"].as<std::vector<std::string>>();

    metrics::Aggregator agg(opts);
    std::istringstream events(doc["events"].as<std::string>());
    std::string line;
    const int events_line = doc["events"].Mark().line + 1;
    int n = 0;
    while (std::getline(events, line)) {
        ++n;
        line = Trim(line);
        if (line.empty()) {
            continue;
        }
        auto e = ParseEventLine(line);
        if (!e.ok()) {
            ADD_FAILURE_AT(file.c_str(), events_line + n) << e.status().ToString();
            continue;
        }
        agg.OnEvent(*e);
    }
    agg.AdvanceTo(agg.last_event());
    metrics::Report rep = metrics::BuildReport(agg, *metrics::Calendar::ForZone(zone), req);
    std::string key_name(metrics::GroupByName(req.by));
    std::string actual;
    for (const auto& row : rep.rows) {
        actual += RenderRow(rep, row, show, key_name, false) + "\n";
    }
    actual += RenderRow(rep, rep.total, show, key_name, true) + "\n";

    std::string expected;
    std::istringstream exp(doc["expect"].as<std::string>());
    while (std::getline(exp, line)) {
        line = Trim(line);
        if (!line.empty()) {
            expected += line + "\n";
        }
    }
    if (actual != expected) {
        ADD_FAILURE_AT(file.c_str(), doc["expect"].Mark().line + 1)
            << "report differs\n--- expected\n"
            << expected << "--- actual\n"
            << actual;
    }
}

TEST(KpiScenarios, AtLeastTwentyCases) {
    EXPECT_GE(KpiFiles().size(), 20U);
}

INSTANTIATE_TEST_SUITE_P(Files, KpiScenario, ::testing::ValuesIn(KpiFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             return ScenarioTestName(info.param);
                         });

}  // namespace
}  // namespace hotline::testing
