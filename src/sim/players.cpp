#include "hotline/sim/players.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <random>
#include <unordered_map>

#include "hotline/ivr/session.h"

namespace hotline::sim {
namespace {

// Draws far beyond any run (a patience of centuries) are capped so time arithmetic cannot overflow.
Duration Ms(double seconds) {
    constexpr double kMaxMs = 1e13;  // about 300 years
    return Duration{static_cast<int64_t>(std::clamp(seconds * 1000.0 + 0.5, 0.0, kMaxMs))};
}

// The players read the time and set timers through one handle, as they did on the virtual clock.
struct ClockAndTimers {
    ClockAndTimers(Clock& c, TimerService& t) : clock(c), timers(t) {}
    Timestamp Now() const { return clock.Now(); }
    TimerId Schedule(Timestamp at, std::function<void()> fire) {
        return timers.Schedule(at, std::move(fire));
    }
    Clock& clock;
    TimerService& timers;
};

}  // namespace

// Plays the callers and agents around the engine. It acts through timers at the current instant,
// never from inside the engine's event callback.
class Players::Impl : public EventSink {
  public:
    Impl(const Scenario& s, const CenterConfig& center, EventSink& out, Clock& clock,
         TimerService& timers, uint64_t seed)
        : scenario_(s), out_(out), clock_(clock, timers), rng_(seed) {
        for (const auto& q : s.queues) {  // a chat queue gets chats, an email queue emails
            const QueueConfig* qc = center.FindQueue(q.queue);
            channels_.push_back(qc != nullptr ? qc->channel : Channel::kVoice);
        }
        for (const auto& e : s.ivr) {
            flows_.push_back(center.FindFlow(e.flow));
        }
        is_open_ = [] { return true; };  // unless the caller gives the center's business hours
    }

    void Attach(routing::Engine* engine) { engine_ = engine; }
    void SetBusinessHours(std::function<bool()> open) { is_open_ = std::move(open); }
    int64_t events() const { return events_; }

    void StartArrivals(Timestamp origin, Timestamp end) {
        origin_ = origin;
        end_ = end;
        for (size_t q = 0; q < scenario_.queues.size(); ++q) {
            ScheduleArrival(q, origin);
        }
        for (const auto& r : scenario_.replay) {
            if (origin + r.offset < end) {
                clock_.Schedule(origin + r.offset, [this, r] { Arrive(r.queue, r.talk_s); });
            }
        }
        for (size_t e = 0; e < scenario_.ivr.size(); ++e) {
            if (flows_[e] != nullptr) {
                ScheduleNext(scenario_.ivr[e].arrivals, origin, [this, e] { IvrArrive(e); });
            }
        }
    }

    // The roster: log in at the shift's start, breaks not ready, log out at its end — after the
    // call in hand, retried every 30 s until the engine accepts it.
    void StartRoster(Timestamp origin) {
        for (const auto& shift : scenario_.roster) {
            const AgentId agent = shift.agent;
            clock_.Schedule(origin + shift.start,
                            [this, agent] { (void)engine_->Login(agent, true); });
            for (const auto& [from, to] : shift.breaks) {
                clock_.Schedule(origin + from,
                                [this, agent] { (void)engine_->SetNotReady(agent, "break"); });
                clock_.Schedule(origin + to, [this, agent] { (void)engine_->SetReady(agent); });
            }
            clock_.Schedule(origin + shift.end, [this, agent] {
                (void)engine_->SetNotReady(agent, "end_of_shift");
                LogoutWhenFree(agent);
            });
        }
    }

    void LogoutWhenFree(const AgentId& agent) {
        const Status st = engine_->Logout(agent);
        if (st.ok() || st.code() != ErrorCode::kFailedPrecondition) {
            return;  // done, or not logged in
        }
        clock_.Schedule(clock_.Now() + std::chrono::seconds(30),
                        [this, agent] { LogoutWhenFree(agent); });
    }

