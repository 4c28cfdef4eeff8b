#include "hotline/metrics/calendar.h"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>
#include <stdexcept>

namespace hotline::metrics {

namespace {

using std::chrono::days;
using std::chrono::minutes;
using LocalMs = date::local_time<std::chrono::milliseconds>;

}  // namespace

struct Calendar::Impl {
    const date::time_zone* zone = nullptr;
    std::string name;

    LocalMs ToLocal(Timestamp t) const { return zone->to_local(t); }
    // Earliest UTC instant of a local time; a local time skipped by a DST jump maps to the
    // instant the jump lands on.
    Timestamp ToUtc(LocalMs local) const {
        auto info = zone->get_info(date::floor<std::chrono::seconds>(local));
        if (info.result == date::local_info::nonexistent) {
            return Timestamp{info.second.begin.time_since_epoch()};
        }
        return Timestamp{local.time_since_epoch() - info.first.offset};
    }
};

Result<Calendar> Calendar::ForZone(std::string_view zone) {
    auto impl = std::make_unique<Impl>();
    try {
        impl->zone = date::locate_zone(zone);
    } catch (const std::exception&) {
        return InvalidArgument("unknown time zone '" + std::string(zone) +
                               "' (expected a tz database name such as Asia/Shanghai or UTC)");
    }
    impl->name = std::string(zone);
    return Calendar(std::move(impl));
}

Calendar::Calendar(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Calendar::Calendar(const Calendar& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
Calendar& Calendar::operator=(const Calendar& o) {
    impl_ = std::make_unique<Impl>(*o.impl_);
    return *this;
}
Calendar::Calendar(Calendar&&) noexcept = default;
Calendar& Calendar::operator=(Calendar&&) noexcept = default;
Calendar::~Calendar() = default;

const std::string& Calendar::zone() const {
    return impl_->name;
}

Timestamp Calendar::IntervalStart(Timestamp t, IntervalSpec spec) const {
    if (spec.unit == IntervalUnit::kWhole) {
        return Timestamp{};
    }
    LocalMs local = impl_->ToLocal(t);
    auto day = date::floor<days>(local);
    LocalMs start;
    switch (spec.unit) {
        case IntervalUnit::kMinutes: {
            auto since_midnight = date::floor<minutes>(local - day);
            auto step = minutes(spec.minutes);
            start = day + (since_midnight / step) * step;
            break;
        }
        case IntervalUnit::kDay:
            start = day;
            break;
        case IntervalUnit::kWeek: {
            date::weekday wd{day};
            start = day - (wd - date::Monday);
            break;
        }
        case IntervalUnit::kMonth: {
            date::year_month_day ymd{day};
            start = date::local_days{ymd.year() / ymd.month() / 1};
            break;
        }
        case IntervalUnit::kWhole:
            break;
    }
    return impl_->ToUtc(start);
}

std::string Calendar::Label(Timestamp interval_start, IntervalSpec spec) const {
    LocalMs local = impl_->ToLocal(interval_start);
    switch (spec.unit) {
        case IntervalUnit::kMinutes:
            return date::format("%Y-%m-%d %H:%M", date::floor<minutes>(local));
        case IntervalUnit::kDay:
        case IntervalUnit::kWeek:
            return date::format("%Y-%m-%d", date::floor<days>(local));
        case IntervalUnit::kMonth:
            return date::format("%Y-%m", date::floor<days>(local));
        case IntervalUnit::kWhole:
            break;
    }
    return "all";
}

std::string Calendar::LocalText(Timestamp t) const {
    return date::format("%Y-%m-%d %H:%M:%S", date::floor<std::chrono::seconds>(impl_->ToLocal(t)));
}

std::optional<Timestamp> Calendar::ParseLocal(std::string_view text) const {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char sep = 0;
    std::string buf(text);
    int n = std::sscanf(buf.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &s);
    if (n != 3 && n != 6 && n != 7) {
        return std::nullopt;
    }
    if (n > 3 && sep != ' ' && sep != 'T') {
        return std::nullopt;
    }
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                             date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) {
        return std::nullopt;
    }
    LocalMs local =
        date::local_days{ymd} + std::chrono::hours(h) + minutes(mi) + std::chrono::seconds(s);
    return impl_->ToUtc(local);
}

int Calendar::Weekday(Timestamp t) const {
    auto day = date::floor<days>(impl_->ToLocal(t));
    return static_cast<int>((date::weekday{day} - date::Monday).count());
}

int Calendar::MinuteOfDay(Timestamp t) const {
    LocalMs local = impl_->ToLocal(t);
    return static_cast<int>(date::floor<minutes>(local - date::floor<days>(local)).count());
}

Timestamp Calendar::NextInterval(Timestamp interval_start, IntervalSpec spec) const {
    switch (spec.unit) {
        case IntervalUnit::kMinutes:
            // Past a DST change the local grid moves with the clock: step, then snap to it.
            return IntervalStart(interval_start + minutes(spec.minutes) + minutes(spec.minutes) / 2,
                                 spec);
        case IntervalUnit::kDay:
            return IntervalStart(interval_start + std::chrono::hours(36), spec);
        case IntervalUnit::kWeek:
            return IntervalStart(interval_start + std::chrono::hours(24 * 7 + 12), spec);
        case IntervalUnit::kMonth:
            return IntervalStart(interval_start + std::chrono::hours(24 * 32), spec);
        case IntervalUnit::kWhole:
            break;
    }
    return interval_start;
}

Timestamp Calendar::FromLocalMillis(int64_t local_ms) const {
    return impl_->ToUtc(LocalMs{std::chrono::milliseconds(local_ms)});
}

Result<IntervalSpec> ParseInterval(std::string_view text) {
    if (text == "15m") {
        return IntervalSpec::Minutes(15);
    }
    if (text == "30m") {
        return IntervalSpec::Minutes(30);
    }
    if (text == "60m" || text == "1h") {
        return IntervalSpec::Minutes(60);
    }
    if (text == "day") {
        return IntervalSpec::Day();
    }
    if (text == "week") {
        return IntervalSpec{IntervalUnit::kWeek, 0};
    }
    if (text == "month") {
        return IntervalSpec{IntervalUnit::kMonth, 0};
    }
    return InvalidArgument("interval '" + std::string(text) +
                           "': expected 15m, 30m, 60m, day, week or month");
}

}  // namespace hotline::metrics
