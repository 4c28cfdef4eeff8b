#include "hotline/metrics/calendar.h"

#include <gtest/gtest.h>

namespace hotline::metrics {
namespace {

Calendar Zone(const char* name) {
    auto c = Calendar::ForZone(name);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return *c;
}

TEST(Calendar, IntervalsInShanghai) {
    Calendar cal = Zone("Asia/Shanghai");
    // 2026-12-03 01:47:10 UTC = 09:47:10 in Shanghai (UTC+8).
    Timestamp t = *Zone("UTC").ParseLocal("2026-12-03 01:47:10");
    EXPECT_EQ(cal.Label(cal.IntervalStart(t, IntervalSpec::Minutes(15)), IntervalSpec::Minutes(15)),
              "2026-12-03 09:45");
    EXPECT_EQ(cal.Label(cal.IntervalStart(t, IntervalSpec::Minutes(30)), IntervalSpec::Minutes(30)),
              "2026-12-03 09:30");
    EXPECT_EQ(cal.Label(cal.IntervalStart(t, IntervalSpec::Minutes(60)), IntervalSpec::Minutes(60)),
              "2026-12-03 09:00");
    Timestamp day = cal.IntervalStart(t, IntervalSpec::Day());
    EXPECT_EQ(cal.LocalText(day), "2026-12-03 00:00:00");
    EXPECT_EQ(ToMillis(day), ToMillis(*Zone("UTC").ParseLocal("2026-12-02 16:00")));
    IntervalSpec week{IntervalUnit::kWeek, 0};
    EXPECT_EQ(cal.Label(cal.IntervalStart(t, week), week), "2026-11-30");  // a Monday
    IntervalSpec month{IntervalUnit::kMonth, 0};
    EXPECT_EQ(cal.Label(cal.IntervalStart(t, month), month), "2026-12");
}

TEST(Calendar, LocalMidnightNotUtcMidnight) {
    Calendar cal = Zone("Asia/Shanghai");
    // 23:30 local on Dec 2 is 15:30 UTC: still Dec 2 locally.
    Timestamp t = *cal.ParseLocal("2026-12-02 23:30");
    EXPECT_EQ(cal.Label(cal.IntervalStart(t, IntervalSpec::Day()), IntervalSpec::Day()),
              "2026-12-02");
}

TEST(Calendar, DaylightSavingDayHas23Hours) {
    Calendar cal = Zone("Europe/Berlin");
    Timestamp noon = *cal.ParseLocal("2026-03-29 12:00");  // clocks went forward at 02:00
    Timestamp start = cal.IntervalStart(noon, IntervalSpec::Day());
    Timestamp next = cal.IntervalStart(start + std::chrono::hours(25), IntervalSpec::Day());
    EXPECT_EQ(next - start, std::chrono::hours(23));
    // A local time skipped by the jump maps to the instant the jump lands on.
    EXPECT_EQ(cal.LocalText(*cal.ParseLocal("2026-03-29 02:30")), "2026-03-29 03:00:00");
}

TEST(Calendar, UnknownZoneIsAnError) {
    auto c = Calendar::ForZone("Mars/Olympus");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.status().message().find("Mars/Olympus"), std::string::npos);
}

TEST(Calendar, ParseLocalRejectsNonsense) {
    Calendar cal = Zone("UTC");
    EXPECT_FALSE(cal.ParseLocal("2026-02-30"));
    EXPECT_FALSE(cal.ParseLocal("yesterday"));
    EXPECT_FALSE(cal.ParseLocal("2026-01-01 25:00"));
    EXPECT_TRUE(cal.ParseLocal("2026-01-01T08:00"));
}

TEST(ParseInterval, AcceptedNames) {
    EXPECT_EQ(ParseInterval("15m")->minutes, 15);
    EXPECT_EQ(ParseInterval("1h")->minutes, 60);
    EXPECT_EQ(ParseInterval("week")->unit, IntervalUnit::kWeek);
    auto bad = ParseInterval("7m");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("15m, 30m, 60m"), std::string::npos);
}

}  // namespace
}  // namespace hotline::metrics
