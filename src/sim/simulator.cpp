#include "hotline/sim/simulator.h"

#include <algorithm>
#include <limits>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"

namespace hotline::sim {
namespace {

// Draws far beyond any run (a patience of centuries) are capped so time arithmetic cannot overflow.
Duration Ms(double seconds) {
    constexpr double kMaxMs = 1e13;  // about 300 years
    return Duration{static_cast<int64_t>(std::clamp(seconds * 1000.0 + 0.5, 0.0, kMaxMs))};
}

// Plays the callers and agents around the engine. It acts through timers at the current instant,
// never from inside the engine's event callback.
class Players : public EventSink {
  public:
    Players(const Scenario& s, const CenterConfig& center, EventSink& out, VirtualClock& clock,
            uint64_t seed)
        : scenario_(s), out_(out), clock_(clock), rng_(seed) {
        for (const auto& q : s.queues) {  // a chat queue gets chats, an email queue emails
            const QueueConfig* qc = center.FindQueue(q.queue);
            channels_.push_back(qc != nullptr ? qc->channel : Channel::kVoice);
        }
    }

    void Attach(routing::Engine* engine) { engine_ = engine; }
    int64_t events() const { return events_; }

    void StartArrivals(Timestamp origin, Timestamp end) {
        origin_ = origin;
        end_ = end;
        for (size_t q = 0; q < scenario_.queues.size(); ++q) {
            ScheduleArrival(q, origin);
        }
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
            const InteractionId id = offer->id;
            clock_.Schedule(e.ts, [this, id] { (void)engine_->Answer(id); });
        } else if (const auto* answer = e.As<events::Answer>()) {
            auto it = live_.find(answer->id.str());
            if (it == live_.end()) {
                return;
            }
            it->second.waiting = false;
            it->second.agent = answer->agent;
            const InteractionId id = answer->id;
            const double talk = Queue(it->second.queue).handle_time.Sample(rng_);
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
    bool idle() const { return live_.empty(); }

  private:
    struct Live {
        size_t queue = 0;
        bool waiting = true;
        AgentId agent;
    };

    const QueueTraffic& Queue(size_t q) const { return scenario_.queues[q]; }

    // Poisson arrivals with a piecewise-constant rate: an exponential gap at the current rate,
    // restarted at each interval boundary (memorylessness makes that exact).
    void ScheduleArrival(size_t q, Timestamp from) {
        const Arrivals& a = Queue(q).arrivals;
        Timestamp t = from;
        while (t < end_) {
            const Duration since = t - origin_;
            const Timestamp boundary = a.per_interval.empty()
                                           ? Timestamp::max()
                                           : origin_ + (since / a.interval + 1) * a.interval;
            const double rate = a.RateAt(since);
            if (rate <= 0) {
                if (boundary == Timestamp::max()) {
                    return;
                }
                t = boundary;
                continue;
            }
            const double u = (static_cast<double>(rng_() >> 11) + 1.0) * 0x1.0p-53;
            const Timestamp next = t + Ms(-std::log(u) / rate);
            if (next >= boundary) {
                t = boundary;
                continue;
            }
            if (next >= end_) {
                return;
            }
            clock_.Schedule(next, [this, q] { Arrive(q); });
            return;
        }
    }

    void Arrive(size_t q) {
        const QueueTraffic& traffic = Queue(q);
        const std::string id = traffic.queue.str() + "-" + std::to_string(++arrivals_);
        live_[id] = Live{q, true, AgentId{}};
        const InteractionId iid{id};
        (void)engine_->Arrive(routing::ArriveCommand{iid, channels_[q], "", "", ""});
        (void)engine_->Enqueue(routing::EnqueueCommand{iid, traffic.queue, 0, {}});
        if (traffic.patience) {
            clock_.Schedule(clock_.Now() + Ms(traffic.patience->Sample(rng_)), [this, id] {
                auto it = live_.find(id);
                if (it != live_.end() && it->second.waiting) {
                    (void)engine_->Hangup(InteractionId{id}, routing::HangupBy::kCustomer);
                }
            });
        }
        ScheduleArrival(q, clock_.Now());
    }

    const Scenario& scenario_;
    EventSink& out_;
    VirtualClock& clock_;
    std::mt19937_64 rng_;
    routing::Engine* engine_ = nullptr;
    Timestamp origin_{}, end_{};
    int64_t arrivals_ = 0, events_ = 0;
    std::unordered_map<std::string, Live> live_;
    std::vector<Channel> channels_;
};

}  // namespace

RunStats RunReplication(const CenterConfig& center_in, const Scenario& scenario, uint64_t seed,
                        Timestamp origin, EventSink& sink) {
    CenterConfig center = center_in;
    // After-call work comes from the scenario's draws: the engine holds the agent in wrap-up
    // until the simulated agent finishes it.
    for (const QueueTraffic& q : scenario.queues) {
        for (auto& qc : center.queues) {
            if (qc.id == q.queue && q.after_call_work) {
                qc.wrapup = std::chrono::hours(24);
            }
        }
    }
    VirtualClock clock(origin);
    std::mt19937_64 engine_rng(seed * 0x9E3779B97F4A7C15ULL + 1);
    Players players(scenario, center, sink, clock, seed);
    routing::Engine engine(center, clock, clock, engine_rng, players);
    players.Attach(&engine);
    for (const auto& a : center.agents) {
        (void)engine.Login(a.id, /*ready=*/true);
    }
    const Timestamp end = origin + scenario.duration;
    players.StartArrivals(origin, end);
    players.StartStaffing(center);
    clock.AdvanceTo(end);
    // Drain: no more arrivals, but the calls in progress finish, so the last callers' waits are
    // not cut short (that would flatter the service level). A day is the limit.
    const Timestamp drain_limit = end + std::chrono::hours(24);
    while (!players.idle() && clock.NextDue() <= drain_limit) {
        if (!clock.FireNext()) {
            break;
        }
    }
    return RunStats{players.arrivals(), players.events()};
}

}  // namespace hotline::sim
