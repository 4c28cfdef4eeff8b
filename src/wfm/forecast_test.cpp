#include "hotline/wfm/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace hotline::wfm {
namespace {

constexpr int kSlots = 48;

// A center's week: busy weekday mornings, quieter weekends, nights empty.
double Shape(int weekday, int slot) {
    const double hour = slot / 2.0;
    const double day = weekday < 5 ? 1.0 : 0.45;
    if (hour < 7 || hour >= 22) {
        return 0;
    }
    return day * (20 + 60 * std::exp(-std::pow((hour - 10.5) / 2.0, 2)) +
                  35 * std::exp(-std::pow((hour - 15) / 2.5, 2)));
}

History Weeks(int weeks, double growth_per_week, double noise, uint64_t seed) {
    History h;
    h.slots_per_day = kSlots;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> jitter(0, 1);
    for (int w = 0; w < weeks; ++w) {
        for (int d = 0; d < 7; ++d) {
            for (int s = 0; s < kSlots; ++s) {
                IntervalPoint p;
                p.weekday = d;
                p.slot = s;
                const double base =
                    Shape(d, s) * (1 + growth_per_week * (w + (d * kSlots + s) / (7.0 * kSlots)));
                p.calls = std::max(0.0, base + noise * std::sqrt(base) * jitter(rng));
                p.handled = p.calls;
                p.handle_s = p.calls * (d < 5 ? 180 : 150);
                h.points.push_back(p);
            }
        }
    }
    return h;
}

std::vector<IntervalPoint> NextWeek() {
    std::vector<IntervalPoint> f;
    for (int d = 0; d < 7; ++d) {
        for (int s = 0; s < kSlots; ++s) {
            f.push_back(IntervalPoint{0, 0, 0, d, s, false});
        }
    }
    return f;
}

TEST(Measure, WapeAndMape) {
    Accuracy a = Measure({10, 20, 0, 30}, {12, 15, 1, 30});
    EXPECT_DOUBLE_EQ(a.wape, (2 + 5 + 1 + 0) / 60.0);
    EXPECT_DOUBLE_EQ(a.mape, (0.2 + 0.25 + 0) / 3);  // the empty interval has no percentage
    EXPECT_EQ(a.intervals, 4);
}

TEST(Forecast, ProfileRepeatsAStableWeek) {
    History h = Weeks(3, 0, 0, 1);
    auto r = Forecast(h, NextWeek(), ForecastMethod::kProfile, 7 * kSlots);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_NEAR(r->holdout->wape, 0.0, 1e-12);
    for (size_t i = 0; i < r->calls.size(); ++i) {
        EXPECT_NEAR(r->calls[i], h.points[i].calls, 1e-9);
    }
    EXPECT_NEAR(r->aht_s[9 * 2], 180, 1e-9);            // Monday 09:00
    EXPECT_NEAR(r->aht_s[5 * kSlots + 20], 150, 1e-9);  // Saturday 10:00
}

TEST(Forecast, HoltWintersFollowsGrowthAndAutoPicksIt) {
    History h = Weeks(6, 0.08, 0.5, 2);  // 8% a week: a profile of the past falls behind
    auto profile = Forecast(h, NextWeek(), ForecastMethod::kProfile, 7 * kSlots);
    auto hw = Forecast(h, NextWeek(), ForecastMethod::kHoltWinters, 7 * kSlots);
    auto chosen = Forecast(h, NextWeek(), ForecastMethod::kAuto, 7 * kSlots);
    ASSERT_TRUE(profile.ok() && hw.ok() && chosen.ok());
    EXPECT_LT(hw->holdout->wape, profile->holdout->wape);
    EXPECT_EQ(chosen->method, ForecastMethod::kHoltWinters);
    // Without a trend term it lags the growth by about a week (8%), half the profile's error.
    EXPECT_LT(hw->holdout->wape, 0.10);
    EXPECT_GT(profile->holdout->wape, 0.15);
    // Forecasts are never negative, and nights stay (nearly) empty.
    for (double c : hw->calls) {
        EXPECT_GE(c, 0.0);
    }
    EXPECT_LT(hw->calls[2 * 2], 3.0);  // Monday 02:00
}

TEST(Forecast, AutoKeepsTheProfileForANoisyFlatCenter) {
    History h = Weeks(5, 0, 2.0, 3);
    auto r = Forecast(h, NextWeek(), ForecastMethod::kAuto, 7 * kSlots);
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r->profile_holdout && r->holt_winters_holdout);
    const double best = std::min(r->profile_holdout->wape, r->holt_winters_holdout->wape);
    EXPECT_DOUBLE_EQ(r->holdout->wape, best);
}

TEST(Forecast, HolidaysAreLeftOutOfTraining) {
    History h = Weeks(3, 0, 0, 4);
    for (int s = 0; s < kSlots; ++s) {  // week 2's Wednesday: closed, marked a holiday
        IntervalPoint& p = h.points[static_cast<size_t>(7 * kSlots + 2 * kSlots + s)];
        p.calls = 0;
        p.holiday = true;
    }
    auto r = Forecast(h, NextWeek(), ForecastMethod::kProfile, 0);
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(r->calls[2 * kSlots + 21], Shape(2, 21), 1e-9);  // Wednesday 10:30 unharmed
}

TEST(Forecast, TooLittleHistoryIsAnError) {
    History h = Weeks(1, 0, 0, 5);
    h.points.resize(100);
    EXPECT_FALSE(Forecast(h, NextWeek(), ForecastMethod::kProfile, 0).ok());
    History one = Weeks(1, 0, 0, 5);
    auto hw = Forecast(one, NextWeek(), ForecastMethod::kHoltWinters, 0);
    ASSERT_FALSE(hw.ok());
    EXPECT_NE(hw.status().message().find("two weeks"), std::string::npos);
}

}  // namespace
}  // namespace hotline::wfm
