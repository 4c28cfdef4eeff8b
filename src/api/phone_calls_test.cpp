// Call control against the fake telephony and the real engine on a virtual clock: what a caller
// hears and what the agents' phones are asked to do, step by step, and the contact's events.
#include "phone_calls.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/core/virtual_clock.h"
#include "hotline/telephony/fake_telephony.h"

namespace hotline::api {
namespace {

using telephony::EndCause;
using telephony::FakeTelephony;
using TelEvent = telephony::Event;
using ::testing::ElementsAre;

constexpr const char* kCenter = R"(
center:
  name: test
  timezone: UTC
  ring_timeout: 10s
skills: [{id: general}]
queues:
  - id: general
    skills: {general: 1}
    wrapup: 5s
    record: true
    announcements: {greeting: queue_welcome, music: calm, announce_position: true, every: 30s}
teams: [{id: t1}]
agents:
  - {id: a01, team: t1, skills: {general: 5}, sip: "sip:a01@127.0.0.1:5081"}
  - {id: a02, team: t1, skills: {general: 4}, sip: "sip:a02@127.0.0.1:5082"}
  - {id: a03, team: t1, skills: {general: 1}}
ivr:
  - id: main
    start: welcome
    nodes:
      welcome: {play: prompts/welcome, duration: 3s, next: menu}
      menu:
        menu: prompts/main_menu
        timeout: 4s
        retries: 1
        options: {"1": general_queue, "2": goodbye}
        on_fail: goodbye
      general_queue: {queue: general}
      goodbye: {hangup: prompts/goodbye}
)";

const Timestamp kT0 = Timestamp{Duration{1'700'000'000'000}};

// The engine on a virtual clock; steps run at once, in order (a step asked for during a step
// runs after it, as on the live center's thread).
class TestHost final : public CallHost, public EventSink {
  public:
    explicit TestHost(CenterConfig center) : clock_(kT0) {
        engine_ = std::make_unique<routing::Engine>(std::move(center), clock_, clock_, rng_, *this);
    }
    void SetCalls(PhoneCalls* calls) {
        calls_ = calls;
        calls_->Attach(*engine_);
    }
    void Run(std::function<Status(CallContext&)> step) override {
        pending_.push_back(std::move(step));
        if (running_) {
            return;
        }
        running_ = true;
        while (!pending_.empty()) {
            auto next = std::move(pending_.front());
            pending_.pop_front();
            CallContext ctx{*engine_, *this, clock_.Now()};
            if (Status st = next(ctx); !st.ok()) {
                failures.push_back(st.message());
            }
        }
        running_ = false;
    }
    TimerService& timers() override { return clock_; }
    Timestamp Now() const override { return clock_.Now(); }
    void OnEvent(const Event& e) override {
        events.push_back(e);
        if (calls_ != nullptr) {
            calls_->OnEngineEvent(e);
        }
    }
    void Advance(Duration d) { clock_.AdvanceTo(clock_.Now() + d); }
    routing::Engine& engine() { return *engine_; }

    // The events' types and key fields, for comparing traces.
    std::vector<std::string> Trace(const std::string& id) const {
        std::vector<std::string> out;
        for (const auto& e : events) {
            std::string line = EventToText(e, kT0);
            if (line.find("id=" + id) != std::string::npos) {
                out.push_back(std::string(e.type()));
            }
        }
        return out;
    }
    std::vector<Event> events;
    std::vector<std::string> failures;

  private:
    VirtualClock clock_;
    std::mt19937_64 rng_{1};
    std::unique_ptr<routing::Engine> engine_;
    PhoneCalls* calls_ = nullptr;
    std::deque<std::function<Status(CallContext&)>> pending_;
    bool running_ = false;
};

CenterConfig Center() {
    auto loaded = config::LoadCenterFromString(kCenter, "test.yaml");
    EXPECT_TRUE(loaded.ok());
    return std::move(loaded.center);
}

class PhoneCallsTest : public ::testing::Test {
  protected:
    PhoneCallsTest() : host(Center()), calls(tel, host, Options()) { host.SetCalls(&calls); }
    static PhoneOptions Options() {
        PhoneOptions o;
        o.recordings = "/rec";
        o.trunk = "sip:{number}@trunk.example:5060";
        return o;
    }

