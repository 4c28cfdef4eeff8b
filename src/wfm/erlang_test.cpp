#include "hotline/wfm/erlang.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace hotline::wfm {
namespace {

Load Calls(double calls, double period_s, double aht_s) {
    return Load{calls / period_s, aht_s};
}

// Erlang B tables (e.g. the ITU-T / Siemens "Erlang B table" at 1% and 2% grade of service):
// 10 Erlangs at 2% blocking need 17 lines; 17 lines carry 10.66 E at 2%; 10 lines carry 4.46 E
// at 1%; one line offered one Erlang blocks half the calls.
TEST(ErlangB, PublishedTables) {
    EXPECT_GT(ErlangB(16, 10.0), 0.02);
    EXPECT_LT(ErlangB(17, 10.0), 0.02);
    EXPECT_NEAR(ErlangB(17, 10.66), 0.02, 0.0003);
    EXPECT_NEAR(ErlangB(10, 4.46), 0.01, 0.0002);
    EXPECT_DOUBLE_EQ(ErlangB(1, 1.0), 0.5);
}

TEST(ErlangB, TenThousandLinesWithoutOverflow) {
    const double b = ErlangB(10000, 9800.0);
    EXPECT_TRUE(std::isfinite(b));
    EXPECT_GT(b, 0.0);
    EXPECT_LT(b, 0.01);
}

// The worked example of Call Centre Helper's "Erlang C formula — made simple" (100 calls in
// 30 minutes, AHT 180 s, 14 agents, 20 s): P(wait) 0.1741319, service level 0.88835, ASA 7.836 s.
TEST(ErlangC, PublishedWorkedExample) {
    Performance p = ErlangC(14, Calls(100, 1800, 180), 20);
    EXPECT_TRUE(p.stable);
    EXPECT_NEAR(p.p_wait, 0.1741319, 5e-7);
    EXPECT_NEAR(p.service_level, 0.88835, 5e-6);
    EXPECT_NEAR(p.asa, 7.836, 5e-4);
    EXPECT_NEAR(p.occupancy, 10.0 / 14.0, 1e-12);
    // 13 agents fall short of 80/20, so 14 is the staffing for that target.
    EXPECT_LT(ErlangC(13, Calls(100, 1800, 180), 20).service_level, 0.8);
}

TEST(ErlangC, UnstableQueueIsReportedNotNaN) {
    Performance p = ErlangC(10, Calls(100, 1800, 180), 20);  // 10 agents, 10 Erlangs
    EXPECT_FALSE(p.stable);
    EXPECT_EQ(p.p_wait, 1.0);
    EXPECT_EQ(p.service_level, 0.0);
    EXPECT_TRUE(std::isinf(p.asa));
}

// 10,000 Erlangs with 10,100 agents: β = (n − A)/√A = 1, where Halfin & Whitt (1981, "Heavy-
// traffic limits for queues with many exponential servers", Oper. Res. 29(3)) give
// P(wait) ≈ [1 + βΦ(β)/φ(β)]^{-1} = 0.2234; the exact value is a little above it.
TEST(ErlangC, TenThousandAgentsMatchHalfinWhitt) {
    Performance p = ErlangC(10100, Load{10000.0 / 180, 180}, 20);
    EXPECT_TRUE(std::isfinite(p.p_wait));
    EXPECT_NEAR(p.p_wait, 0.2234, 0.003);
    EXPECT_GT(p.service_level, 0.9999);  // the queue drains at 100 agents' speed
}

// An independent reference for Erlang A: the birth–death chain solved numerically (truncated far
// into its tail), and the tagged caller's wait obtained by uniformization of its own chain — no
// incomplete gamma function anywhere.
struct Reference {
    double p_wait = 0, p_abandon = 0, sl_offered = 0, sl_virtual = 0, asa = 0;
};

Reference BruteForce(int n, double lambda, double aht, double patience, double t) {
    const double mu = 1 / aht, theta = 1 / patience;
    const int cap = n + 400;
    std::vector<double> w(cap + 1);
    w[0] = 1;
    for (int k = 1; k <= cap; ++k) {
        w[k] = w[k - 1] * lambda / (std::min(k, n) * mu + std::max(0, k - n) * theta);
    }
    double z = 0;
    for (double v : w) {
        z += v;
    }
    Reference r;
    std::vector<double> ahead(cap - n + 1);  // an arrival finds q callers ahead
    for (int k = n; k <= cap; ++k) {
        r.p_wait += w[k] / z;
        ahead[k - n] = w[k] / z;
        r.p_abandon += (w[k] / z) * (k - n + 1) / (n * mu / theta + (k - n) + 1);
    }
    // Uniformize the tagged caller: position i moves to i−1 at nμ + iθ, is served from 0 at nμ,
    // abandons at θ (the virtual caller never abandons).
    const int q_max = static_cast<int>(ahead.size()) - 1;
    const double big = n * mu + q_max * theta + theta;
    auto run = [&](bool patient, double horizon, double* mean_wait) {
        std::vector<double> cur = ahead, next(cur.size());
        double served = 0, served_time = 0;
        const double dt_mean = 1 / big;
        double poisson = std::exp(-big * horizon), cdf_served = 0;
        // Σ_k Poisson(k; big·T) · P(served within k steps)
        const int steps = static_cast<int>(big * horizon + 12 * std::sqrt(big * horizon) + 50);
        double served_steps = 0;
        for (int k = 0; k <= steps; ++k) {
            cdf_served += poisson * served_steps;
            std::fill(next.begin(), next.end(), 0.0);
            for (int i = 0; i <= q_max; ++i) {
                const double move = (n * mu + i * theta) / big;
                const double quit = patient ? 0 : theta / big;
                if (i == 0) {
                    served_steps += cur[0] * move;
                    served_time += cur[0] * move * (k + 1) * dt_mean;
                } else {
                    next[i - 1] += cur[i] * move;
                }
                next[i] += cur[i] * (1 - move - quit);
            }
            cur.swap(next);
            poisson *= big * horizon / (k + 1);
        }
        served = cdf_served;
        if (mean_wait != nullptr) {
            *mean_wait = served_time;
        }
        return served;
    };
    r.sl_offered = (1 - r.p_wait) + run(false, t, nullptr);
    r.sl_virtual = (1 - r.p_wait) + run(true, t, nullptr);
    double waited = 0;  // Σ over waiting callers of P(served after k steps)·k/Λ
    run(false, 40 * patience, &waited);
    r.asa = waited / (1 - r.p_abandon);
    return r;
}

TEST(ErlangA, MatchesTheBirthDeathChain) {
    struct Case {
        int n;
        double lambda, aht, patience, t;
    };
    // Light, critical and overloaded centers, few and more agents.
    for (Case c : {Case{5, 1.0 / 60, 180, 120, 20}, Case{14, 100.0 / 1800, 180, 300, 20},
                   Case{10, 100.0 / 1800, 180, 300, 20}, Case{8, 100.0 / 1800, 180, 60, 30},
                   Case{30, 0.2, 150, 200, 15}}) {
        Reference ref = BruteForce(c.n, c.lambda, c.aht, c.patience, c.t);
        Load load{c.lambda, c.aht};
        Performance off = ErlangA(c.n, load, c.patience, c.t, SlVariant::kOffered);
        Performance vir = ErlangA(c.n, load, c.patience, c.t, SlVariant::kVirtual);
        Performance ans = ErlangA(c.n, load, c.patience, c.t, SlVariant::kAnswered);
        SCOPED_TRACE(testing::Message() << "n=" << c.n << " lambda=" << c.lambda);
        EXPECT_NEAR(off.p_wait, ref.p_wait, 1e-9);
        EXPECT_NEAR(off.p_abandon, ref.p_abandon, 1e-9);
        EXPECT_NEAR(off.service_level, ref.sl_offered, 1e-6);
        EXPECT_NEAR(vir.service_level, ref.sl_virtual, 1e-6);
        EXPECT_NEAR(ans.service_level, ref.sl_offered / (1 - ref.p_abandon), 1e-6);
        EXPECT_NEAR(off.asa, ref.asa, 1e-6 * (1 + ref.asa));
        EXPECT_GE(vir.service_level, off.service_level - 1e-12);  // patience only loses calls
    }
}

// Garnett, Mandelbaum & Reiman (2002), "Designing a call center with impatient customers",
// M&SOM 4(3): P(Ab | W > 0) = 1/(ρA) + 1 − 1/ρ; and P(Ab) = θ·E[Q]/λ (Little), both exact.
TEST(ErlangA, AbandonmentIdentities) {
    Load load{100.0 / 1800, 180};
    Performance p = ErlangA(11, load, 300, 20, SlVariant::kOffered);
    EXPECT_NEAR(p.mean_wait_all, p.p_abandon * 300, 1e-12);
    EXPECT_GT(p.p_abandon, 0.0);
    EXPECT_LT(p.p_abandon, p.p_wait);
}

TEST(ErlangA, LongPatienceApproachesErlangC) {
    Load load{100.0 / 1800, 180};
    Performance c = ErlangC(14, load, 20);
    Performance a = ErlangA(14, load, 1e7, 20, SlVariant::kOffered);
    EXPECT_NEAR(a.p_wait, c.p_wait, 1e-4);
    EXPECT_NEAR(a.service_level, c.service_level, 1e-4);
    EXPECT_NEAR(a.asa, c.asa, 1e-2);
}

TEST(ErlangA, StableUnderOverloadAndAtScale) {
    // Twice the traffic the agents can carry: abandonment takes the excess, nothing is NaN.
    Performance over = ErlangA(10, Load{200.0 / 1800, 180}, 300, 20, SlVariant::kOffered);
    EXPECT_TRUE(std::isfinite(over.service_level));
    EXPECT_NEAR(over.p_abandon, 0.5, 0.05);
    EXPECT_NEAR(over.occupancy, 1.0, 0.01);
    // 10,000 agents, and an overloaded 10,000.
    for (double calls : {9800.0, 11000.0}) {
        Performance big = ErlangA(10000, Load{calls / 180, 180}, 300, 20, SlVariant::kOffered);
        EXPECT_TRUE(std::isfinite(big.service_level) && std::isfinite(big.asa)) << calls;
        EXPECT_GE(big.service_level, 0.0);
        EXPECT_LE(big.service_level, 1.0);
    }
}

TEST(ErlangX, ManyLinesNoRedialsIsErlangA) {
    Load load{100.0 / 1800, 180};
    Performance a = ErlangA(12, load, 300, 20, SlVariant::kOffered);
    Performance x = ErlangX(12, load, 300, 20, SlVariant::kOffered, 12 + 400, 0);
    EXPECT_NEAR(x.p_wait, a.p_wait, 1e-9);
    EXPECT_NEAR(x.p_abandon, a.p_abandon, 1e-9);
    EXPECT_NEAR(x.service_level, a.service_level, 1e-7);
    EXPECT_NEAR(x.asa, a.asa, 1e-6);
    EXPECT_LT(x.p_block, 1e-12);
}

TEST(ErlangX, FewLinesBlockAndRedialsAddLoad) {
    Load load{100.0 / 1800, 180};
    Performance x0 = ErlangX(12, load, 300, 20, SlVariant::kOffered, 14, 0);
    Performance x5 = ErlangX(12, load, 300, 20, SlVariant::kOffered, 14, 0.5);
    EXPECT_GT(x0.p_block, 0.01);
    EXPECT_GT(x5.arrival_rate, load.arrival_rate);
    EXPECT_GT(x5.p_block, x0.p_block);
    // With no waiting places it is Erlang B.
    Performance loss = ErlangX(12, load, 300, 20, SlVariant::kOffered, 12, 0);
    EXPECT_NEAR(loss.p_block, ErlangB(12, 10.0), 1e-12);
}

}  // namespace
}  // namespace hotline::wfm