    // Agents on duty follow the staffing profile: at each interval the first k of the queue's
    // agents are ready, the others not ready ("off_shift"; one busy finishes its call first).
    void StartStaffing(const CenterConfig& center) {
        for (size_t q = 0; q < scenario_.queues.size(); ++q) {
            const auto& staffing = Queue(q).staffing;
            if (!staffing) {
                continue;
            }
            std::vector<AgentId> pool;
            for (const auto& a : center.agents) {
                if (a.team.str() == Queue(q).queue.str()) {
                    pool.push_back(a.id);
                }
            }
            for (Timestamp t = origin_; t < end_; t += staffing->interval) {
                const int on = staffing->At(t - origin_);
                clock_.Schedule(t, [this, pool, on] {
                    for (size_t i = 0; i < pool.size(); ++i) {
                        if (static_cast<int>(i) < on) {
                            (void)engine_->SetReady(pool[i]);
                        } else {
                            (void)engine_->SetNotReady(pool[i], "off_shift");
                        }
                    }
                });
            }
        }
    }

    void OnEvent(const Event& e) override {
        ++events_;
        out_.OnEvent(e);
        if (const auto* offer = e.As<events::Offer>()) {
            if (simulated_ && !simulated_(offer->agent)) {
                return;  // a person sits at this desk and answers for themself
            }
            const InteractionId id = offer->id;
            clock_.Schedule(e.ts, [this, id] { (void)engine_->Answer(id); });
        } else if (const auto* answer = e.As<events::Answer>()) {
            auto it = live_.find(answer->id.str());
            if (it == live_.end()) {  // a callback the engine created: talk like its queue's calls
                it = live_
                         .emplace(
                             answer->id.str(),
                             Live{QueueIndex(answer->queue).value_or(0), false, {}, std::nullopt})
                         .first;
            }
            it->second.waiting = false;
            it->second.agent = answer->agent;
            const InteractionId id = answer->id;
            const double talk = it->second.talk_s
                                    ? *it->second.talk_s
                                    : Queue(it->second.queue).handle_time.Sample(rng_);
            clock_.Schedule(e.ts + Ms(talk), [this, id] {
                (void)engine_->Hangup(id, routing::HangupBy::kCustomer);
            });
        } else if (const auto* hangup = e.As<events::Hangup>()) {
            auto it = live_.find(hangup->id.str());
            if (it == live_.end()) {
                return;
            }
            const auto& acw = Queue(it->second.queue).after_call_work;
            if (acw && hangup->stage == "talk") {
                const AgentId agent = it->second.agent;
                const InteractionId id = hangup->id;
                clock_.Schedule(e.ts + Ms(acw->Sample(rng_)),
                                [this, agent, id] { (void)engine_->FinishWrapup(agent, id, ""); });
            }
            live_.erase(it);
        }
    }

    int64_t arrivals() const { return arrivals_; }
    bool idle() const { return live_.empty() && in_ivr_.empty(); }

    // Contacts the players did not start (a restarted server's): waiting ones get a patience,
    // talking ones a rest of their talk; ones cut off in the IVR hang up.
    void Adopt(const routing::EngineState& state) {
        for (const auto& c : state.contacts) {
            const std::string id = c.id.str();
            if (live_.contains(id)) {
                continue;
            }
            const size_t q = QueueIndex(c.queue).value_or(0);
            switch (c.stage) {
                case routing::RestoredContact::Stage::kArrived:
                    clock_.Schedule(clock_.Now(), [this, iid = c.id] {
                        (void)engine_->Hangup(iid, routing::HangupBy::kCustomer);
                    });
                    break;
                case routing::RestoredContact::Stage::kQueued:
                case routing::RestoredContact::Stage::kOffered:
                    StartWaiting(id, q);
                    break;
                case routing::RestoredContact::Stage::kTalking: {
                    live_[id] = Live{q, false, c.agent, std::nullopt};
                    const double talk = Queue(q).handle_time.Sample(rng_);
                    clock_.Schedule(clock_.Now() + Ms(talk), [this, iid = c.id] {
                        (void)engine_->Hangup(iid, routing::HangupBy::kCustomer);
                    });
                    break;
                }
            }
        }
    }

  private:
    struct Live {
        size_t queue = 0;
        bool waiting = true;
        AgentId agent;
        std::optional<double> talk_s;  // replayed contacts talk as long as they did
    };

    const QueueTraffic& Queue(size_t q) const { return scenario_.queues[q]; }

