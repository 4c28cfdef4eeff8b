#pragma once
// A clock that moves only when told to, with a timer heap: the simulator's and the tests' time.
// Timers due at the same instant fire in the order they were scheduled, so runs are reproducible.

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "hotline/core/clock.h"

namespace hotline {

class VirtualClock final : public Clock, public TimerService {
  public:
    explicit VirtualClock(Timestamp start = Timestamp{}) : now_(start) {}

    Timestamp Now() const override { return now_; }
    TimerId Schedule(Timestamp at, std::function<void()> fire) override;
    void Cancel(TimerId id) override;

    // Fires every timer due up to and including `until`, in time order, advancing Now() to each
    // timer's time; then sets Now() to `until`. Timers scheduled by callbacks fire too if due.
    void AdvanceTo(Timestamp until);
    // Fires the earliest pending timer, if any. Returns false when none is pending.
    bool FireNext();
    // Time of the earliest pending timer, or nullopt-like max() when none.
    Timestamp NextDue() const;
    size_t pending() const { return armed_; }

  private:
    // A timer lives in a reused slot; its id is the slot and the slot's generation, so a stale
    // id (fired or cancelled, the slot since reused) never matches. No allocation per timer
    // once the slots exist (beyond what a large callback itself needs).
    struct Slot {
        std::function<void()> fire;
        uint32_t generation = 0;
        bool armed = false;
    };
    struct Entry {
        Timestamp at;
        uint64_t order;  // schedule order: ties at one instant fire first-scheduled first
        TimerId id;
        bool operator>(const Entry& o) const { return at != o.at ? at > o.at : order > o.order; }
    };
    Slot* Live(TimerId id);
    const Slot* Live(TimerId id) const;
    void DropCancelled() const;

    Timestamp now_;
    uint64_t next_order_ = 0;
    mutable std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap_;
    std::vector<Slot> slots_;
    mutable std::vector<uint32_t> free_slots_;  // freed when their heap entry is dropped
    size_t armed_ = 0;
};

}  // namespace hotline
