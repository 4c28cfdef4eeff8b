// Unit tests of the engine's behaviour that a trace file cannot show well: distributions of the
// random strategies, determinism, and the realtime view.
#include "hotline/routing/engine.h"

#include <gtest/gtest.h>

#include <map>

#include "hotline/core/event_codec.h"
#include "hotline/core/virtual_clock.h"

namespace hotline::routing {
namespace {

struct Recorder : EventSink {
    void OnEvent(const Event& e) override {
        lines.push_back(EventToJson(e));
        events.push_back(e);
    }
    std::vector<std::string> lines;
    std::vector<Event> events;
};

CenterConfig Center(Strategy strategy, std::vector<int> levels) {
    CenterConfig c;
    c.skills.push_back({SkillId("s"), "s"});
    QueueConfig q;
    q.id = QueueId("q");
    q.skills = {{SkillId("s"), 1}};
    q.strategy = strategy;
    c.queues.push_back(q);
    for (size_t i = 0; i < levels.size(); ++i) {
        AgentConfig a;
        a.id = AgentId("a" + std::to_string(i));
        a.skills = {{SkillId("s"), levels[i]}};
        c.agents.push_back(a);
    }
    return c;
}

struct Harness {
    explicit Harness(CenterConfig c, uint64_t seed = 1)
        : rng(seed), engine(std::move(c), clock, clock, rng, recorder) {}
    // Offers n contacts one at a time to an all-idle center; counts who got each.
    std::map<std::string, int> Distribute(int n) {
        std::map<std::string, int> got;
        for (int i = 0; i < n; ++i) {
            InteractionId id("c" + std::to_string(i));
            EXPECT_TRUE(engine.Arrive({id, Channel::kVoice, "", "", ""}).ok());
            EXPECT_TRUE(engine.Enqueue({id, QueueId("q"), 0, {}}).ok());
            const auto* offer = recorder.events.back().As<events::AgentState>();
            EXPECT_NE(offer, nullptr);
            got[offer->agent.str()]++;
            EXPECT_TRUE(engine.Answer(id).ok());
            EXPECT_TRUE(engine.Hangup(id, HangupBy::kCustomer).ok());
            clock.AdvanceTo(clock.Now() + Duration{1000});
        }
        return got;
    }
    VirtualClock clock{FromMillis(1'000'000)};
    std::mt19937_64 rng;
    Recorder recorder;
    Engine engine;
};

TEST(RandomStrategy, SpreadsContactsEvenly) {
    Harness h(Center(Strategy::kRandom, {1, 5, 9}));
    for (const char* a : {"a0", "a1", "a2"}) {
        ASSERT_TRUE(h.engine.Login(AgentId(a), true).ok());
    }
    const int n = 30'000;
    auto got = h.Distribute(n);
    for (const char* a : {"a0", "a1", "a2"}) {
        EXPECT_NEAR(got[a] / double(n), 1.0 / 3, 0.015) << a;
    }
}

TEST(SkillWeightedRandomStrategy, FavoursHigherLevelsInProportion) {
    Harness h(Center(Strategy::kSkillWeightedRandom, {1, 3}));
    for (const char* a : {"a0", "a1"}) {
        ASSERT_TRUE(h.engine.Login(AgentId(a), true).ok());
    }
    const int n = 20'000;
    auto got = h.Distribute(n);
    EXPECT_NEAR(got["a0"] / double(n), 0.25, 0.015);
    EXPECT_NEAR(got["a1"] / double(n), 0.75, 0.015);
}

TEST(Engine, SameSeedSameEvents) {
    auto run = [](uint64_t seed) {
        Harness h(Center(Strategy::kRandom, {1, 2, 3, 4, 5}), seed);
        for (int i = 0; i < 5; ++i) {
            EXPECT_TRUE(h.engine.Login(AgentId("a" + std::to_string(i)), true).ok());
        }
        h.Distribute(200);
        return h.recorder.lines;
    };
    EXPECT_EQ(run(9), run(9));
    EXPECT_NE(run(9), run(10));
}

TEST(Engine, NotReadyAskedWhileRingingAppliesAfterTheCall) {
    Harness h(Center(Strategy::kLongestIdle, {5}));
    ASSERT_TRUE(h.engine.Login(AgentId("a0"), true).ok());
    ASSERT_TRUE(h.engine.Arrive({InteractionId("c"), Channel::kVoice, "", "", ""}).ok());
    ASSERT_TRUE(h.engine.Enqueue({InteractionId("c"), QueueId("q"), 0, {}}).ok());
    ASSERT_TRUE(h.engine.SetNotReady(AgentId("a0"), "meeting").ok());
    EXPECT_EQ(h.engine.Snapshot().agents[0].state, AgentStateKind::kReserved);
    ASSERT_TRUE(h.engine.Answer(InteractionId("c")).ok());
    ASSERT_TRUE(h.engine.Hangup(InteractionId("c"), HangupBy::kAgent).ok());
    auto view = h.engine.Snapshot().agents[0];
    EXPECT_EQ(view.state, AgentStateKind::kNotReady);
    EXPECT_EQ(view.reason, "meeting");
}

TEST(Engine, SnapshotShowsQueuesAndAgents) {
    CenterConfig c = Center(Strategy::kLongestIdle, {5, 5});
    c.queues[0].expected_handle = Duration{120'000};
    c.ring_timeout = Duration{60'000};
    Harness h(std::move(c));
    ASSERT_TRUE(h.engine.Login(AgentId("a0"), true).ok());
    ASSERT_TRUE(h.engine.Login(AgentId("a1"), false).ok());
    for (const char* id : {"c1", "c2", "c3"}) {
        ASSERT_TRUE(h.engine.Arrive({InteractionId(id), Channel::kVoice, "", "", ""}).ok());
        ASSERT_TRUE(h.engine.Enqueue({InteractionId(id), QueueId("q"), 0, {}}).ok());
        h.clock.AdvanceTo(h.clock.Now() + Duration{10'000});
    }
    RealtimeSnapshot snap = h.engine.Snapshot();
    const QueueView& q = snap.queues[0];
    EXPECT_EQ(q.waiting, 2);                      // c1 rings at a0
    EXPECT_EQ(q.longest_wait, Duration{20'000});  // c2, 20 s
    // (2 ahead + 1) × 120 s over the 2 logged-in agents (not-ready ones count: they are staffed).
    EXPECT_EQ(q.expected_wait, Duration{180'000});
    EXPECT_EQ(q.agents[static_cast<int>(AgentStateKind::kReserved)], 1);
    EXPECT_EQ(q.agents[static_cast<int>(AgentStateKind::kNotReady)], 1);
    EXPECT_EQ(snap.agents[0].time_in_state, Duration{30'000});
}

}  // namespace
}  // namespace hotline::routing