    TelEvent Ev(TelEvent::Kind k, telephony::LegId leg) {
        TelEvent e;
        e.kind = k;
        e.leg = leg;
        return e;
    }
    telephony::LegId Call(const std::string& from, const std::string& to = "4008") {
        const auto leg = tel.NewIncomingLeg();
        TelEvent e = Ev(TelEvent::Kind::kIncoming, leg);
        e.from = from;
        e.to = to;
        tel.Deliver(e);
        return leg;
    }
    void Played(telephony::LegId leg) { tel.Deliver(Ev(TelEvent::Kind::kPlaybackDone, leg)); }
    void Key(telephony::LegId leg, char d) {
        TelEvent e = Ev(TelEvent::Kind::kDtmf, leg);
        e.digit = d;
        tel.Deliver(e);
    }
    void Ended(telephony::LegId leg, EndCause cause = EndCause::kNormal) {
        TelEvent e = Ev(TelEvent::Kind::kEnded, leg);
        e.cause = cause;
        tel.Deliver(e);
    }
    std::string ContactId() const {
        for (const auto& e : host.events) {
            if (const auto* a = e.As<events::Arrive>()) {
                return a->id.str();
            }
        }
        return "";
    }
    // Through the IVR to the queue with menu key 1.
    telephony::LegId IntoQueue(const std::string& from = "13812345678") {
        const auto leg = Call(from);
        Played(leg);    // welcome
        Key(leg, '1');  // menu: general
        return leg;
    }

    FakeTelephony tel;
    TestHost host;
    PhoneCalls calls;
};

TEST_F(PhoneCallsTest, CallerWalksTheMenuQueuesAndTalksToTheRungAgent) {
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    const auto caller = Call("13812345678");
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("answer 1", "play 1 prompts/welcome zh-CN"));
    Played(caller);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("play 1 prompts/main_menu zh-CN interruptible"));
    Key(caller, '1');
    // Into the queue: a01 is free, so its phone rings at once (showing the caller's number),
    // and the caller hears the queue's greeting meanwhile.
    EXPECT_THAT(tel.TakeCommands(),
                ElementsAre("originate 2 sip:a01@127.0.0.1:5081", "play 1 queue_welcome zh-CN"));
    EXPECT_EQ(tel.originated().back().from_display, "13812345678");
    Played(caller);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("music 1 calm"));
    tel.Deliver(Ev(TelEvent::Kind::kRinging, 2));
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 2));
    const std::string id = ContactId();
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("bridge 1 2", "record 1 /rec/" + id + ".wav"));
    host.Advance(Duration{60000});
    Ended(caller);  // the caller hangs up: the agent's phone is hung up too
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("stop_recording 1", "hangup 2"));
    EXPECT_THAT(host.Trace(id),
                ElementsAre("arrive", "ivr_enter", "ivr_input", "ivr_exit", "enqueue", "offer",
                            "answer", "recording", "recording", "hangup"));
    EXPECT_EQ(calls.calls(), 0u);
    EXPECT_TRUE(host.failures.empty()) << host.failures.front();
    auto a01 = host.engine().Agent(AgentId{"a01"});
    EXPECT_EQ(a01->state, routing::AgentStateKind::kWrapup);
}

