#include <functional>

#include "hotline/wfm/schedule.h"

namespace hotline::wfm {

std::vector<Pattern> ExpandTemplates(const std::vector<ShiftTemplate>& templates, int days,
                                     int slots_per_day, double slot_hours) {
    std::vector<Pattern> out;
    const int horizon = days * slots_per_day;
    const bool wraps = days % 7 == 0;
    for (size_t s = 0; s < templates.size(); ++s) {
        const ShiftTemplate& t = templates[s];
        int unpaid = 0;
        for (const auto& b : t.breaks) {
            unpaid += b.paid ? 0 : b.length;
        }
        const double paid_hours = (t.length - unpaid) * slot_hours;
        for (int day = 0; day < days; ++day) {
            if (!t.days[static_cast<size_t>(day % 7)]) {
                continue;
            }
            for (int start = t.earliest_start; start <= t.latest_start; ++start) {
                // Every combination of break starts, each inside its window.
                std::vector<int> chosen(t.breaks.size());
                std::function<void(size_t)> place = [&](size_t b) {
                    if (b == t.breaks.size()) {
                        Pattern p;
                        p.shift = s;
                        p.day = day;
                        p.start = start;
                        p.break_starts = chosen;
                        p.paid_hours = paid_hours;
                        p.cost = t.cost.value_or(paid_hours);
                        for (int k = 0; k < t.length; ++k) {
                            bool on_break = false;
                            for (size_t i = 0; i < t.breaks.size(); ++i) {
                                on_break |= k >= chosen[i] && k < chosen[i] + t.breaks[i].length;
                            }
                            if (on_break) {
                                continue;
                            }
                            int at = day * slots_per_day + start + k;
                            if (at >= horizon) {
                                if (!wraps) {
                                    continue;
                                }
                                at %= horizon;
                            }
                            p.working.push_back(at);
                        }
                        out.push_back(std::move(p));
                        return;
                    }
                    const BreakRule& r = t.breaks[b];
                    // Breaks do not overlap and keep their order.
                    const int from =
                        b == 0 ? r.earliest
                               : std::max(r.earliest, chosen[b - 1] + t.breaks[b - 1].length);
                    for (int at = from; at <= r.latest && at + r.length <= t.length; ++at) {
                        chosen[b] = at;
                        place(b + 1);
                    }
                };
                place(0);
            }
        }
    }
    return out;
}

}  // namespace hotline::wfm
