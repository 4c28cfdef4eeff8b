// A restarted engine carries on where the old one stood: its state is rebuilt from the events
// alone (EngineStateBuilder) and loaded with Engine::Restore.
#include <gtest/gtest.h>

#include "hotline/core/event_codec.h"
#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"

namespace hotline::routing {
namespace {

struct Recorder : EventSink {
    void OnEvent(const Event& e) override {
        events.push_back(e);
        builder.Apply(e);
    }
    std::vector<std::string> Lines(size_t from = 0) const {
        std::vector<std::string> out;
        for (size_t i = from; i < events.size(); ++i) {
            out.push_back(EventToJson(events[i]));
        }
        return out;
    }
    std::vector<Event> events;
    EngineStateBuilder builder;
};

CenterConfig Center() {
    CenterConfig c;
    c.skills.push_back({SkillId("s"), "s"});
    for (const char* name : {"q1", "q2"}) {
        QueueConfig q;
        q.id = QueueId(name);
        q.skills = {{SkillId("s"), 1}};
        q.wrapup = Duration{30'000};
        c.queues.push_back(q);
    }
    for (int i = 0; i < 4; ++i) {
        AgentConfig a;
        a.id = AgentId("a" + std::to_string(i));
        a.skills = {{SkillId("s"), 1}};
        c.agents.push_back(a);
    }
    return c;
}

struct Side {
    explicit Side(Timestamp start)
        : clock(start), rng(7), engine(Center(), clock, clock, rng, rec) {}
    VirtualClock clock;
    std::mt19937_64 rng;
    Recorder rec;
    Engine engine;
};

void Arrive(Engine& e, const std::string& id, const std::string& queue, int priority = 0) {
    ASSERT_TRUE(e.Arrive({InteractionId(id), Channel::kVoice, "13800000000", "", ""}).ok());
    ASSERT_TRUE(e.Enqueue({InteractionId(id), QueueId(queue), priority, {}}).ok());
}

// Answers whatever rings, so that the state holds no ringing offer.
void AnswerRinging(Engine& e, Recorder& r, size_t from) {
    for (size_t i = from; i < r.events.size(); ++i) {
        if (const auto* o = r.events[i].As<events::Offer>()) {
            (void)e.Answer(o->id);
        }
    }
}

TEST(Restore, ARestartedEngineDoesExactlyWhatTheOldOneWouldHaveDone) {
    Side old_side(FromMillis(1'000'000));
    Engine& e = old_side.engine;
    VirtualClock& clock = old_side.clock;
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(e.Login(AgentId("a" + std::to_string(i)), true).ok());
    }
    ASSERT_TRUE(e.Login(AgentId("a3"), false).ok());
    clock.AdvanceTo(clock.Now() + Duration{1000});
    size_t mark = old_side.rec.events.size();
    Arrive(e, "c0", "q1");
    AnswerRinging(e, old_side.rec, mark);
    clock.AdvanceTo(clock.Now() + Duration{1000});
    mark = old_side.rec.events.size();
    Arrive(e, "c1", "q2");
    AnswerRinging(e, old_side.rec, mark);
    ASSERT_TRUE(e.Hold(InteractionId("c1")).ok());
    clock.AdvanceTo(clock.Now() + Duration{1000});
    mark = old_side.rec.events.size();
    Arrive(e, "c2", "q1");
    AnswerRinging(e, old_side.rec, mark);
    ASSERT_TRUE(e.Hangup(InteractionId("c2"), HangupBy::kCustomer).ok());  // wrap-up runs
    ASSERT_TRUE(e.ExtendWrapup(AgentId("a2"), InteractionId("c2"), Duration{20'000}).ok());
    clock.AdvanceTo(clock.Now() + Duration{1000});
    Arrive(e, "c3", "q1");
    Arrive(e, "c4", "q2");
    Arrive(e, "c5", "q1", 5);                                // jumps the line
    ASSERT_TRUE(e.SetNotReady(AgentId("a0"), "meal").ok());  // asked while talking
    clock.AdvanceTo(clock.Now() + Duration{5000});

    // The server stops here. A new engine, same configuration, reads the log.
    Side new_side(clock.Now());
    auto rep = new_side.engine.Restore(old_side.rec.builder.State());
    ASSERT_TRUE(rep.ok()) << rep.status().ToString();
    EXPECT_EQ(rep->agents, 4);
    EXPECT_EQ(rep->contacts, 5);  // c0, c1 talking; c3, c4, c5 waiting
    EXPECT_EQ(rep->wraps, 1);
    EXPECT_EQ(rep->offers_returned, 0);
    EXPECT_TRUE(rep->dropped.empty());
    EXPECT_TRUE(new_side.rec.events.empty()) << new_side.rec.Lines()[0];
    EXPECT_TRUE(new_side.engine.CheckInvariants().ok());

    const RealtimeSnapshot before = e.Snapshot(), after = new_side.engine.Snapshot();
    ASSERT_EQ(before.queues.size(), after.queues.size());
    for (size_t q = 0; q < before.queues.size(); ++q) {
        EXPECT_EQ(before.queues[q].waiting, after.queues[q].waiting) << before.queues[q].id.str();
        EXPECT_EQ(before.queues[q].longest_wait, after.queues[q].longest_wait);
        EXPECT_EQ(before.queues[q].agents, after.queues[q].agents);
    }
    for (size_t a = 0; a < before.agents.size(); ++a) {
        EXPECT_EQ(before.agents[a].state, after.agents[a].state) << before.agents[a].id.str();
        EXPECT_EQ(before.agents[a].reason, after.agents[a].reason);
        EXPECT_EQ(before.agents[a].time_in_state, after.agents[a].time_in_state);
        EXPECT_EQ(before.agents[a].contacts, after.agents[a].contacts);
    }

    // From here on both get the same commands and must say the same things.
    const size_t old_mark = old_side.rec.events.size();
    for (Side* side : {&old_side, &new_side}) {
        Engine& en = side->engine;
        ASSERT_TRUE(en.Unhold(InteractionId("c1")).ok());
        ASSERT_TRUE(en.Hangup(InteractionId("c0"), HangupBy::kAgent).ok());
        side->clock.AdvanceTo(side->clock.Now() + Duration{60'000});  // wrap-ups end
        const size_t m = side->rec.events.size();
        ASSERT_TRUE(en.SetReady(AgentId("a3")).ok());
        AnswerRinging(en, side->rec, m);
        side->clock.AdvanceTo(side->clock.Now() + Duration{60'000});
        EXPECT_TRUE(en.CheckInvariants().ok());
    }
    EXPECT_EQ(old_side.rec.Lines(old_mark), new_side.rec.Lines());
    EXPECT_GT(new_side.rec.events.size(), 8u);
}

TEST(Restore, ARingingOfferCutOffByTheRestartGoesBackToItsPlace) {
    Side old_side(FromMillis(2'000'000));
    Engine& e = old_side.engine;
    ASSERT_TRUE(e.Login(AgentId("a0"), true).ok());
    Arrive(e, "c0", "q1");  // rings at a0
    old_side.clock.AdvanceTo(old_side.clock.Now() + Duration{2000});
    Arrive(e, "c1", "q1");  // waits behind it

    Side new_side(old_side.clock.Now());
    auto rep = new_side.engine.Restore(old_side.rec.builder.State());
    ASSERT_TRUE(rep.ok());
    EXPECT_EQ(rep->offers_returned, 1);
    std::vector<std::string> types;
    for (const Event& ev : new_side.rec.events) {
        types.emplace_back(ev.type());
    }
    // The lost ring is reported, the agent is free, and c0, first in line, rings again.
    ASSERT_EQ(types,
              (std::vector<std::string>{"offer_fail", "agent_state", "offer", "agent_state"}));
    EXPECT_EQ(new_side.rec.events[0].As<events::OfferFail>()->why, "restart");
    EXPECT_EQ(new_side.rec.events[2].As<events::Offer>()->id.str(), "c0");
    EXPECT_TRUE(new_side.engine.CheckInvariants().ok());
}

TEST(Restore, WhatTheNewConfigurationLacksEndsWithAnEvent) {
    Side old_side(FromMillis(3'000'000));
    Engine& e = old_side.engine;
    Arrive(e, "c0", "q2");  // nobody logged in: waits
    ASSERT_TRUE(e.Login(AgentId("a3"), false).ok());
    CenterConfig smaller = Center();
    smaller.queues.pop_back();  // q2 removed
    smaller.agents.pop_back();  // a3 removed
    VirtualClock clock(old_side.clock.Now());
    std::mt19937_64 rng(1);
    Recorder rec;
    Engine fresh(smaller, clock, clock, rng, rec);
    auto rep = fresh.Restore(old_side.rec.builder.State());
    ASSERT_TRUE(rep.ok());
    ASSERT_EQ(rep->dropped.size(), 2u);
    ASSERT_EQ(rec.events.size(), 2u);
    EXPECT_EQ(rec.events[0].As<events::Hangup>()->reason, "restart");
    EXPECT_EQ(rec.events[1].As<events::AgentLogout>()->agent.str(), "a3");
}

}  // namespace
}  // namespace hotline::routing
