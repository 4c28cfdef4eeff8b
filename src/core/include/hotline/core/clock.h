#pragma once
// The engine's only sources of time. Production wires the wall clock and asio timers; the
// simulator and tests wire VirtualClock. The engine never reads the system time.

#include <cstdint>
#include <functional>

#include "hotline/core/time.h"

namespace hotline {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

using TimerId = uint64_t;

class TimerService {
  public:
    virtual ~TimerService() = default;
    // Calls `fire` once at `at` (or as soon as possible after, never before). The callback runs
    // on the engine's thread, never from inside Schedule itself.
    virtual TimerId Schedule(Timestamp at, std::function<void()> fire) = 0;
    // Cancelling a fired or unknown timer is a no-op.
    virtual void Cancel(TimerId id) = 0;
};

}  // namespace hotline
