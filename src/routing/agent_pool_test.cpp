#include "agent_pool.h"

#include <gtest/gtest.h>

#include <map>

namespace hotline::routing {
namespace {

TEST(OrderedPool, BestIsTheLowestKeyAndFirstAfterWraps) {
    OrderedPool p;
    p.Insert({5, 0, 0}, 50);
    p.Insert({2, 0, 0}, 20);
    p.Insert({9, 0, 0}, 90);
    EXPECT_EQ(p.Best()->agent, 20U);
    EXPECT_EQ(p.FirstAfter(2)->agent, 50U);
    EXPECT_EQ(p.FirstAfter(9)->agent, 20U);  // wraps around
    EXPECT_TRUE(p.Erase({2, 0, 0}, 20));
    EXPECT_FALSE(p.Erase({2, 0, 0}, 20));
    EXPECT_EQ(p.Best()->agent, 50U);
}

TEST(WeightedPool, DrawsInProportionToWeight) {
    WeightedPool p({1, 2, 3});
    p.SetWeight(1, 1);
    p.SetWeight(2, 3);
    std::mt19937_64 rng(42);
    std::map<AgentIdx, int> seen;
    const int n = 40'000;
    for (int i = 0; i < n; ++i) {
        seen[*p.Draw(rng)]++;
    }
    EXPECT_EQ(seen.count(3), 0U);  // weight 0 never drawn
    EXPECT_NEAR(seen[2] / double(n), 0.75, 0.01);
    EXPECT_NEAR(seen[1] / double(n), 0.25, 0.01);
    p.SetWeight(1, 0);
    p.SetWeight(2, 0);
    EXPECT_FALSE(p.Draw(rng).has_value());
}

}  // namespace
}  // namespace hotline::routing