    // Poisson arrivals with a piecewise-constant rate: an exponential gap at the current rate,
    // restarted at each interval boundary (memorylessness makes that exact).
    void ScheduleNext(const Arrivals& a, Timestamp from, std::function<void()> fire) {
        Timestamp t = from;
        while (t < end_) {
            const Duration since = t - origin_;
            // The rate changes at interval boundaries, and at midnight (weekday factors).
            const Duration step = a.per_interval.empty() ? Duration{86'400'000} : a.interval;
            const Timestamp boundary = origin_ + (since / step + 1) * step;
            const double rate = a.RateAt(since);
            if (rate <= 0) {
                t = boundary;
                continue;
            }
            const Timestamp next = t + Ms(-std::log(Uniform()) / rate);
            if (next >= boundary) {
                t = boundary;
                continue;
            }
            if (next >= end_) {
                return;
            }
            clock_.Schedule(next, std::move(fire));
            return;
        }
    }

    void ScheduleArrival(size_t q, Timestamp from) {
        ScheduleNext(Queue(q).arrivals, from, [this, q] {
            Arrive(q, std::nullopt);
            ScheduleArrival(q, clock_.Now());
        });
    }

    double Uniform() { return (static_cast<double>(rng_() >> 11) + 1.0) * 0x1.0p-53; }

    // A waiting contact: its patience runs from now.
    void StartWaiting(const std::string& id, size_t q) {
        live_[id] = Live{q, true, AgentId{}, std::nullopt};
        if (const auto& patience = Queue(q).patience) {
            clock_.Schedule(clock_.Now() + Ms(patience->Sample(rng_)), [this, id] {
                auto it = live_.find(id);
                if (it != live_.end() && it->second.waiting) {
                    (void)engine_->Hangup(InteractionId{id}, routing::HangupBy::kCustomer);
                }
            });
        }
    }

    std::optional<size_t> QueueIndex(const QueueId& queue) const {
        for (size_t q = 0; q < scenario_.queues.size(); ++q) {
            if (scenario_.queues[q].queue == queue) {
                return q;
            }
        }
        return std::nullopt;
    }

    // ---- callers through an IVR flow ----
    struct InIvr {
        size_t entry = 0;
        std::unique_ptr<ivr::Session> session;
    };

    void IvrArrive(size_t e) {
        const IvrTraffic& t = scenario_.ivr[e];
        const IvrFlow& flow = *flows_[e];
        const std::string id = "ivr-" + std::to_string(++arrivals_);
        ivr::Variables vars;
        for (const auto& [name, p] : t.vars) {
            vars[name] = Uniform() < p ? "1" : "0";
        }
        (void)engine_->Arrive(
            routing::ArriveCommand{InteractionId{id}, Channel::kVoice, "", "", ""});
        Emit(events::IvrEnter{InteractionId{id}, flow.id, flow.start});
        InIvr caller{e, std::make_unique<ivr::Session>(flow, vars, is_open_)};
        ivr::Step step = caller.session->Start();
        in_ivr_[id] = std::move(caller);
        Perform(id, step);
        ScheduleNext(t.arrivals, clock_.Now(), [this, e] { IvrArrive(e); });
    }

    template <class T>
    void Emit(T body) {
        const Event e{clock_.Now(), EventBody{std::move(body)}};
        ++events_;
        out_.OnEvent(e);
    }

    // What the caller does at a step: listens, presses keys (by the scenario's choices), or
    // leaves the IVR.
    void Perform(const std::string& id, const ivr::Step& step) {
        auto it = in_ivr_.find(id);
        const IvrTraffic& t = scenario_.ivr[it->second.entry];
        const IvrFlow& flow = *flows_[it->second.entry];
        const InteractionId iid{id};
        if (step.kind == ivr::StepKind::kPlay) {
            clock_.Schedule(clock_.Now() + step.duration,
                            [this, id] { Perform(id, in_ivr_.at(id).session->PlaybackDone()); });
            return;
        }
        if (step.kind == ivr::StepKind::kGetDigits) {
            std::string input = DefaultInput(flow, step);
            if (auto c = t.choices.find(step.node); c != t.choices.end()) {
                double u = Uniform(), acc = 0;
                for (const auto& [choice, p] : c->second) {
                    acc += p;
                    if (u <= acc) {
                        input = choice;
                        break;
                    }
                }
            }
            if (auto d = t.digits.find(step.node); d != t.digits.end()) {
                input = d->second;
            }
            const bool timeout = input == "timeout";
            const Duration after = step.duration + (timeout ? step.timeout : Ms(t.think_s));
            clock_.Schedule(clock_.Now() + after,
                            [this, id, input, timeout, node = step.node, fid = flow.id] {
                                if (!timeout) {
                                    Emit(events::IvrInput{InteractionId{id}, fid, node, input});
                                }
                                Perform(id, in_ivr_.at(id).session->Digits(timeout ? "" : input));
                            });
            return;
        }
        Emit(events::IvrExit{iid, flow.id, step.node, step.outcome});
        in_ivr_.erase(it);
        if (step.kind == ivr::StepKind::kQueue || step.kind == ivr::StepKind::kCallback) {
            const auto q = QueueIndex(step.queue);
            (void)engine_->Enqueue(
                routing::EnqueueCommand{iid, step.queue, step.priority, step.skills});
            StartWaiting(id, q.value_or(0));
            if (step.kind == ivr::StepKind::kCallback) {
                live_.erase(id);  // the caller hangs up; the callback keeps the place
                (void)engine_->RequestCallback(iid, "callback");
            }
            return;
        }
        (void)engine_->Hangup(iid,
                              routing::HangupBy::kCustomer);  // self-served, voicemail, transfer
    }

