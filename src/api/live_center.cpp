#include "live_center.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <future>
#include <iostream>
#include <unordered_map>

#include "hotline/metrics/kpi.h"

namespace hotline::api {

namespace asio = boost::asio;

// The wall clock in milliseconds, sped up for the demo. Within one task (a command or a timer)
// it stands still, so everything a task does carries one timestamp; it never runs backwards.
class LiveClock final : public Clock {
  public:
    LiveClock(Timestamp virtual_origin, double speed)
        : origin_virtual_(virtual_origin),
          origin_wall_(std::chrono::steady_clock::now()),
          speed_(speed) {}

    Timestamp Now() const override { return frozen_ ? *frozen_ : Live(); }
    void Freeze() {
        Timestamp t = std::max(Live(), last_);
        last_ = t;
        frozen_ = t;
    }
    void Thaw() { frozen_.reset(); }

    // How long to wait on the steady clock until the virtual time `at`.
    std::chrono::steady_clock::duration WallDelay(Timestamp at) const {
        const double ms = static_cast<double>((at - Live()).count()) / speed_;
        return std::chrono::microseconds(static_cast<int64_t>(std::max(0.0, ms) * 1000.0));
    }

  private:
    Timestamp Live() const {
        const auto wall = std::chrono::steady_clock::now() - origin_wall_;
        const double ms = std::chrono::duration<double, std::milli>(wall).count() * speed_;
        return origin_virtual_ + Duration{static_cast<int64_t>(ms)};
    }

    Timestamp origin_virtual_;
    std::chrono::steady_clock::time_point origin_wall_;
    double speed_;
    std::optional<Timestamp> frozen_;
    Timestamp last_{};
};

// Timers on the engine thread's io_context. Each firing is a task of its own: the clock stands
// still for it and its events are flushed to the store after it.
class LiveTimers final : public TimerService {
  public:
    using Runner = std::function<void(const std::function<void()>&)>;
    LiveTimers(asio::io_context& io, LiveClock& clock, Runner run)
        : io_(io), clock_(clock), run_(std::move(run)) {}

    TimerId Schedule(Timestamp at, std::function<void()> fire) override {
        const TimerId id = next_++;
        auto timer = std::make_shared<asio::steady_timer>(io_, clock_.WallDelay(at));
        entries_.emplace(id, Entry{timer, std::move(fire)});
        timer->async_wait([this, id, gen = generation_](const boost::system::error_code& ec) {
            if (ec || gen != generation_) {
                return;
            }
            auto it = entries_.find(id);
            if (it == entries_.end()) {
                return;
            }
            std::function<void()> fire = std::move(it->second.fire);
            entries_.erase(it);
            run_(fire);
        });
        return id;
    }

    void Cancel(TimerId id) override {
        auto it = entries_.find(id);
        if (it == entries_.end()) {
            return;
        }
        it->second.timer->cancel();
        entries_.erase(it);
    }

    // Drops every pending timer (an engine being replaced).
    void CancelAll() {
        ++generation_;
        for (auto& [id, e] : entries_) {
            e.timer->cancel();
        }
        entries_.clear();
    }

    size_t pending() const { return entries_.size(); }

  private:
    struct Entry {
        std::shared_ptr<asio::steady_timer> timer;
        std::function<void()> fire;
    };
    asio::io_context& io_;
    LiveClock& clock_;
    Runner run_;
    TimerId next_ = 1;
    uint64_t generation_ = 0;
    std::unordered_map<TimerId, Entry> entries_;
};

// Collects the events of the current task; every event also updates the state fold, the KPI
// aggregator and the companion at once, on the engine thread.
class LiveCenter::Sink final : public EventSink {
  public:
    explicit Sink(LiveCenter& c) : center_(c) {}
    void OnEvent(const Event& e) override {
        pending.push_back(e);
        center_.CountArrival(e);
        center_.state_.Apply(e);
        center_.aggregator_->OnEvent(e);
        for (EngineCompanion* c : center_.companions_) {
            c->OnEvent(e);
        }
    }
    std::vector<Event> pending;

