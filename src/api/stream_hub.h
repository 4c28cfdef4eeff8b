#pragma once
// The WebSocket stream's fan-out: one subscriber of the live center that turns each durable
// event into JSON once (masked, and unmasked when someone may have it) and hands it to every
// connection whose caller's scope includes the event.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "api.h"

namespace hotline::api {

class StreamHub {
  public:
    using Send = std::function<void(std::shared_ptr<const std::string>)>;
    explicit StreamHub(Api& api);
    ~StreamHub();

    int Add(Caller caller, bool unmasked, Send send);
    void Remove(int id);
    size_t size() const;

  private:
    void OnEvent(int64_t seq, const Event& e);

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
};

}  // namespace hotline::api
