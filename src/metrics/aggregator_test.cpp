// Behaviour of the aggregator on short event logs; most KPI cases are data files in
// tests/scenarios/kpi/ — these cover what is awkward to say there.
#include "hotline/metrics/aggregator.h"

#include <gtest/gtest.h>

#include "hotline/core/event_codec.h"
#include "hotline/metrics/report.h"

namespace hotline::metrics {
namespace {

// 2026-03-02 00:00:00 UTC, a Monday.
constexpr int64_t kDay0 = 1772409600000;

void Feed(Aggregator& agg, std::initializer_list<std::string_view> lines) {
    for (auto line : lines) {
        auto e = EventFromJson(line);
        ASSERT_TRUE(e.ok()) << e.status().ToString() << " in " << line;
        agg.OnEvent(*e);
    }
}

std::string At(int64_t seconds, std::string_view rest) {
    return "{\"ts\":" + std::to_string(kDay0 + seconds * 1000) + "," + std::string(rest) + "}";
}

Report ByDay(const Aggregator& agg, GroupBy by = GroupBy::kNone) {
    ReportRequest r;
    r.interval = IntervalSpec::Day();
    r.by = by;
    return BuildReport(agg, *Calendar::ForZone("UTC"), r);
}

TEST(Aggregator, ContactCrossingMidnightBelongsToItsArrivalDay) {
    Aggregator agg;
    const int64_t late = 24 * 3600 - 60;  // 23:59:00
    std::vector<std::string> lines = {
        At(late - 1000, R"("type":"agent_login","agent":"a1")"),
        At(late - 1000, R"("type":"agent_state","agent":"a1","state":"ready")"),
        At(late, R"("type":"arrive","id":"c1","channel":"voice","direction":"in")"),
        At(late, R"("type":"enqueue","id":"c1","queue":"q")"),
        At(late + 10, R"("type":"answer","id":"c1","agent":"a1","queue":"q")"),
        At(late + 10, R"("type":"agent_state","agent":"a1","state":"busy")"),
        At(late + 130, R"("type":"hangup","id":"c1","by":"customer","stage":"talk")"),
        At(late + 130, R"("type":"agent_state","agent":"a1","state":"wrapup")"),
        At(late + 160, R"("type":"wrapup_end","id":"c1","agent":"a1")"),
        At(late + 160, R"("type":"agent_state","agent":"a1","state":"ready")"),
        At(late + 400, R"("type":"agent_logout","agent":"a1")"),
    };
    for (const auto& l : lines) {
        Feed(agg, {l});
    }
    Report rep = ByDay(agg);
    ASSERT_EQ(rep.rows.size(), 2U);
    const ReportRow& day1 = rep.rows[0];
    const ReportRow& day2 = rep.rows[1];
    EXPECT_EQ(day1.interval, "2026-03-02");
    EXPECT_EQ(day1.counters.contacts.answered, 1);
    EXPECT_EQ(day1.counters.contacts.talk_ms, 120'000);  // all of it, though most was on day 2
    EXPECT_EQ(day1.counters.contacts.acw_ms, 30'000);
    EXPECT_EQ(day2.counters.contacts.offered, 0);
    EXPECT_FALSE(day2.kpis.service_level);  // nothing offered: no service level
    // Agent time is split at midnight: 70 s of busy before, 50 s after.
    EXPECT_EQ(day1.counters.agents.State(AgentTime::kBusy), 50'000);
    EXPECT_EQ(day2.counters.agents.State(AgentTime::kBusy), 70'000);
    EXPECT_EQ(day1.counters.agents.login_ms + day2.counters.agents.login_ms, 1'400'000);
}

TEST(Aggregator, AdvanceToCountsTheOpenState) {
    Aggregator agg;
    Feed(agg, {At(0, R"("type":"agent_login","agent":"a1")"),
               At(0, R"("type":"agent_state","agent":"a1","state":"not_ready","reason":"meal")")});
    agg.AdvanceTo(FromMillis(kDay0 + 600'000));
    agg.AdvanceTo(FromMillis(kDay0 + 600'000));  // idempotent
    Report rep = ByDay(agg, GroupBy::kAgent);
    ASSERT_EQ(rep.rows.size(), 1U);
    EXPECT_EQ(rep.rows[0].counters.agents.State(AgentTime::kNotReady), 600'000);
    ASSERT_EQ(rep.rows[0].counters.agents.not_ready_by_reason_ms.size(), 1U);
    EXPECT_EQ(rep.reasons[rep.rows[0].counters.agents.not_ready_by_reason_ms[0].first], "meal");
    EXPECT_FALSE(rep.rows[0].kpis.occupancy);  // never available: no occupancy
    EXPECT_DOUBLE_EQ(*rep.rows[0].kpis.utilization, 0.0);
}

TEST(Aggregator, EventsOfUnknownContactsChangeNothing) {
    Aggregator agg;
    Feed(agg, {At(5, R"("type":"answer","id":"zz","agent":"a1","queue":"q")"),
               At(9, R"("type":"hangup","id":"zz","by":"agent","stage":"talk")")});
    EXPECT_EQ(agg.events_unmatched(), 2);
    EXPECT_EQ(ByDay(agg).total.counters.contacts.answered, 0);
}

TEST(Aggregator, RepeatContactWithinWindowIsNotResolved) {
    KpiOptions opts;
    opts.fcr_window = std::chrono::hours(24);
    Aggregator agg(opts);
    auto contact = [&](int64_t t, const char* id) {
        std::string i = std::string("\"id\":\"") + id + "\"";
        Feed(agg, {At(t, R"("type":"arrive",)" + i +
                             R"(,"channel":"voice","direction":"in","from":"138")"),
                   At(t, R"("type":"enqueue",)" + i + R"(,"queue":"q")"),
                   At(t + 1, R"("type":"answer",)" + i + R"(,"agent":"a1","queue":"q")"),
                   At(t + 60, R"("type":"hangup",)" + i + R"(,"by":"agent","stage":"talk")")});
    };
    contact(0, "c1");
    contact(3600, "c2");       // repeat of c1
    contact(3 * 86400, "c3");  // outside the window of c2
    Report rep = ByDay(agg);
    EXPECT_EQ(rep.total.counters.contacts.fcr_eligible, 3);
    EXPECT_EQ(rep.total.counters.contacts.fcr_repeats, 1);
    EXPECT_EQ(rep.rows[0].counters.contacts.fcr_repeats, 1);  // c1's day
}

}  // namespace
}  // namespace hotline::metrics
