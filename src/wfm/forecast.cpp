// Two forecasting methods and a chooser:
//  - profile: the mean of each (weekday, slot) over the training weeks, holidays left out;
//  - double-seasonal Holt–Winters (Taylor 2003, "Short-term electricity demand forecasting using
//    double seasonal exponential smoothing", JORS 54): additive level, intraday and weekly
//    seasonals, smoothing constants chosen on a grid by the error of week-ahead forecasts over
//    the training data;
//  - auto: whichever has the lower WAPE on the held-out last intervals.
#include "hotline/wfm/forecast.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace hotline::wfm {
namespace {

struct Profile {
    std::vector<double> calls, handle_s, handled;  // by weekday·slots + slot
    std::vector<int> weeks;
    int slots = 0;
    size_t Index(const IntervalPoint& p) const {
        return static_cast<size_t>(p.weekday * slots + p.slot);
    }
};

Profile BuildProfile(const History& h, size_t end) {
    Profile pr;
    pr.slots = h.slots_per_day;
    const size_t n = static_cast<size_t>(7 * pr.slots);
    pr.calls.assign(n, 0);
    pr.handle_s.assign(n, 0);
    pr.handled.assign(n, 0);
    pr.weeks.assign(n, 0);
    for (size_t i = 0; i < end; ++i) {
        const IntervalPoint& p = h.points[i];
        if (p.holiday) {
            continue;
        }
        const size_t k = pr.Index(p);
        pr.calls[k] += p.calls;
        pr.handle_s[k] += p.handle_s;
        pr.handled[k] += p.handled;
        ++pr.weeks[k];
    }
    return pr;
}

double ProfileCalls(const Profile& pr, const IntervalPoint& p) {
    const size_t k = pr.Index(p);
    return pr.weeks[k] > 0 ? pr.calls[k] / pr.weeks[k] : 0;
}

// The slot's volume-weighted handle time; the weekday's, then the whole history's, when the slot
// never had a handled call.
double ProfileAht(const Profile& pr, const IntervalPoint& p) {
    const size_t k = pr.Index(p);
    if (pr.handled[k] > 0) {
        return pr.handle_s[k] / pr.handled[k];
    }
    double s = 0, n = 0;
    for (size_t i = 0; i < pr.handled.size(); ++i) {
        s += pr.handle_s[i];
        n += pr.handled[i];
    }
    return n > 0 ? s / n : 0;
}

std::vector<double> ProfileForecast(const History& h, size_t end,
                                    const std::vector<IntervalPoint>& future) {
    const Profile pr = BuildProfile(h, end);
    std::vector<double> out;
    out.reserve(future.size());
    for (const auto& p : future) {
        out.push_back(ProfileCalls(pr, p));
    }
    return out;
}

struct HwParams {
    double alpha, delta, omega;
};

// Runs the smoothing over y[0..n) and forecasts `ahead` more. Returns the squared error of
// week-ahead forecasts made at the start of every week after the first: the smoothing constants
// are chosen for the horizon the planner uses, not for the next interval.
double HoltWinters(const std::vector<double>& y, int m1, int m2, HwParams k, size_t ahead,
                   std::vector<double>* forecast) {
    const size_t n = y.size();
    // Initial state from the first week: level = its mean, weekly seasonal = deviations, intraday
    // seasonal = 0 (the weekly one already holds each day's shape at the start).
    double level = 0;
    for (int i = 0; i < m2; ++i) {
        level += y[static_cast<size_t>(i)];
    }
    level /= m2;
    std::vector<double> day(static_cast<size_t>(m1), 0.0), week(static_cast<size_t>(m2));
    for (int i = 0; i < m2; ++i) {
        week[static_cast<size_t>(i)] = y[static_cast<size_t>(i)] - level;
    }
    double sse = 0;
    for (size_t t = static_cast<size_t>(m2); t < n; ++t) {
        if (t % static_cast<size_t>(m2) == 0) {
            for (size_t h = 0; h < static_cast<size_t>(m2) && t + h < n; ++h) {
                const double f = std::max(0.0, level + day[(t + h) % static_cast<size_t>(m1)] +
                                                   week[(t + h) % static_cast<size_t>(m2)]);
                sse += (y[t + h] - f) * (y[t + h] - f);
            }
        }
        double& d = day[t % static_cast<size_t>(m1)];
        double& w = week[t % static_cast<size_t>(m2)];
        const double new_level = k.alpha * (y[t] - d - w) + (1 - k.alpha) * level;
        const double new_d = k.delta * (y[t] - new_level - w) + (1 - k.delta) * d;
        w = k.omega * (y[t] - new_level - d) + (1 - k.omega) * w;
        d = new_d;
        level = new_level;
    }
    if (forecast != nullptr) {
        forecast->clear();
        for (size_t h = 0; h < ahead; ++h) {
            const size_t t = n + h;
            forecast->push_back(std::max(
                0.0, level + day[t % static_cast<size_t>(m1)] + week[t % static_cast<size_t>(m2)]));
        }
    }
    return sse;
}

// Holidays would teach the seasonals a false shape: the training series carries the profile's
// value in their place.
std::vector<double> TrainingSeries(const History& h, size_t end) {
    const Profile pr = BuildProfile(h, end);
    std::vector<double> y;
    y.reserve(end);
    for (size_t i = 0; i < end; ++i) {
        const IntervalPoint& p = h.points[i];
        y.push_back(p.holiday ? ProfileCalls(pr, p) : p.calls);
    }
    return y;
}

Result<std::vector<double>> HoltWintersForecast(const History& h, size_t end, size_t ahead,
                                                HwParams* chosen) {
    const int m1 = h.slots_per_day, m2 = 7 * h.slots_per_day;
    if (end < static_cast<size_t>(2 * m2)) {
        return InvalidArgument("Holt-Winters needs at least two weeks of history to train on");
    }
    const std::vector<double> y = TrainingSeries(h, end);
    constexpr std::array<double, 8> kGrid = {0.005, 0.02, 0.05, 0.1, 0.2, 0.4, 0.7, 1.0};
    HwParams best{0.05, 0.05, 0.05};
    double best_sse = std::numeric_limits<double>::infinity();
    for (double a : kGrid) {
        for (double d : kGrid) {
            for (double w : kGrid) {
                const double sse = HoltWinters(y, m1, m2, {a, d, w}, 0, nullptr);
                if (sse < best_sse) {
                    best_sse = sse;
                    best = {a, d, w};
                }
            }
        }
    }
    std::vector<double> out;
    HoltWinters(y, m1, m2, best, ahead, &out);
    if (chosen != nullptr) {
        *chosen = best;
    }
    return out;
}

std::vector<double> Slice(const History& h, size_t from, size_t to) {
    std::vector<double> out;
    for (size_t i = from; i < to; ++i) {
        out.push_back(h.points[i].calls);
    }
    return out;
}

std::vector<IntervalPoint> Tail(const History& h, size_t from) {
    return {h.points.begin() + static_cast<long>(from), h.points.end()};
}

}  // namespace

