#include "hotline/core/virtual_clock.h"

#include <cassert>
#include <utility>

namespace hotline {
namespace {

// Generations start at 1, so no id is 0 (the engine's "no timer").
TimerId MakeId(uint32_t slot, uint32_t generation) {
    return (uint64_t{generation} << 32) | slot;
}

}  // namespace

VirtualClock::Slot* VirtualClock::Live(TimerId id) {
    return const_cast<Slot*>(std::as_const(*this).Live(id));
}

const VirtualClock::Slot* VirtualClock::Live(TimerId id) const {
    const auto slot = static_cast<uint32_t>(id);
    if (slot >= slots_.size()) {
        return nullptr;
    }
    const Slot& s = slots_[slot];
    return s.armed && s.generation == static_cast<uint32_t>(id >> 32) ? &s : nullptr;
}

TimerId VirtualClock::Schedule(Timestamp at, std::function<void()> fire) {
    uint32_t slot;
    if (!free_slots_.empty()) {
        slot = free_slots_.back();
        free_slots_.pop_back();
    } else {
        slot = static_cast<uint32_t>(slots_.size());
        slots_.emplace_back();
    }
    Slot& s = slots_[slot];
    s.fire = std::move(fire);
    s.generation += 1;
    s.armed = true;
    ++armed_;
    const TimerId id = MakeId(slot, s.generation);
    heap_.push({at < now_ ? now_ : at, next_order_++, id});
    return id;
}

void VirtualClock::Cancel(TimerId id) {
    if (Slot* s = Live(id)) {
        s->armed = false;
        s->fire = nullptr;
        --armed_;
        // The slot is reused once its heap entry is dropped, so an id never outlives its entry.
    }
}

void VirtualClock::DropCancelled() const {
    while (!heap_.empty() && !Live(heap_.top().id)) {
        const auto slot = static_cast<uint32_t>(heap_.top().id);
        heap_.pop();
        free_slots_.push_back(slot);
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
    Slot& s = *Live(e.id);
    std::function<void()> fire = std::move(s.fire);
    s.fire = nullptr;
    s.armed = false;
    --armed_;
    free_slots_.push_back(static_cast<uint32_t>(e.id));
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
