#pragma once
// The production side of "one engine, two clocks" (ARCHITECTURE.md §1): the routing engine on
// the wall clock, on a thread of its own. Commands are posted to that thread; the events a
// command (or a timer) causes go to the store in one append, and the command's caller hears back
// only once they are durable. Subscribers (the WebSocket stream) get events once durable, in
// order. At start the state is rebuilt from the store's event log; a configuration change
// rebuilds the engine the same way, from the state the events describe.

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hotline/core/center.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/calendar.h"
#include "hotline/routing/engine.h"
#include "hotline/routing/restore.h"
#include "hotline/store/store.h"

namespace boost::asio {
class io_context;
}

namespace hotline::api {

class LiveClock;
class LiveTimers;

// What a reader sees on the engine thread.
struct LiveView {
    const routing::Engine& engine;
    const routing::EngineStateBuilder& state;
    metrics::Aggregator& aggregator;
    const metrics::Calendar& calendar;
    const CenterConfig& center;
    const std::string& center_yaml;
    Timestamp now;
    // For events of what happens beside the engine (the IVR): durable with the command's own.
    EventSink& sink;
};

// Something else that lives on the engine thread beside the engine: the demo's simulated people.
class EngineCompanion {
  public:
    virtual ~EngineCompanion() = default;
    // Called on the engine thread whenever a (new) engine is in place.
    virtual void Attach(routing::Engine& engine, const routing::EngineState& state) = 0;
    // Every event as it happens (before it is durable), on the engine thread.
    virtual void OnEvent(const Event& e) = 0;
};

struct LiveOptions {
    double speed = 1.0;  // the demo's fast-forward; production runs at 1
    uint64_t seed = 1;
};

class LiveCenter {
  public:
    LiveCenter(store::Store& store, CenterConfig center, std::string center_yaml,
               LiveOptions options);
    ~LiveCenter();

    // Rebuilds the state from the store and starts the engine thread.
    Status Start(std::vector<EngineCompanion*> companions = {});
    void Stop();

    // Runs `command` on the engine thread. `done` runs once the events it caused are durable
    // (or at once when it failed or caused none); it is called on another thread and must be
    // quick. While the store is failing, commands are refused.
    using CommandFn = std::function<Status(routing::Engine&, LiveView&)>;
    void Command(CommandFn command, std::function<void(const Status&)> done);
    // Runs `read` on the engine thread; nothing it does may change the engine.
    void Read(std::function<void(LiveView&)> read);
    // Swaps in a new configuration: a new engine takes over the state the events describe.
    // `done` as for Command.
    void Reconfigure(CenterConfig center, std::string yaml,
                     std::function<void(const Status&)> done);

    // Durable events in order, with their sequence numbers; called on the store's writer thread.
    using Subscriber = std::function<void(int64_t seq, const Event& e)>;
    int Subscribe(Subscriber s);
    void Unsubscribe(int id);

    int64_t events_durable() const { return durable_.load(); }
    int64_t arrivals(Channel c) const { return arrivals_[static_cast<size_t>(c)].load(); }
    bool healthy() const { return !store_failed_.load(); }
    Timestamp Now() const;

  private:
    class Sink;
    void RunTask(const std::function<void()>& task, std::function<void(const Status&)> done);
    void Flush(std::function<void(const Status&)> done);
    void BuildEngine(const CenterConfig& center);

    store::Store& store_;
    CenterConfig center_;
    std::string center_yaml_;
    LiveOptions options_;
    std::unique_ptr<boost::asio::io_context> io_;
    std::unique_ptr<LiveClock> clock_;
    std::unique_ptr<LiveTimers> engine_timers_;
    std::unique_ptr<LiveTimers> companion_timers_;
    std::unique_ptr<Sink> sink_;
    std::mt19937_64 rng_;
    std::unique_ptr<routing::Engine> engine_;
    routing::EngineStateBuilder state_;
    std::unique_ptr<metrics::Aggregator> aggregator_;
    std::unique_ptr<metrics::Calendar> calendar_;
    std::vector<EngineCompanion*> companions_;
    std::thread thread_;
    std::atomic<int64_t> durable_{0};
    std::atomic<bool> store_failed_{false};
    std::array<std::atomic<int64_t>, kChannelCount> arrivals_{};
    void CountArrival(const Event& e);

    std::mutex subscribers_mu_;
    std::map<int, Subscriber> subscribers_;
    int next_subscriber_ = 1;

  public:
    // The companions' timers (the demo's callers), which outlive an engine swap.
    TimerService& companion_timers();
    Clock& clock();
};

}  // namespace hotline::api
