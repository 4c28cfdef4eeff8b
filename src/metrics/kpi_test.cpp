#include "hotline/metrics/kpi.h"

#include <gtest/gtest.h>

namespace hotline::metrics {
namespace {

// ICMI's four service-level formulas on one data set (answered 1000, abandoned 60, answered
// within T 860, abandoned within T 20), as in ICMI's "Service level: formulas" comparison and
// issue 5 of this project: 83% / 86% / 81% / 82.7%.
ContactCounters IcmiDataSet() {
    ContactCounters c;
    c.offered = 1060;
    c.answered = 1000;
    c.abandoned = 60;
    c.answered_within = 860;
    c.abandoned_within = 20;
    return c;
}

TEST(ServiceLevel, IcmiFormulas) {
    ContactCounters c = IcmiDataSet();
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kAbandonsMet), 880.0 / 1060.0, 1e-12);       // 83.0%
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kAnswered), 0.86, 1e-12);                    // 86%
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kOffered), 860.0 / 1060.0, 1e-12);           // 81.1%
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kAbandonsExcluded), 860.0 / 1040.0, 1e-12);  // 82.7%
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kAbandonsMet), 0.830, 0.0005);
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kOffered), 0.811, 0.0005);
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kAbandonsExcluded), 0.827, 0.0005);
}

TEST(ServiceLevel, DefaultExcludesShortAbandonsFromOffered) {
    ContactCounters c = IcmiDataSet();
    c.short_abandoned = 10;
    EXPECT_NEAR(*ServiceLevel(c, SlVariant::kShortExcluded), 860.0 / 1050.0, 1e-12);
}

TEST(ServiceLevel, NothingOfferedHasNoServiceLevel) {
    ContactCounters c;
    for (SlVariant v : {SlVariant::kShortExcluded, SlVariant::kOffered, SlVariant::kAnswered,
                        SlVariant::kAbandonsMet, SlVariant::kAbandonsExcluded}) {
        EXPECT_FALSE(ServiceLevel(c, v).has_value()) << SlVariantName(v);
    }
    Kpis k = ComputeKpis(Counters{}, KpiOptions{});
    EXPECT_FALSE(k.service_level);
    EXPECT_FALSE(k.asa_s);
    EXPECT_FALSE(k.abandon_rate);
    EXPECT_FALSE(k.aht_s);
    EXPECT_FALSE(k.occupancy);
    EXPECT_FALSE(k.utilization);  // zero login time: no utilization, not 0%
}

TEST(ServiceLevel, OnlyShortAbandonsHasNoServiceLevel) {
    ContactCounters c;
    c.offered = c.abandoned = c.short_abandoned = c.abandoned_within = 3;
    EXPECT_FALSE(ServiceLevel(c, SlVariant::kShortExcluded));
    EXPECT_EQ(*ServiceLevel(c, SlVariant::kOffered), 0.0);
}

TEST(Kpis, RatesAndMeans) {
    Counters c;
    c.contacts = IcmiDataSet();
    c.contacts.short_abandoned = 10;
    c.contacts.wait_answered_ms = 1000 * 12'000;  // 12 s mean
    c.contacts.handled = 1000;
    c.contacts.talk_ms = 1000 * 180'000;
    c.contacts.hold_ms = 1000 * 10'000;
    c.contacts.acw_ms = 1000 * 30'000;
    c.contacts.fcr_eligible = 800;
    c.contacts.fcr_repeats = 120;
    c.contacts.surveys = 200;
    c.contacts.surveys_satisfied = 170;
    Kpis k = ComputeKpis(c, KpiOptions{});
    EXPECT_DOUBLE_EQ(*k.asa_s, 12.0);
    EXPECT_DOUBLE_EQ(*k.answer_rate, 1000.0 / 1060.0);
    EXPECT_DOUBLE_EQ(*k.abandon_rate, 50.0 / 1050.0);
    EXPECT_DOUBLE_EQ(*k.aht_s, 220.0);
    EXPECT_DOUBLE_EQ(*k.talk_s, 180.0);
    EXPECT_DOUBLE_EQ(*k.fcr, 680.0 / 800.0);
    EXPECT_DOUBLE_EQ(*k.csat, 0.85);
}

TEST(Kpis, OccupancyAndUtilizationDenominators) {
    Counters c;
    c.agents.State(AgentTime::kReady) = 100;
    c.agents.State(AgentTime::kReserved) = 20;
    c.agents.State(AgentTime::kBusy) = 300;
    c.agents.State(AgentTime::kWrapup) = 80;
    c.agents.State(AgentTime::kNotReady) = 500;
    c.agents.login_ms = 1000;
    Kpis k = ComputeKpis(c, KpiOptions{});
    EXPECT_DOUBLE_EQ(*k.occupancy, 380.0 / 500.0);  // not-ready time is outside occupancy
    EXPECT_DOUBLE_EQ(*k.utilization, 380.0 / 1000.0);
}

TEST(SlVariantNames, RoundTrip) {
    for (auto name :
         {"short_excluded", "offered", "answered", "abandons_met", "abandons_excluded"}) {
        auto v = ParseSlVariant(name);
        ASSERT_TRUE(v) << name;
        EXPECT_EQ(SlVariantName(*v), name);
    }
    EXPECT_FALSE(ParseSlVariant("icmi"));
}

}  // namespace
}  // namespace hotline::metrics
