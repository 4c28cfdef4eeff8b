#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/metrics/report_render.h"
#include "hotline/sim/script.h"
#include "wallboard_text.h"

namespace hotline::app {
namespace {

// Prints every event and feeds the KPI aggregator that the wallboard's "so far" table reads.
class PrintingSink : public EventSink {
  public:
    PrintingSink(bool json, Timestamp origin, metrics::Aggregator& kpis)
        : json_(json), origin_(origin), kpis_(kpis) {}
    void OnEvent(const Event& e) override {
        std::cout << (json_ ? EventToJson(e) : EventToText(e, origin_)) << "\n";
        kpis_.OnEvent(e);
    }

  private:
    bool json_;
    Timestamp origin_;
    metrics::Aggregator& kpis_;
};

// The queues' KPIs so far, computed by the same module as `hotline report` and the simulator.
std::string KpisSoFar(metrics::Aggregator& kpis, const CenterConfig& center, Timestamp now) {
    kpis.AdvanceTo(now);
    auto calendar = metrics::Calendar::ForZone(center.timezone);
    if (!calendar.ok()) {
        return "";
    }
    metrics::ReportRequest request;
    request.by = metrics::GroupBy::kQueue;
    return "\nKPIs so far\n" +
           metrics::ReportToTable(metrics::BuildReport(kpis, *calendar, request));
}

}  // namespace

int RunScriptCommand(const RunOptions& options) {
    config::LoadResult center = config::LoadCenterFromFile(options.center);
    for (const auto& e : center.errors) {
        std::cerr << e.ToString() << "\n";
    }
    if (!center.ok()) {
        return 2;
    }
    std::ifstream in(options.script);
    if (!in) {
        std::cerr << options.script << ": cannot open the file\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    sim::ScriptOptions so;
    so.seed = options.seed;
    metrics::KpiOptions kpi_options;
    kpi_options.service_level_threshold = center.center.service_level.threshold;
    kpi_options.short_abandon = center.center.short_abandon;
    metrics::Aggregator kpis(kpi_options);
    PrintingSink sink(options.json, so.origin, kpis);
    sim::ScriptResult result =
        sim::RunScript(center.center, sim::ParseScript(text.str()), sink, so);
    for (const auto& f : result.failures) {
        std::cerr << options.script << ":" << f.line << ": " << f.message << "\n";
    }
    if (!options.json) {
        std::cout << "\n" << RenderWallboard(result.final_snapshot, center.center, so.origin);
        std::cout << KpisSoFar(kpis, center.center, result.final_snapshot.at);
    }
    return result.ok() ? 0 : 1;
}

}  // namespace hotline::app
