#include "agent_pool.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace hotline::routing {
namespace {

TEST(OrderedPool, BestIsTheLowestKey) {
    OrderedPool p(3);
    p.Insert(0, 50, {5, 0, 0});
    p.Insert(1, 20, {2, 0, 0});
    p.Insert(2, 90, {9, 0, 0});
    EXPECT_EQ(p.Best()->agent, 20U);
    EXPECT_TRUE(p.Erase(1));
    EXPECT_FALSE(p.Erase(1));
    EXPECT_FALSE(p.Contains(1));
    EXPECT_EQ(p.Best()->agent, 50U);
    EXPECT_EQ(p.Best()->key, (RankKey{5, 0, 0}));
    p.Insert(1, 20, {7, 0, 0});  // back with a new rank
    EXPECT_EQ(p.Best()->agent, 50U);
    EXPECT_TRUE(p.Erase(0));
    EXPECT_EQ(p.Best()->agent, 20U);
    EXPECT_TRUE(p.Erase(1));
    EXPECT_TRUE(p.Erase(2));
    EXPECT_TRUE(p.empty());
    EXPECT_FALSE(p.Best().has_value());
}

// Drives `pool` (slots 0..n-1, agent = slot + 1000) with random inserts and erases beside a
// sorted set of the same entries; after every step the pool's best must be the set's first,
// and at the end the pool must give up its agents in the set's order.
template <class Pool, class NextKey>
void ChurnAgainstASortedSet(Pool& pool, size_t n, uint64_t seed, NextKey next_key) {
    std::set<std::pair<RankKey, Slot>> expect;
    std::map<Slot, RankKey> in;
    std::mt19937_64 rng(seed);
    for (int step = 0; step < 200'000; ++step) {
        Slot s = static_cast<Slot>(rng() % n);
        if (auto it = in.find(s); it != in.end()) {
            ASSERT_TRUE(pool.Erase(s));
            expect.erase({it->second, s});
            in.erase(it);
        } else {
            const RankKey key = next_key(rng, s);
            pool.Insert(s, s + 1000, key);
            expect.insert({key, s});
            in[s] = key;
        }
        ASSERT_EQ(pool.size(), expect.size());
        if (expect.empty()) {
            ASSERT_FALSE(pool.Best().has_value());
        } else {
            ASSERT_EQ(pool.Best()->agent, expect.begin()->second + 1000) << "step " << step;
            ASSERT_EQ(pool.Best()->key, expect.begin()->first);
        }
    }
    while (!expect.empty()) {
        ASSERT_EQ(pool.Best()->agent, expect.begin()->second + 1000);
        ASSERT_TRUE(pool.Erase(expect.begin()->second));
        expect.erase(expect.begin());
    }
    EXPECT_TRUE(pool.empty());
}

// The heap, with keys in any order and erases anywhere in it.
TEST(OrderedPool, AgreesWithASortedSetUnderRandomChurn) {
    OrderedPool pool(300);
    ChurnAgainstASortedSet(pool, 300, 3, [](std::mt19937_64& rng, Slot s) {
        return RankKey{static_cast<int64_t>(rng() % 50), static_cast<int64_t>(rng() % 3), s};
    });
}

// The list, as agents become free one after another: ties in the same millisecond arrive in
// any id order, now and then one comes with an earlier time, and agents leave from anywhere.
TEST(ArrivalPool, AgreesWithASortedSetWhenAgentsArriveRoughlyInOrder) {
    ArrivalPool pool(200);
    int64_t now = 0;
    ChurnAgainstASortedSet(pool, 200, 5, [&now](std::mt19937_64& rng, Slot s) {
        if (rng() % 3 == 0) {
            ++now;
        }
        const int64_t at = rng() % 50 == 0 ? now - static_cast<int64_t>(rng() % 20) : now;
        return RankKey{at, 0, s};
    });
}

TEST(CyclicPool, FirstAfterGoesForwardAndWraps) {
    CyclicPool p({7, 8, 9}, {2, 5, 9});  // agents 7, 8, 9 at configuration positions 2, 5, 9
    EXPECT_FALSE(p.FirstAfter(0).has_value());
    p.Insert(0);
    p.Insert(1);
    p.Insert(2);
    EXPECT_EQ(p.FirstAfter(2)->agent, 8U);
    EXPECT_EQ(p.FirstAfter(2)->key[0], 5);
    EXPECT_EQ(p.FirstAfter(-1)->agent, 7U);
    EXPECT_EQ(p.FirstAfter(9)->agent, 7U);  // wraps around
    EXPECT_TRUE(p.Erase(1));
    EXPECT_FALSE(p.Erase(1));
    EXPECT_EQ(p.FirstAfter(2)->agent, 9U);
    EXPECT_EQ(p.size(), 2U);
}

// Beyond one summary word (4,096 slots), with only a few members ready far apart.
TEST(CyclicPool, FindsTheNextReadyMemberAcrossAWideRequirement) {
    const size_t n = 10'000;
    std::vector<AgentIdx> members(n);
    std::vector<int64_t> orders(n);
    for (size_t i = 0; i < n; ++i) {
        members[i] = static_cast<AgentIdx>(i);
        orders[i] = static_cast<int64_t>(i * 2);
    }
    CyclicPool p(members, orders);
    p.Insert(5);
    p.Insert(4100);
    p.Insert(9999);
    EXPECT_EQ(p.FirstAfter(10)->agent, 4100U);
    EXPECT_EQ(p.FirstAfter(8200)->agent, 9999U);
    EXPECT_EQ(p.FirstAfter(2 * 9999)->agent, 5U);
    p.Erase(4100);
    EXPECT_EQ(p.FirstAfter(10)->agent, 9999U);
    p.Erase(9999);
    EXPECT_EQ(p.FirstAfter(10)->agent, 5U);
}

TEST(WeightedPool, DrawsInProportionToWeight) {
    WeightedPool p({1, 2, 3});  // slots 0, 1, 2
    p.SetWeight(0, 1);
    p.SetWeight(1, 3);
    std::mt19937_64 rng(42);
    std::map<AgentIdx, int> seen;
    const int n = 40'000;
    for (int i = 0; i < n; ++i) {
        seen[*p.Draw(rng)]++;
    }
    EXPECT_EQ(seen.count(3), 0U);  // weight 0 never drawn
    EXPECT_NEAR(seen[2] / double(n), 0.75, 0.01);
    EXPECT_NEAR(seen[1] / double(n), 0.25, 0.01);
    p.SetWeight(0, 0);
    p.SetWeight(1, 0);
    EXPECT_FALSE(p.Draw(rng).has_value());
}

}  // namespace
}  // namespace hotline::routing
