#pragma once
// Forecasting contact volumes and handle times per interval (docs/forecasting.md). The caller
// supplies the history already cut into intervals, each tagged with its local weekday and slot of
// the day, so this module needs no calendar or time zone of its own.

#include <optional>
#include <string_view>
#include <vector>

#include "hotline/core/status.h"

namespace hotline::wfm {

struct IntervalPoint {
    double calls = 0;
    double handle_s = 0;   // Σ handle time of the interval's handled contacts, s
    double handled = 0;    // how many were handled (AHT = handle_s / handled)
    int weekday = 0;       // 0 = Monday … 6 = Sunday, local
    int slot = 0;          // interval of the local day, 0 … slots_per_day − 1
    bool holiday = false;  // left out of training
};

struct History {
    int slots_per_day = 48;
    std::vector<IntervalPoint> points;  // consecutive intervals
};

enum class ForecastMethod { kProfile, kHoltWinters, kAuto };
std::optional<ForecastMethod> ParseForecastMethod(std::string_view name);
std::string_view ForecastMethodName(ForecastMethod m);

struct Accuracy {
    double wape = 0;  // Σ|error| / Σ actual
    double mape = 0;  // mean |error| / actual over intervals with calls
    int intervals = 0;
};
Accuracy Measure(const std::vector<double>& actual, const std::vector<double>& forecast);

struct ForecastResult {
    ForecastMethod method = ForecastMethod::kProfile;  // the one used (auto resolves to one)
    std::vector<double> calls;                         // per future interval
    std::vector<double> aht_s;        // per future interval (the slot's volume-weighted mean)
    std::optional<Accuracy> holdout;  // the chosen method on the held-out tail
    std::optional<Accuracy> profile_holdout;  // each candidate, when auto compared them
    std::optional<Accuracy> holt_winters_holdout;
    double alpha = 0, delta = 0, omega = 0;  // Holt–Winters smoothing, when used
};

// `future` lists the weekday and slot of each interval to forecast (it continues `history`).
// `holdout` intervals at the end of the history measure accuracy (and choose, for kAuto).
Result<ForecastResult> Forecast(const History& history, const std::vector<IntervalPoint>& future,
                                ForecastMethod method, int holdout);

}  // namespace hotline::wfm
