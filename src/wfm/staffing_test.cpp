#include "hotline/wfm/staffing.h"

#include <gtest/gtest.h>

namespace hotline::wfm {
namespace {

const Load kExample{100.0 / 1800, 180};  // 10 Erlangs

TEST(Staffing, EightyTwentyNeedsFourteen) {
    ModelParams m;
    Targets t;
    t.service_level = 0.8;
    auto r = RequiredAgents(kExample, m, t);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->agents, 14);
    EXPECT_NEAR(r->performance.service_level, 0.88835, 5e-6);
}

TEST(Staffing, ErlangBBlockingTarget) {
    ModelParams m;
    m.model = Model::kErlangB;
    Targets t;
    t.max_blocking = 0.02;
    auto r = RequiredAgents(Load{10.0 / 3600, 3600}, m, t);  // 10 Erlangs
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->agents, 17);
}

TEST(Staffing, AsaAbandonAndOccupancyTargets) {
    ModelParams c;
    Targets asa;
    asa.asa_s = 20;
    auto r = RequiredAgents(kExample, c, asa);
    ASSERT_TRUE(r.ok());
    EXPECT_LE(r->performance.asa, 20);
    EXPECT_GT(Evaluate(r->agents - 1, kExample, c).asa, 20);

    Targets occ;
    occ.max_occupancy = 0.85;
    occ.service_level = 0.8;
    auto o = RequiredAgents(kExample, c, occ);
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->agents, 14);  // 10/14 = 71% occupancy already

    ModelParams a;
    a.model = Model::kErlangA;
    a.patience_s = 300;
    Targets ab;
    ab.max_abandon = 0.02;
    auto r2 = RequiredAgents(kExample, a, ab);
    ASSERT_TRUE(r2.ok());
    EXPECT_LE(r2->performance.p_abandon, 0.02);
    EXPECT_GT(Evaluate(r2->agents - 1, kExample, a).p_abandon, 0.02);
}

TEST(Staffing, ErlangANeedsNoMoreThanErlangC) {
    Targets t;
    t.service_level = 0.8;
    ModelParams c, a;
    a.model = Model::kErlangA;
    a.patience_s = 120;
    EXPECT_LE(RequiredAgents(kExample, a, t)->agents, RequiredAgents(kExample, c, t)->agents);
}

TEST(Staffing, ShrinkageGrossesUpPositions) {
    EXPECT_EQ(Positions(14, 0.3), 20);  // 14 / 0.7 = 20 exactly
    EXPECT_EQ(Positions(15, 0.3), 22);
    Targets t;
    t.service_level = 0.8;
    t.shrinkage = 0.3;
    EXPECT_EQ(RequiredAgents(kExample, ModelParams{}, t)->positions, 20);
}

TEST(Staffing, LargeCenter) {
    Targets t;
    t.service_level = 0.8;
    auto r = RequiredAgents(Load{5000.0 / 180, 180}, ModelParams{}, t);  // 5,000 Erlangs
    ASSERT_TRUE(r.ok());
    EXPECT_GT(r->agents, 5000);
    EXPECT_LT(r->agents, 5100);
    EXPECT_LT(Evaluate(r->agents - 1, Load{5000.0 / 180, 180}, ModelParams{}).service_level, 0.8);
}

TEST(Staffing, ImpossibleTargetsAreErrors) {
    ModelParams a;
    a.model = Model::kErlangA;
    a.patience_s = 300;
    Targets zero;
    zero.max_abandon = 0;
    EXPECT_FALSE(RequiredAgents(kExample, a, zero).ok());
    EXPECT_FALSE(RequiredAgents(kExample, ModelParams{}, Targets{}).ok());
    Targets all;
    all.service_level = 1.0;
    EXPECT_FALSE(RequiredAgents(kExample, ModelParams{}, all).ok());
}

TEST(Staffing, NoCallsNeedNoAgents) {
    Targets t;
    t.service_level = 0.8;
    EXPECT_EQ(RequiredAgents(Load{0, 180}, ModelParams{}, t)->agents, 0);
}

}  // namespace
}  // namespace hotline::wfm
