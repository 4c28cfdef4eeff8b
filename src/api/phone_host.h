#pragma once
// Call control on the live center: each step is a LiveCenter command (its events durable
// together), its timers are the companions' timers, and the engine's events reach it as a
// companion's.

#include <iostream>

#include "live_center.h"
#include "phone_calls.h"

namespace hotline::api {

class LivePhoneHost final : public CallHost, public EngineCompanion {
  public:
    explicit LivePhoneHost(LiveCenter& live) : live_(live) {}
    void SetCalls(PhoneCalls* calls) { calls_ = calls; }

    void Run(std::function<Status(CallContext&)> step) override {
        live_.Command(
            [step = std::move(step)](routing::Engine& engine, LiveView& v) {
                CallContext ctx{engine, v.sink, v.now};
                return step(ctx);
            },
            [](const Status& st) {
                // A step that no longer applies (the contact moved on meanwhile) is expected;
                // anything else is worth a line.
                if (!st.ok() && st.code() != ErrorCode::kFailedPrecondition &&
                    st.code() != ErrorCode::kNotFound) {
                    std::cerr << "hotline: call control: " << st.message() << "\n";
                }
            });
    }
    TimerService& timers() override { return live_.companion_timers(); }
    Timestamp Now() const override { return live_.Now(); }

    void Attach(routing::Engine& engine, const routing::EngineState& /*state*/) override {
        if (calls_ != nullptr) {
            calls_->Attach(engine);
        }
    }
    void OnEvent(const Event& e) override {
        if (calls_ != nullptr) {
            calls_->OnEngineEvent(e);
        }
    }

  private:
    LiveCenter& live_;
    PhoneCalls* calls_ = nullptr;
};

}  // namespace hotline::api
