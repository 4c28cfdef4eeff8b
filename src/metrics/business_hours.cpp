#include <algorithm>

#include "hotline/metrics/calendar.h"

namespace hotline::metrics {

// Open when the local weekday's hours contain the local time and the date is no holiday. A
// center without hours is always open.
std::function<bool(Timestamp)> BusinessHoursOf(const CenterConfig& c) {
    bool any = false;
    for (const auto& day : c.hours.open) {
        any |= !day.empty();
    }
    auto cal = Calendar::ForZone(c.timezone);
    if (!any || !cal.ok()) {
        return {};
    }
    return [cal = *cal, hours = c.hours](Timestamp t) {
        const std::string date = cal.LocalText(t).substr(0, 10);
        if (std::find(hours.holidays.begin(), hours.holidays.end(), date) != hours.holidays.end()) {
            return false;
        }
        const int minute = cal.MinuteOfDay(t);
        for (const auto& [from, to] : hours.open[static_cast<size_t>(cal.Weekday(t))]) {
            if (minute >= from && minute < to) {
                return true;
            }
        }
        return false;
    };
}

}  // namespace hotline::metrics
