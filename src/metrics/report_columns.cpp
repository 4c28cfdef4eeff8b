#include "report_columns.h"

namespace hotline::metrics {
namespace {

std::optional<double> Count(int64_t v) {
    return static_cast<double>(v);
}
std::optional<double> Secs(int64_t ms) {
    return static_cast<double>(ms) / 1000.0;
}

#define CONTACT_COUNT(name)                                                           \
    Column {                                                                          \
        #name, ColumnKind::kCount,                                                    \
            [](const ReportRow& r) { return Count(r.counters.contacts.name); }, false \
    }
#define KPI(name, kind)                                                    \
    Column {                                                               \
        #name, kind, [](const ReportRow& r) { return r.kpis.name; }, false \
    }
#define AGENT_STATE(name, state)                                                                \
    Column {                                                                                    \
        name, ColumnKind::kSeconds,                                                             \
            [](const ReportRow& r) { return Secs(r.counters.agents.State(AgentTime::state)); }, \
            true                                                                                \
    }

}  // namespace

const std::vector<Column>& ReportColumns() {
    static const std::vector<Column> kColumns = {
        CONTACT_COUNT(offered),
        CONTACT_COUNT(answered),
        CONTACT_COUNT(abandoned),
        CONTACT_COUNT(short_abandoned),
        CONTACT_COUNT(answered_within),
        CONTACT_COUNT(abandoned_within),
        CONTACT_COUNT(waited),
        KPI(service_level, ColumnKind::kRatio),
        KPI(service_level_answered, ColumnKind::kRatio),
        KPI(asa_s, ColumnKind::kSeconds),
        KPI(longest_wait_s, ColumnKind::kSeconds),
        KPI(answer_rate, ColumnKind::kRatio),
        KPI(p_wait, ColumnKind::kRatio),
        KPI(abandon_rate, ColumnKind::kRatio),
        KPI(avg_abandon_s, ColumnKind::kSeconds),
        KPI(answer_time_s, ColumnKind::kSeconds),
        CONTACT_COUNT(handled),
        KPI(aht_s, ColumnKind::kSeconds),
        KPI(talk_s, ColumnKind::kSeconds),
        KPI(hold_s, ColumnKind::kSeconds),
        KPI(acw_s, ColumnKind::kSeconds),
        CONTACT_COUNT(transfers),
        CONTACT_COUNT(overflowed),
        CONTACT_COUNT(callbacks),
        CONTACT_COUNT(ended_other),
        KPI(fcr, ColumnKind::kRatio),
        CONTACT_COUNT(surveys),
        KPI(csat, ColumnKind::kRatio),
        KPI(avg_survey_score, ColumnKind::kScore),
        KPI(occupancy, ColumnKind::kRatio),
        KPI(utilization, ColumnKind::kRatio),
        Column{"login_time_s", ColumnKind::kSeconds,
               [](const ReportRow& r) { return Secs(r.counters.agents.login_ms); }, true},
        AGENT_STATE("ready_time_s", kReady),
        AGENT_STATE("not_ready_time_s", kNotReady),
        AGENT_STATE("reserved_time_s", kReserved),
        AGENT_STATE("busy_time_s", kBusy),
        AGENT_STATE("wrapup_time_s", kWrapup),
        Column{"hold_time_s", ColumnKind::kSeconds,
               [](const ReportRow& r) { return Secs(r.counters.agents.hold_ms); }, true},
        Column{"offers", ColumnKind::kCount,
               [](const ReportRow& r) { return Count(r.counters.agents.offers); }, true},
        Column{"offers_failed", ColumnKind::kCount,
               [](const ReportRow& r) { return Count(r.counters.agents.offers_failed); }, true},
    };
    return kColumns;
}

const Column* FindColumn(std::string_view name) {
    for (const auto& c : ReportColumns()) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

}  // namespace hotline::metrics