TEST_F(PhoneCallsTest, RecordingPausesAndResumes) {
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    const auto caller = IntoQueue();
    const InteractionId id{ContactId()};
    host.Run([&](CallContext& ctx) {
        EXPECT_EQ(calls.PauseRecording(ctx, id, true).code(), ErrorCode::kFailedPrecondition);
        return Status::Ok();
    });
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 2));
    tel.TakeCommands();
    host.Run([&](CallContext& ctx) {
        EXPECT_TRUE(calls.PauseRecording(ctx, id, true).ok());
        EXPECT_TRUE(calls.PauseRecording(ctx, id, true).ok());  // already paused: nothing new
        EXPECT_TRUE(calls.PauseRecording(ctx, id, false).ok());
        EXPECT_EQ(calls.PauseRecording(ctx, InteractionId{"nope"}, true).code(),
                  ErrorCode::kNotFound);
        return Status::Ok();
    });
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("pause_recording 1", "resume_recording 1"));
    std::vector<std::string> actions;
    for (const auto& e : host.events) {
        if (const auto* r = e.As<events::Recording>()) {
            actions.push_back(r->action);
        }
    }
    EXPECT_THAT(actions, ElementsAre("start", "pause", "resume"));
    Ended(caller);
}

TEST_F(PhoneCallsTest, AgentHangingUpEndsTheCallersLeg) {
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    const auto caller = IntoQueue();
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 2));
    tel.TakeCommands();
    Ended(2);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("stop_recording 1", "hangup 1"));
    std::string by;
    for (const auto& e : host.events) {
        if (const auto* h = e.As<events::Hangup>()) {
            by = h->by + "/" + h->stage;
        }
    }
    EXPECT_EQ(by, "agent/talk");
    Ended(caller);  // the adapter confirms the caller's leg is gone
    EXPECT_EQ(calls.calls(), 0u);
}

TEST_F(PhoneCallsTest, RingNoAnswerCancelsThePhoneAndRingsTheNextAgent) {
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    ASSERT_TRUE(host.engine().Login(AgentId{"a02"}, true).ok());
    IntoQueue();
    EXPECT_THAT(tel.TakeCommands(),
                ElementsAre("answer 1", "play 1 prompts/welcome zh-CN",
                            "play 1 prompts/main_menu zh-CN interruptible",
                            "originate 2 sip:a01@127.0.0.1:5081", "play 1 queue_welcome zh-CN"));
    host.Advance(Duration{10000});  // the engine's ring timeout
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("hangup 2", "originate 3 sip:a02@127.0.0.1:5082"));
    // a01's phone answering late is hung up; a02 answers and is bridged.
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 2));
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 3));
    EXPECT_THAT(tel.TakeCommands(),
                ElementsAre("hangup 2", "bridge 1 3", testing::StartsWith("record 1")));
}

TEST_F(PhoneCallsTest, BusyPhoneIsAnOfferFailedAsBusy) {
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    IntoQueue();
    tel.TakeCommands();
    Ended(2, EndCause::kBusy);
    bool busy = false;
    for (const auto& e : host.events) {
        if (const auto* f = e.As<events::OfferFail>()) {
            busy = f->why == "busy" && f->agent.str() == "a01";
        }
    }
    EXPECT_TRUE(busy);
}

TEST_F(PhoneCallsTest, CallerAbandoningWhileQueuedIsAnAbandon) {
    const auto caller = IntoQueue();  // nobody logged in: the caller waits with music
    Played(caller);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("answer 1", "play 1 prompts/welcome zh-CN",
                                                "play 1 prompts/main_menu zh-CN interruptible",
                                                "play 1 queue_welcome zh-CN", "music 1 calm"));
    host.Advance(Duration{40000});
    Ended(caller);
    const std::string id = ContactId();
    EXPECT_THAT(host.Trace(id), ElementsAre("arrive", "ivr_enter", "ivr_input", "ivr_exit",
                                            "enqueue", "abandon", "hangup"));
}

TEST_F(PhoneCallsTest, PositionAndWaitAreAnnouncedFromNumberPrompts) {
    IntoQueue("13800000001");
    IntoQueue("13800000002");
    Played(2);  // the second caller's greeting
    tel.TakeCommands();
    host.Advance(Duration{30000});
    // Nobody is logged in: the queue's expected handle time (3 min) per caller ahead, over one
    // agent (the estimate never divides by zero).
    EXPECT_THAT(
        tel.TakeCommands(),
        ElementsAre("play 1 queue_ahead,num_0,queue_callers,queue_wait,num_3,queue_minutes zh-CN",
                    "play 2 queue_ahead,num_1,queue_callers,queue_wait,num_6,queue_minutes zh-CN"));
    Played(2);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("music 2 calm"));
}

