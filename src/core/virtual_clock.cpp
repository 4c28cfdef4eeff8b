#include "hotline/core/virtual_clock.h"

#include <cassert>

namespace hotline {

TimerId VirtualClock::Schedule(Timestamp at, std::function<void()> fire) {
    TimerId id = next_id_++;
    heap_.push({at < now_ ? now_ : at, id});
    callbacks_.emplace(id, std::move(fire));
    return id;
}

void VirtualClock::Cancel(TimerId id) {
    callbacks_.erase(id);
}

void VirtualClock::DropCancelled() const {
    while (!heap_.empty() && !callbacks_.contains(heap_.top().id)) {
        heap_.pop();
    }
}

Timestamp VirtualClock::NextDue() const {
    DropCancelled();
    return heap_.empty() ? Timestamp::max() : heap_.top().at;
}

bool VirtualClock::FireNext() {
    DropCancelled();
    if (heap_.empty()) {
        return false;
    }
    Entry e = heap_.top();
    heap_.pop();
    auto it = callbacks_.find(e.id);
    std::function<void()> fire = std::move(it->second);
    callbacks_.erase(it);
    assert(e.at >= now_);
    now_ = e.at;
    fire();
    return true;
}

void VirtualClock::AdvanceTo(Timestamp until) {
    while (NextDue() <= until) {
        FireNext();
    }
    if (until > now_) {
        now_ = until;
    }
}

}  // namespace hotline
