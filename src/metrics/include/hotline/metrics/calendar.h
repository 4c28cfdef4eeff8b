#pragma once
// Report intervals in the center's time zone: 15/30/60 minutes, day, week (Monday first, as in
// China and ISO 8601), month. The time-zone database stays behind this header (calendar.cpp), so
// no widely included file pulls in date/tz.h.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "hotline/core/center.h"
#include "hotline/core/status.h"
#include "hotline/core/time.h"

namespace hotline::metrics {

enum class IntervalUnit { kMinutes, kDay, kWeek, kMonth, kWhole };

struct IntervalSpec {
    IntervalUnit unit = IntervalUnit::kMinutes;
    int minutes = 30;  // kMinutes only: 15, 30 or 60

    static IntervalSpec Minutes(int m) { return {IntervalUnit::kMinutes, m}; }
    static IntervalSpec Day() { return {IntervalUnit::kDay, 0}; }
    static IntervalSpec Whole() { return {IntervalUnit::kWhole, 0}; }
};

// "15m", "30m", "60m" (or "1h"), "day", "week", "month"; an error says what is accepted.
Result<IntervalSpec> ParseInterval(std::string_view text);

// The aggregator's finest bucket. Every real time zone's offset is a multiple of 15 minutes, so
// 15-minute UTC buckets nest exactly inside local intervals of every size.
inline constexpr int64_t kBaseBucketMs = int64_t{15} * 60 * 1000;

class Calendar {
  public:
    // A zone name from the tz database ("Asia/Shanghai", "UTC"); unknown names are an error.
    static Result<Calendar> ForZone(std::string_view zone);
    Calendar(const Calendar&);
    Calendar& operator=(const Calendar&);
    Calendar(Calendar&&) noexcept;
    Calendar& operator=(Calendar&&) noexcept;
    ~Calendar();

    const std::string& zone() const;
    // Start of the interval containing `t` (UTC); kWhole maps everything to the epoch.
    Timestamp IntervalStart(Timestamp t, IntervalSpec spec) const;
    // Local label: "2026-12-03 09:30" for minutes, "2026-12-03" for a day or a week (its Monday),
    // "2026-12" for a month, "all" for kWhole.
    std::string Label(Timestamp interval_start, IntervalSpec spec) const;
    // Local wall-clock text "2026-12-03 09:30:05", for messages.
    std::string LocalText(Timestamp t) const;
    // Parses a local "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM[:SS]" into UTC.
    std::optional<Timestamp> ParseLocal(std::string_view text) const;
    // Local weekday (0 = Monday … 6 = Sunday) and minutes since local midnight.
    int Weekday(Timestamp t) const;
    int MinuteOfDay(Timestamp t) const;
    // The start of the interval after the one starting at `interval_start`.
    Timestamp NextInterval(Timestamp interval_start, IntervalSpec spec) const;
    // A local wall-clock time given as milliseconds since 1970-01-01 00:00 local, into UTC.
    Timestamp FromLocalMillis(int64_t local_ms) const;

  private:
    struct Impl;
    explicit Calendar(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Whether the center is open at an instant: its local weekday's hours contain the local time
// and the date is no holiday. Empty (always open) for a center without hours.
std::function<bool(Timestamp)> BusinessHoursOf(const CenterConfig& center);

}  // namespace hotline::metrics
