#include "stream_hub.h"

#include <boost/json.hpp>

#include "views.h"

namespace hotline::api {
namespace json = boost::json;

StreamHub::StreamHub(Api& api, double snapshot_every_s)
    : api_(api), every_(static_cast<int64_t>(snapshot_every_s * 1000)) {
    subscription_ = api_.live().Subscribe([this](int64_t seq, const Event& e) { OnEvent(seq, e); });
    snapshots_ = std::thread([this] { SnapshotLoop(); });
}

StreamHub::~StreamHub() {
    {
        std::lock_guard lock(stop_mu_);
        stopping_ = true;
    }
    stop_cv_.notify_all();
    snapshots_.join();
    api_.live().Unsubscribe(subscription_);
}

std::string StreamHub::ScopeKey(const Caller& c) {
    if (auth::SeesWholeCenter(c.role)) {
        return "*";
    }
    if (c.role == auth::Role::kTeamLeader) {
        return "team:" + c.team;
    }
    return "agent:" + c.agent;
}

int StreamHub::Add(Caller caller, bool unmasked, Send send) {
    int id = 0;
    {
        std::lock_guard lock(mu_);
        id = next_++;
        clients_.emplace(id, Client{caller, unmasked, std::move(send)});
    }
    SendSnapshots({{id, {ScopeKey(caller), caller}}});
    return id;
}

void StreamHub::SnapshotLoop() {
    std::unique_lock lock(stop_mu_);
    while (!stop_cv_.wait_for(lock, every_, [this] { return stopping_; })) {
        std::map<int, std::pair<std::string, Caller>> all;
        {
            std::lock_guard clients_lock(mu_);
            for (const auto& [id, c] : clients_) {
                all.emplace(id, std::make_pair(ScopeKey(c.caller), c.caller));
            }
        }
        if (!all.empty()) {
            SendSnapshots(std::move(all));
        }
    }
}

void StreamHub::SendSnapshots(std::map<int, std::pair<std::string, Caller>> clients) {
    api_.live().Read([this, clients = std::move(clients)](LiveView& v) {
        std::map<std::string, std::shared_ptr<const std::string>> by_scope;
        for (const auto& [id, scope] : clients) {
            auto& msg = by_scope[scope.first];
            if (!msg) {
                msg = std::make_shared<const std::string>(json::serialize(json::object{
                    {"type", "snapshot"}, {"realtime", RealtimeJson(v, scope.second)}}));
            }
        }
        std::lock_guard lock(mu_);
        for (const auto& [id, scope] : clients) {
            auto it = clients_.find(id);
            if (it != clients_.end()) {
                it->second.send(by_scope[scope.first]);
            }
        }
    });
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
    // Whose contact an event is about, for the events that do not say (a hang-up).
    std::string owner;
    std::visit(
        [&](const auto& body) {
            if constexpr (requires { body.id; }) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(body.id)>,
                                             InteractionId>) {
                    auto it = owners_.find(body.id.str());
                    if (it != owners_.end()) {
                        owner = it->second;
                    }
                }
            }
        },
        e.body);
    if (const auto* o = e.As<events::Offer>()) {
        owners_[o->id.str()] = o->agent.str();
    }
    if (const auto* w = e.As<events::WrapupEnd>()) {
        owners_.erase(w->id.str());
    }
    if (const auto* h = e.As<events::Hangup>(); h != nullptr && h->stage != "talk") {
        owners_.erase(h->id.str());
    }
    if (clients_.empty()) {
        return;
    }
    auto center = api_.center();
    std::shared_ptr<const std::string> masked, unmasked;
    for (auto& [id, c] : clients_) {
        if (!api_.Visible(c.caller, e, *center, owner)) {
            continue;
        }
        auto& msg = c.unmasked ? unmasked : masked;
        if (!msg) {
            json::object o{{"type", "event"}, {"event", api_.EventJson(seq, e, c.unmasked)}};
            msg = std::make_shared<const std::string>(json::serialize(o));
        }
        c.send(msg);
    }
}

}  // namespace hotline::api