std::optional<ForecastMethod> ParseForecastMethod(std::string_view name) {
    if (name == "profile") {
        return ForecastMethod::kProfile;
    }
    if (name == "holt-winters") {
        return ForecastMethod::kHoltWinters;
    }
    if (name == "auto") {
        return ForecastMethod::kAuto;
    }
    return std::nullopt;
}

std::string_view ForecastMethodName(ForecastMethod m) {
    switch (m) {
        case ForecastMethod::kProfile:
            return "profile";
        case ForecastMethod::kHoltWinters:
            return "holt-winters";
        case ForecastMethod::kAuto:
            return "auto";
    }
    return "?";
}

Accuracy Measure(const std::vector<double>& actual, const std::vector<double>& forecast) {
    Accuracy a;
    double abs_err = 0, total = 0, ape = 0;
    int with_calls = 0;
    for (size_t i = 0; i < actual.size() && i < forecast.size(); ++i) {
        const double e = std::abs(actual[i] - forecast[i]);
        abs_err += e;
        total += actual[i];
        if (actual[i] > 0) {
            ape += e / actual[i];
            ++with_calls;
        }
        ++a.intervals;
    }
    a.wape = total > 0 ? abs_err / total : 0;
    a.mape = with_calls > 0 ? ape / with_calls : 0;
    return a;
}

Result<ForecastResult> Forecast(const History& h, const std::vector<IntervalPoint>& future,
                                ForecastMethod method, int holdout) {
    const size_t n = h.points.size();
    if (h.slots_per_day <= 0) {
        return InvalidArgument("slots per day must be above 0");
    }
    if (n < static_cast<size_t>(7 * h.slots_per_day)) {
        return InvalidArgument("the history must cover at least one week");
    }
    const size_t train_end =
        holdout > 0 && static_cast<size_t>(holdout) < n ? n - static_cast<size_t>(holdout) : n;
    ForecastResult r;
    const std::vector<double> actual = Slice(h, train_end, n);
    const std::vector<IntervalPoint> held = Tail(h, train_end);
    if (train_end < n) {
        r.profile_holdout = Measure(actual, ProfileForecast(h, train_end, held));
        auto hw = HoltWintersForecast(h, train_end, held.size(), nullptr);
        if (hw.ok()) {
            r.holt_winters_holdout = Measure(actual, *hw);
        }
    }
    r.method = method;
    if (method == ForecastMethod::kAuto) {
        const bool hw_better = r.holt_winters_holdout && r.profile_holdout &&
                               r.holt_winters_holdout->wape < r.profile_holdout->wape;
        r.method = hw_better ? ForecastMethod::kHoltWinters : ForecastMethod::kProfile;
    }
    r.holdout =
        r.method == ForecastMethod::kHoltWinters ? r.holt_winters_holdout : r.profile_holdout;
    // The forecast itself trains on the whole history.
    if (r.method == ForecastMethod::kHoltWinters) {
        HwParams k{};
        auto hw = HoltWintersForecast(h, n, future.size(), &k);
        if (!hw.ok()) {
            return hw.status();
        }
        r.calls = std::move(hw).value();
        r.alpha = k.alpha;
        r.delta = k.delta;
        r.omega = k.omega;
    } else {
        r.calls = ProfileForecast(h, n, future);
    }
    const Profile pr = BuildProfile(h, n);
    for (const auto& p : future) {
        r.aht_s.push_back(ProfileAht(pr, p));
    }
    return r;
}

}  // namespace hotline::wfm
