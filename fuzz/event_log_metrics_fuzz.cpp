// libFuzzer target: any bytes as a JSON Lines event log fed to the KPI aggregator, in whatever
// order and combination; then every report form. Nothing crashes; rates stay within [0, 1].
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "hotline/core/event_codec.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/metrics/report_render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    hotline::metrics::Aggregator agg;
    std::string line;
    while (std::getline(in, line)) {
        auto e = hotline::EventFromJson(line);
        if (e.ok()) {
            agg.OnEvent(*e);
        }
    }
    agg.AdvanceTo(agg.last_event());
    auto cal = hotline::metrics::Calendar::ForZone("Asia/Shanghai");
    for (auto by : {hotline::metrics::GroupBy::kNone, hotline::metrics::GroupBy::kQueue,
                    hotline::metrics::GroupBy::kAgent}) {
        hotline::metrics::ReportRequest req;
        req.by = by;
        req.interval = hotline::metrics::IntervalSpec::Minutes(30);
        auto rep = hotline::metrics::BuildReport(agg, *cal, req);
        for (const auto& row : rep.rows) {
            for (auto v : {row.kpis.service_level, row.kpis.answer_rate, row.kpis.csat}) {
                if (v && (*v < 0.0 || *v > 1.0)) {
                    std::abort();
                }
            }
        }
        (void)hotline::metrics::ReportToJson(rep);
        (void)hotline::metrics::ReportToCsv(rep);
        (void)hotline::metrics::ReportToTable(rep);
    }
    return 0;
}
