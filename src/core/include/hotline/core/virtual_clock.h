#pragma once
// A clock that moves only when told to, with a timer heap: the simulator's and the tests' time.
// Timers due at the same instant fire in the order they were scheduled, so runs are reproducible.

#include <cstdint>
#include <functional>
#include <queue>
#include <unordered_map>
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
    size_t pending() const { return callbacks_.size(); }

  private:
    struct Entry {
        Timestamp at;
        TimerId id;
        bool operator>(const Entry& o) const { return at != o.at ? at > o.at : id > o.id; }
    };
    void DropCancelled() const;

    Timestamp now_;
    TimerId next_id_ = 1;
    mutable std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap_;
    std::unordered_map<TimerId, std::function<void()>> callbacks_;
};

}  // namespace hotline