    // Without a scenario choice: a menu takes its first option, a collect node enough digits, a
    // survey a random score, a callback offer is declined.
    static std::string DefaultInput(const IvrFlow& flow, const ivr::Step& step) {
        const IvrNode* n = flow.Find(step.node);
        if (n == nullptr) {
            return "timeout";
        }
        switch (n->kind) {
            case IvrNodeKind::kMenu:
                return n->options.empty() ? "timeout" : n->options.begin()->first;
            case IvrNodeKind::kCollect:
                return std::string(static_cast<size_t>(n->min_digits), '1') + n->terminator;
            case IvrNodeKind::kSurvey:
                return "5";
            default:
                return "timeout";
        }
    }

    // A contact straight into a queue; a replayed one brings its talk time.
    void Arrive(size_t q, std::optional<double> talk_s) {
        const QueueTraffic& traffic = Queue(q);
        const std::string id = traffic.queue.str() + "-" + std::to_string(++arrivals_);
        const InteractionId iid{id};
        (void)engine_->Arrive(routing::ArriveCommand{iid, channels_[q], "", "", ""});
        (void)engine_->Enqueue(routing::EnqueueCommand{iid, traffic.queue, 0, {}});
        StartWaiting(id, q);
        live_[id].talk_s = talk_s;
    }

    const Scenario& scenario_;
    EventSink& out_;
    ClockAndTimers clock_;
    std::mt19937_64 rng_;
    routing::Engine* engine_ = nullptr;
    Timestamp origin_{}, end_{};
    int64_t arrivals_ = 0, events_ = 0;
    std::unordered_map<std::string, Live> live_;
    std::unordered_map<std::string, InIvr> in_ivr_;
    std::vector<Channel> channels_;
    std::vector<const IvrFlow*> flows_;  // per IVR entry
    std::function<bool()> is_open_;

  public:
    std::function<bool(const AgentId&)> simulated_;
};

Players::Players(const Scenario& scenario, const CenterConfig& center, EventSink& out, Clock& clock,
                 TimerService& timers, uint64_t seed)
    : impl_(std::make_unique<Impl>(scenario, center, out, clock, timers, seed)) {}
Players::~Players() = default;
void Players::Attach(routing::Engine* engine) {
    impl_->Attach(engine);
}
void Players::SetBusinessHours(std::function<bool()> open) {
    impl_->SetBusinessHours(std::move(open));
}
void Players::SetSimulatedAgents(std::function<bool(const AgentId&)> simulated) {
    impl_->simulated_ = std::move(simulated);
}
void Players::StartArrivals(Timestamp origin, Timestamp end) {
    impl_->StartArrivals(origin, end);
}
void Players::StartRoster(Timestamp origin) {
    impl_->StartRoster(origin);
}
void Players::StartStaffing(const CenterConfig& center) {
    impl_->StartStaffing(center);
}
void Players::OnEvent(const Event& e) {
    impl_->OnEvent(e);
}
void Players::Adopt(const routing::EngineState& state) {
    impl_->Adopt(state);
}
int64_t Players::arrivals() const {
    return impl_->arrivals();
}
int64_t Players::events() const {
    return impl_->events();
}
bool Players::idle() const {
    return impl_->idle();
}

}  // namespace hotline::sim
