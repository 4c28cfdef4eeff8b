#pragma once
// The WebSocket stream's fan-out: one subscriber of the live center that turns each durable
// event into JSON once (masked, and unmasked when someone may have it) and hands it to every
// connection whose caller's scope includes the event.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "api.h"

namespace hotline::api {

class StreamHub {
  public:
    using Send = std::function<void(std::shared_ptr<const std::string>)>;
    // Every `snapshot_every_s` each client gets the realtime picture of its scope, built once per
    // scope (the whole center, a team, an agent) however many clients share it.
    StreamHub(Api& api, double snapshot_every_s);
    ~StreamHub();

    // A new client gets a snapshot at once, then the events and the periodic snapshots.
    int Add(Caller caller, bool unmasked, Send send);
    void Remove(int id);
    size_t size() const;

  private:
    void OnEvent(int64_t seq, const Event& e);
    void SnapshotLoop();
    // Builds each scope's snapshot once and sends it to `clients` (engine thread).
    void SendSnapshots(std::map<int, std::pair<std::string, Caller>> clients);
    static std::string ScopeKey(const Caller& c);

    struct Client {
        Caller caller;
        bool unmasked = false;
        Send send;
    };
    Api& api_;
    int subscription_ = 0;
    mutable std::mutex mu_;
    std::map<int, Client> clients_;
    int next_ = 1;
    std::map<std::string, std::string> owners_;  // interaction → the agent it was offered to

    std::chrono::milliseconds every_;
    std::mutex stop_mu_;
    std::condition_variable stop_cv_;
    bool stopping_ = false;
    std::thread snapshots_;
};

}  // namespace hotline::api