TEST_F(PhoneCallsTest, MenuTimeoutAsksAgainThenFails) {
    const auto caller = Call("13812345678");
    Played(caller);
    tel.TakeCommands();
    host.Advance(Duration{3000});
    EXPECT_TRUE(tel.TakeCommands().empty());  // the timeout counts from the prompt's end
    Played(caller);
    host.Advance(Duration{4000});
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("play 1 prompts/main_menu zh-CN interruptible"));
    Played(caller);
    host.Advance(Duration{4000});  // retries spent: on_fail goodbye, then the line is dropped
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("play 1 prompts/goodbye zh-CN"));
    Played(caller);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("hangup 1"));
}

TEST_F(PhoneCallsTest, AgentWithoutAPhoneIsSkipped) {
    ASSERT_TRUE(host.engine().Login(AgentId{"a03"}, true).ok());
    IntoQueue();
    host.Advance(Duration{0});
    bool rejected = false;
    for (const auto& e : host.events) {
        if (const auto* f = e.As<events::OfferFail>()) {
            rejected = f->agent.str() == "a03";
        }
    }
    EXPECT_TRUE(rejected);
    for (const auto& c : tel.TakeCommands()) {
        EXPECT_FALSE(c.starts_with("originate")) << c;
    }
}

TEST_F(PhoneCallsTest, CallbackRingsTheAgentThenDialsTheCustomer) {
    const auto caller = IntoQueue("13900001111");
    const InteractionId id{ContactId()};
    InteractionId callback;
    host.Run([&](CallContext& ctx) {
        auto cb = ctx.engine.RequestCallback(id, "13900001111");
        EXPECT_TRUE(cb.ok());
        callback = *cb;
        return Status::Ok();
    });
    Ended(caller);  // the caller hangs up after asking
    tel.TakeCommands();
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    // The callback's turn: a01's phone rings first, showing the number to call.
    auto cmds = tel.TakeCommands();
    ASSERT_THAT(cmds, ElementsAre("originate 2 sip:a01@127.0.0.1:5081"));
    EXPECT_EQ(tel.originated().back().from_display, "13900001111");
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 2));
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("originate 3 sip:13900001111@trunk.example:5060"));
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 3));
    EXPECT_THAT(tel.TakeCommands(),
                ElementsAre("bridge 3 2", "record 3 /rec/" + callback.str() + ".wav"));
    Ended(3);  // the customer hangs up
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("stop_recording 3", "hangup 2"));
    EXPECT_THAT(host.Trace(callback.str()), testing::IsSupersetOf({"offer", "answer", "hangup"}));
    EXPECT_EQ(calls.calls(), 0u);
    EXPECT_TRUE(host.failures.empty()) << host.failures.front();
}

TEST_F(PhoneCallsTest, CallbackCustomerNotAnsweringEndsItForTheCenter) {
    const auto caller = IntoQueue("13900001111");
    host.Run([&](CallContext& ctx) {
        return ctx.engine.RequestCallback(InteractionId{ContactId()}, "13900001111").status();
    });
    Ended(caller);
    ASSERT_TRUE(host.engine().Login(AgentId{"a01"}, true).ok());
    tel.Deliver(Ev(TelEvent::Kind::kAnswered, 2));
    tel.TakeCommands();
    Ended(3, EndCause::kNoAnswer);
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("hangup 2"));
    bool by_system = false;
    for (const auto& e : host.events) {
        if (const auto* hh = e.As<events::Hangup>()) {
            by_system = hh->by == "system" && hh->stage == "talk";
        }
    }
    EXPECT_TRUE(by_system);
    EXPECT_EQ(calls.calls(), 0u);
}

TEST_F(PhoneCallsTest, DialledQueueSkipsTheIvr) {
    Call("13812345678", "general");
    EXPECT_THAT(tel.TakeCommands(), ElementsAre("answer 1", "play 1 queue_welcome zh-CN"));
}

}  // namespace
}  // namespace hotline::api
