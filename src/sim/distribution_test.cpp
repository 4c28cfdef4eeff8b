#include "hotline/sim/distribution.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hotline::sim {
namespace {

void ExpectMoments(const Distribution& d, double mean, double sd, double tolerance) {
    std::mt19937_64 rng(42);
    const int n = 200000;
    double sum = 0, sq = 0;
    for (int i = 0; i < n; ++i) {
        const double x = d.Sample(rng);
        ASSERT_GE(x, 0.0);
        sum += x;
        sq += x * x;
    }
    const double m = sum / n, s = std::sqrt(sq / n - m * m);
    EXPECT_NEAR(m, mean, tolerance * mean) << d.Describe();
    EXPECT_NEAR(s, sd, 2 * tolerance * sd + 1e-9) << d.Describe();
}

TEST(Distribution, MomentsMatchTheirParameters) {
    ExpectMoments(Distribution::Exponential(180), 180, 180, 0.01);
    ExpectMoments(Distribution::Lognormal(180, 90), 180, 90, 0.01);
    ExpectMoments(Distribution::Gamma(180, 60), 180, 60, 0.01);
    ExpectMoments(Distribution::Gamma(30, 60), 30, 60, 0.02);  // shape below 1
    ExpectMoments(Distribution::Constant(42), 42, 0, 0.0);
    ExpectMoments(*Distribution::Empirical({10, 20, 30, 40}), 25, std::sqrt(125.0), 0.01);
}

TEST(Distribution, SameSeedSameDraws) {
    std::mt19937_64 a(7), b(7);
    const Distribution d = Distribution::Lognormal(200, 120);
    for (int i = 0; i < 100; ++i) {
        EXPECT_EQ(d.Sample(a), d.Sample(b));
    }
}

TEST(Distribution, EmpiricalNeedsValues) {
    EXPECT_FALSE(Distribution::Empirical({}).ok());
    EXPECT_FALSE(Distribution::Empirical({1, -2}).ok());
}

}  // namespace
}  // namespace hotline::sim