  private:
    LiveCenter& center_;
};

LiveCenter::LiveCenter(store::Store& store, CenterConfig center, std::string center_yaml,
                       LiveOptions options)
    : store_(store),
      center_(std::move(center)),
      center_yaml_(std::move(center_yaml)),
      options_(options),
      io_(std::make_unique<asio::io_context>()),
      rng_(options.seed) {}

LiveCenter::~LiveCenter() {
    Stop();
}

Timestamp LiveCenter::Now() const {
    return clock_ ? clock_->Now() : Timestamp{};
}

TimerService& LiveCenter::companion_timers() {
    return *companion_timers_;
}

Clock& LiveCenter::clock() {
    return *clock_;
}

Status LiveCenter::Start(std::vector<EngineCompanion*> companions) {
    metrics::KpiOptions kpi;
    kpi.service_level_threshold = center_.service_level.threshold;
    kpi.short_abandon = center_.short_abandon;
    aggregator_ = std::make_unique<metrics::Aggregator>(kpi);
    auto cal = metrics::Calendar::ForZone(center_.timezone.empty() ? "UTC" : center_.timezone);
    if (!cal.ok()) {
        return cal.status();
    }
    calendar_ = std::make_unique<metrics::Calendar>(std::move(cal).value());

    // The log first: the state fold and the KPIs see every event the center ever had.
    Timestamp last{};
    int64_t count = 0;
    RETURN_IF_ERROR(store_.ForEachEvent([&](const store::StoredEvent& e) {
        state_.Apply(e.event);
        aggregator_->OnEvent(e.event);
        CountArrival(e.event);
        last = std::max(last, e.event.ts);
        ++count;
        return true;
    }));
    durable_ = store_.LastSeq();

    // Time goes on from the later of now and the last event (a demo runs ahead of the wall).
    const Timestamp wall = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
    clock_ = std::make_unique<LiveClock>(std::max(wall, last), options_.speed);
    auto runner = [this](const std::function<void()>& fire) { RunTask(fire, {}); };
    engine_timers_ = std::make_unique<LiveTimers>(*io_, *clock_, runner);
    companion_timers_ = std::make_unique<LiveTimers>(*io_, *clock_, runner);
    sink_ = std::make_unique<Sink>(*this);
    companions_ = std::move(companions);

    std::promise<Status> restored;
    asio::post(*io_, [this, &restored] {
        Status st;
        RunTask(
            [&] {
                BuildEngine(center_);
                auto rep = engine_->Restore(state_.State());
                if (!rep.ok()) {
                    st = rep.status();
                    return;
                }
                if (rep->agents + rep->contacts + rep->wraps > 0 || !rep->dropped.empty()) {
                    std::cerr << "hotline: restored " << rep->agents << " agents, " << rep->contacts
                              << " contacts, " << rep->wraps << " wrap-ups"
                              << (rep->offers_returned > 0
                                      ? ", " + std::to_string(rep->offers_returned) +
                                            " ringing offers back in line"
                                      : std::string())
                              << "\n";
                    for (const auto& d : rep->dropped) {
                        std::cerr << "hotline: dropped " << d << "\n";
                    }
                }
                for (EngineCompanion* c : companions_) {
                    c->Attach(*engine_, state_.State());
                }
            },
            {});
        restored.set_value(st);
    });
    thread_ = std::thread([this] {
        auto guard = asio::make_work_guard(*io_);
        io_->run();
    });
    std::cerr << "hotline: " << count << " events read from the store\n";
    return restored.get_future().get();
}

void LiveCenter::Stop() {
    if (!thread_.joinable()) {
        return;
    }
    std::promise<void> stopped;
    asio::post(*io_, [this, &stopped] {
        engine_timers_->CancelAll();
        companion_timers_->CancelAll();
        stopped.set_value();
    });
    stopped.get_future().wait();
    io_->stop();
    thread_.join();
    store_.Flush();
}

void LiveCenter::BuildEngine(const CenterConfig& center) {
    engine_timers_->CancelAll();
    engine_.reset();
    engine_ = std::make_unique<routing::Engine>(center, *clock_, *engine_timers_, rng_, *sink_);
}

void LiveCenter::RunTask(const std::function<void()>& task,
                         std::function<void(const Status&)> done) {
    clock_->Freeze();
    try {
        task();
    } catch (const std::exception& e) {
        // The engine's thread must outlive a bug in one task; what the task emitted is kept.
        std::cerr << "hotline: a timer task failed: " << e.what() << "\n";
    }
    clock_->Thaw();
    Flush(std::move(done));
}

void LiveCenter::Flush(std::function<void(const Status&)> done) {
    if (sink_->pending.empty()) {
        if (done) {
            done(Status::Ok());
        }
        return;
    }
    std::vector<Event> batch = std::move(sink_->pending);
    sink_->pending.clear();
    auto shared = std::make_shared<std::vector<Event>>(std::move(batch));
    std::vector<Event> copy = *shared;
    store_.AppendEvents(std::move(copy), [this, shared, done = std::move(done)](const Status& st,
                                                                                int64_t last_seq) {
        if (!st.ok()) {
            // The engine has moved on but the log has not: refuse everything from now on; a
            // restart rebuilds a consistent state from what is durable.
            store_failed_ = true;
            std::cerr << "hotline: the store failed, commands are refused until restart: "
                      << st.message() << "\n";
            if (done) {
                done(Status(ErrorCode::kUnavailable, "the store failed: " + st.message()));
            }
            return;
        }
        durable_ = last_seq;
        if (done) {
            done(Status::Ok());
        }
        std::lock_guard lock(subscribers_mu_);
        int64_t seq = last_seq - static_cast<int64_t>(shared->size()) + 1;
        for (const Event& e : *shared) {
            for (auto& [id, s] : subscribers_) {
                s(seq, e);
            }
            ++seq;
        }
    });
}

void LiveCenter::Command(CommandFn command, std::function<void(const Status&)> done) {
    if (store_failed_) {
        done(Status(ErrorCode::kUnavailable, "the store failed; restart the server"));
        return;
    }
    asio::post(*io_, [this, command = std::move(command), done = std::move(done)]() mutable {
        // A refused command changes nothing and emits nothing (the engine's promise), so its
        // answer need not wait for the store; an accepted one waits for its events.
        auto result = std::make_shared<Status>();
        clock_->Freeze();
        LiveView view{*engine_, state_,       *aggregator_,  *calendar_,
                      center_,  center_yaml_, clock_->Now(), *sink_};
        try {
            *result = command(*engine_, view);
        } catch (const std::exception& e) {
            *result = Internal(std::string("internal error: ") + e.what());
        }
        clock_->Thaw();
        Flush([result, done = std::move(done)](const Status& st) { done(st.ok() ? *result : st); });
    });
}

void LiveCenter::Read(std::function<void(LiveView&)> read) {
    asio::post(*io_, [this, read = std::move(read)] {
        clock_->Freeze();
        aggregator_->AdvanceTo(clock_->Now());
        LiveView view{*engine_, state_,       *aggregator_,  *calendar_,
                      center_,  center_yaml_, clock_->Now(), *sink_};
        try {
            read(view);
        } catch (const std::exception& e) {
            std::cerr << "hotline: a read failed: " << e.what() << "\n";
        }
        clock_->Thaw();
    });
}

void LiveCenter::Reconfigure(CenterConfig center, std::string yaml,
                             std::function<void(const Status&)> done) {
    asio::post(*io_, [this, center = std::move(center), yaml = std::move(yaml),
                      done = std::move(done)]() mutable {
        Status result;
        clock_->Freeze();
        center_ = std::move(center);
        center_yaml_ = std::move(yaml);
        BuildEngine(center_);
        auto rep = engine_->Restore(state_.State());
        if (!rep.ok()) {
            result = rep.status();
        }
        for (EngineCompanion* c : companions_) {
            c->Attach(*engine_, state_.State());
        }
        clock_->Thaw();
        Flush([result, done](const Status& st) { done(st.ok() ? result : st); });
    });
}

void LiveCenter::CountArrival(const Event& e) {
    if (const auto* a = e.As<events::Arrive>()) {
        if (auto c = ParseChannel(a->channel)) {
            ++arrivals_[static_cast<size_t>(*c)];
        }
    }
}

int LiveCenter::Subscribe(Subscriber s) {
    std::lock_guard lock(subscribers_mu_);
    subscribers_.emplace(next_subscriber_, std::move(s));
    return next_subscriber_++;
}

void LiveCenter::Unsubscribe(int id) {
    std::lock_guard lock(subscribers_mu_);
    subscribers_.erase(id);
}

}  // namespace hotline::api
