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

// Timer slots are reused: an old id, fired or cancelled, must never reach the timer that
// took its place.
TEST(VirtualClock, AStaleIdNeverCancelsTheTimerThatReusedItsSlot) {
    VirtualClock clock;
    std::vector<int> fired;
    TimerId first = clock.Schedule(FromMillis(10), [&] { fired.push_back(1); });
    clock.AdvanceTo(FromMillis(20));
    TimerId second = clock.Schedule(FromMillis(30), [&] { fired.push_back(2); });
    EXPECT_NE(first, second);
    clock.Cancel(first);  // fired long ago: a no-op
    TimerId third = clock.Schedule(FromMillis(40), [&] { fired.push_back(3); });
    clock.Cancel(third);
    TimerId fourth = clock.Schedule(FromMillis(50), [&] { fired.push_back(4); });
    clock.Cancel(third);  // again, after a new timer may have taken a slot
    EXPECT_EQ(clock.pending(), 2U);
    clock.AdvanceTo(FromMillis(100));
    EXPECT_EQ(fired, (std::vector<int>{1, 2, 4}));
    EXPECT_NE(fourth, 0U);
    EXPECT_EQ(clock.pending(), 0U);
}

TEST(VirtualClock, ManyTimersKeepTheirOrderWhileSlotsAreRecycled) {
    VirtualClock clock;
    std::vector<int> fired;
    for (int round = 0; round < 3; ++round) {
        std::vector<TimerId> ids;
        for (int i = 0; i < 100; ++i) {
            ids.push_back(clock.Schedule(clock.Now() + Duration{100 - i},
                                         [&fired, i] { fired.push_back(i); }));
        }
        for (int i = 0; i < 100; i += 2) {
            clock.Cancel(ids[static_cast<size_t>(i)]);
        }
        fired.clear();
        clock.AdvanceTo(clock.Now() + Duration{1000});
        ASSERT_EQ(fired.size(), 50U);
        for (size_t k = 0; k < fired.size(); ++k) {
            EXPECT_EQ(fired[k], 99 - 2 * static_cast<int>(k));  // latest scheduled is due first
        }
    }
}

}  // namespace
}  // namespace hotline
