#include "hotline/core/virtual_clock.h"

#include <gtest/gtest.h>

#include <vector>

namespace hotline {
namespace {

TEST(VirtualClock, FiresTimersInTimeThenScheduleOrder) {
    VirtualClock clock;
    std::vector<int> fired;
    clock.Schedule(FromMillis(200), [&] { fired.push_back(2); });
    clock.Schedule(FromMillis(100), [&] { fired.push_back(1); });
    clock.Schedule(FromMillis(200), [&] { fired.push_back(3); });
    TimerId cancelled = clock.Schedule(FromMillis(150), [&] { fired.push_back(99); });
    clock.Cancel(cancelled);
    clock.AdvanceTo(FromMillis(1'000));
    EXPECT_EQ(fired, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(clock.Now(), FromMillis(1'000));
}

TEST(VirtualClock, NowIsTheTimerTimeInsideTheCallback) {
    VirtualClock clock;
    Timestamp seen{};
    clock.Schedule(FromMillis(300), [&] {
        seen = clock.Now();
        clock.Schedule(FromMillis(400), [&] { seen = clock.Now(); });
    });
    clock.AdvanceTo(FromMillis(350));
    EXPECT_EQ(seen, FromMillis(300));
    clock.AdvanceTo(FromMillis(500));
    EXPECT_EQ(seen, FromMillis(400));
    EXPECT_EQ(clock.pending(), 0U);
}

}  // namespace
}  // namespace hotline
