#include "stream_hub.h"

#include <boost/json.hpp>

namespace hotline::api {
namespace json = boost::json;

StreamHub::StreamHub(Api& api) : api_(api) {
    subscription_ = api_.live().Subscribe([this](int64_t seq, const Event& e) { OnEvent(seq, e); });
}

StreamHub::~StreamHub() {
    api_.live().Unsubscribe(subscription_);
}

int StreamHub::Add(Caller caller, bool unmasked, Send send) {
    std::lock_guard lock(mu_);
    clients_.emplace(next_, Client{std::move(caller), unmasked, std::move(send)});
    return next_++;
}

void StreamHub::Remove(int id) {
    std::lock_guard lock(mu_);
    clients_.erase(id);
}

size_t StreamHub::size() const {
    std::lock_guard lock(mu_);
    return clients_.size();
}

void StreamHub::OnEvent(int64_t seq, const Event& e) {
    std::lock_guard lock(mu_);
    if (clients_.empty()) return;
    auto center = api_.center();
    std::shared_ptr<const std::string> masked, unmasked;
    for (auto& [id, c] : clients_) {
        if (!api_.Visible(c.caller, e, *center)) continue;
        auto& msg = c.unmasked ? unmasked : masked;
        if (!msg) {
            json::object o{{"type", "event"}, {"event", api_.EventJson(seq, e, c.unmasked)}};
            msg = std::make_shared<const std::string>(json::serialize(o));
        }
        c.send(msg);
    }
}

}  // namespace hotline::api
