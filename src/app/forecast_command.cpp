// `hotline forecast HISTORY`: contacts and handle time per future interval, from an event log or
// a CSV of interval volumes (docs/forecasting.md). Its CSV is the input of `hotline staff --plan`.
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "commands.h"
#include "hotline/config/loader.h"
#include "hotline/core/event_codec.h"
#include "hotline/core/json_text.h"
#include "hotline/core/text_table.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "hotline/wfm/forecast.h"

namespace hotline::app {
namespace {

namespace json = boost::json;

struct Observed {
    double calls = 0, handle_s = 0, handled = 0;
};
using ByInterval = std::map<Timestamp, Observed>;

Result<ByInterval> FromEvents(const std::string& path, const metrics::Calendar& cal,
                              metrics::IntervalSpec spec) {
    std::ifstream in(path);
    metrics::Aggregator agg;
    std::string line;
    int64_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty()) {
            continue;
        }
        auto e = EventFromJson(line);
        if (!e.ok()) {
            return InvalidArgument(path + ":" + std::to_string(n) + ": " + e.status().message());
        }
        agg.OnEvent(*e);
    }
    metrics::ReportRequest req;
    req.interval = spec;
    ByInterval out;
    for (const auto& row : metrics::BuildReport(agg, cal, req).rows) {
        const auto& c = row.counters.contacts;
        out[row.interval_start] = {static_cast<double>(c.offered),
                                   static_cast<double>(c.talk_ms + c.hold_ms + c.acw_ms) / 1000.0,
                                   static_cast<double>(c.handled)};
    }
    return out;
}

// start,calls[,aht_s]: start is a local time in the report's zone.
Result<ByInterval> FromCsv(const std::string& path, const metrics::Calendar& cal,
                           metrics::IntervalSpec spec) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    if (line.rfind("start,calls", 0) != 0) {
        return InvalidArgument(path + ":1: expected the header start,calls[,aht_s]");
    }
    ByInterval out;
    int n = 1;
    while (NextDataLine(in, line, n)) {
        const auto f = SplitFields(line, ',');
        const auto t = cal.ParseLocal(f[0]);
        const auto calls = f.size() > 1 ? ParseFinite(f[1]) : std::nullopt;
        if (!t || !calls || *calls < 0 || *calls > 1e7) {
            return InvalidArgument(path + ":" + std::to_string(n) +
                                   ": expected a local start (2026-12-03 09:30) and calls >= 0");
        }
        const double c = *calls;
        // No usable handle time for the interval: the profile uses the others'.
        double a = f.size() > 2 ? ParseFinite(f[2]).value_or(0) : 0;
        if (a < 0 || a > 86400) {
            a = 0;
        }
        out[cal.IntervalStart(*t, spec)] = {c, a * c, a > 0 ? c : 0};
    }
    if (out.empty()) {
        return InvalidArgument(path + ": no intervals");
    }
    return out;
}

wfm::IntervalPoint Tag(Timestamp t, const metrics::Calendar& cal, metrics::IntervalSpec spec,
                       const std::set<std::string>& holidays) {
    wfm::IntervalPoint p;
    p.weekday = cal.Weekday(t);
    p.slot = spec.unit == metrics::IntervalUnit::kMinutes ? cal.MinuteOfDay(t) / spec.minutes : 0;
    p.holiday = holidays.count(cal.LocalText(t).substr(0, 10)) > 0;
    return p;
}

struct Prepared {
    std::vector<Timestamp> starts;
    wfm::History history;
};

Prepared Consecutive(const ByInterval& data, const metrics::Calendar& cal,
                     metrics::IntervalSpec spec, const std::set<std::string>& holidays) {
    Prepared p;
    p.history.slots_per_day =
        spec.unit == metrics::IntervalUnit::kMinutes ? 1440 / spec.minutes : 1;
    // Whole local days: a week of history is then a whole number of weeks of slots.
    const Timestamp first = cal.IntervalStart(data.begin()->first, metrics::IntervalSpec::Day());
    const Timestamp end =
        cal.NextInterval(cal.IntervalStart(data.rbegin()->first, metrics::IntervalSpec::Day()),
                         metrics::IntervalSpec::Day());
    for (Timestamp t = first; t < end; t = cal.NextInterval(t, spec)) {
        wfm::IntervalPoint point = Tag(t, cal, spec, holidays);
        if (auto it = data.find(t); it != data.end()) {
            point.calls = it->second.calls;
            point.handle_s = it->second.handle_s;
            point.handled = it->second.handled;
        }
        p.starts.push_back(t);
        p.history.points.push_back(point);
    }
    return p;
}

json::value AccuracyJson(const std::optional<wfm::Accuracy>& a) {
    if (!a) {
        return nullptr;
    }
    json::object o;
    o["wape"] = a->wape;
    o["mape"] = a->mape;
    o["intervals"] = a->intervals;
    return o;
}

}  // namespace

int ForecastCommand(const ForecastOptions& o) {
    std::string zone = o.tz.empty() ? "UTC" : o.tz;
    std::set<std::string> holidays;
    if (!o.center.empty()) {
        config::LoadResult center = config::LoadCenterFromFile(o.center);
        for (const auto& e : center.errors) {
            std::cerr << e.ToString() << "\n";
        }
        if (!center.ok()) {
            return 2;
        }
        if (o.tz.empty()) {
            zone = center.center.timezone;
        }
        holidays.insert(center.center.hours.holidays.begin(), center.center.hours.holidays.end());
    }
    auto cal = metrics::Calendar::ForZone(zone);
    auto spec = metrics::ParseInterval(o.interval);
    auto method = wfm::ParseForecastMethod(o.method);
    auto horizon = ParseDuration(o.horizon);
    auto holdout = ParseDuration(o.holdout);
    auto test_last =
        o.test_last.empty() ? std::optional<Duration>(Duration{0}) : ParseDuration(o.test_last);
    if (!cal.ok() || !spec.ok() || !method || !horizon || !holdout || !test_last ||
        spec->unit == metrics::IntervalUnit::kWeek || spec->unit == metrics::IntervalUnit::kMonth) {
        std::cerr << "forecast: "
                  << (!cal.ok()    ? cal.status().message()
                      : !spec.ok() ? spec.status().message()
                      : !method    ? "--method: expected auto, profile or holt-winters"
                                   : "--interval must be 15m, 30m, 60m or day; --horizon, "
                                     "--holdout and --test-last durations such as 7d")
                  << "\n";
        return 2;
    }
    std::ifstream probe(o.history);
    if (!probe) {
        std::cerr << o.history << ": cannot open the file\n";
        return 2;
    }
    const bool events = probe.peek() == '{';
    auto data = events ? FromEvents(o.history, *cal, *spec) : FromCsv(o.history, *cal, *spec);
    if (!data.ok() || data->empty()) {
        std::cerr << (data.ok() ? o.history + ": no contacts" : data.status().message()) << "\n";
        return 2;
    }
    Prepared prep = Consecutive(*data, *cal, *spec, holidays);
    const int64_t step_ms =
        spec->unit == metrics::IntervalUnit::kMinutes ? spec->minutes * 60'000LL : 86'400'000LL;
    const auto intervals = [&](Duration d) { return static_cast<size_t>(d.count() / step_ms); };

    // --test-last: hide the history's tail, forecast it, and score the forecast against it.
    std::vector<double> actual;
    std::vector<Timestamp> future_starts;
    std::vector<wfm::IntervalPoint> future;
    const size_t hidden = intervals(*test_last);
    if (hidden > 0) {
        if (hidden >= prep.history.points.size()) {
            std::cerr << "forecast: --test-last is longer than the history\n";
            return 2;
        }
        const size_t keep = prep.history.points.size() - hidden;
        for (size_t i = keep; i < prep.history.points.size(); ++i) {
            actual.push_back(prep.history.points[i].calls);
            future.push_back(prep.history.points[i]);
            future_starts.push_back(prep.starts[i]);
        }
        prep.history.points.resize(keep);
    } else {
        Timestamp t = prep.starts.back();
        for (size_t i = 0; i < intervals(*horizon); ++i) {
            t = cal->NextInterval(t, *spec);
            future.push_back(Tag(t, *cal, *spec, holidays));
            future_starts.push_back(t);
        }
    }
    auto result =
        wfm::Forecast(prep.history, future, *method, static_cast<int>(intervals(*holdout)));
    if (!result.ok()) {
        std::cerr << "forecast: " << result.status().message() << "\n";
        return 2;
    }
    std::optional<wfm::Accuracy> test;
    if (!actual.empty()) {
        test = wfm::Measure(actual, result->calls);
    }

    auto label = [&](Timestamp t) {
        return cal->LocalText(t).substr(0, spec->unit == metrics::IntervalUnit::kDay ? 10 : 16);
    };
    if (o.json) {
        json::object root;
        root["method"] = wfm::ForecastMethodName(result->method);
        root["interval_s"] = step_ms / 1000;
        root["holdout"] = AccuracyJson(result->holdout);
        root["holdout_profile"] = AccuracyJson(result->profile_holdout);
        root["holdout_holt_winters"] = AccuracyJson(result->holt_winters_holdout);
        root["test"] = AccuracyJson(test);
        if (result->method == wfm::ForecastMethod::kHoltWinters) {
            json::object k;  // the smoothing constants the week-ahead fit chose
            k["alpha"] = result->alpha;
            k["delta"] = result->delta;
            k["omega"] = result->omega;
            root["holt_winters"] = std::move(k);
        }
        json::array rows;
        for (size_t i = 0; i < future.size(); ++i) {
            json::object r;
            r["start"] = label(future_starts[i]);
            r["calls"] = std::round(result->calls[i] * 100) / 100;
            r["aht_s"] = std::round(result->aht_s[i] * 10) / 10;
            if (!actual.empty()) {
                r["actual_calls"] = actual[i];
            }
            rows.push_back(std::move(r));
        }
        root["intervals"] = std::move(rows);
        std::cout << PlainJson(root) << "\n";
    } else {
        std::cout << "start,calls,aht_s" << (actual.empty() ? "" : ",actual_calls") << "\n";
        for (size_t i = 0; i < future.size(); ++i) {
            char buf[128];
            std::snprintf(buf, sizeof buf, "%s,%.2f,%.1f", label(future_starts[i]).c_str(),
                          result->calls[i], result->aht_s[i]);
            std::cout << buf;
            if (!actual.empty()) {
                std::cout << "," << actual[i];
            }
            std::cout << "\n";
        }
    }
    auto say = [](const char* what, const std::optional<wfm::Accuracy>& a) {
        if (a) {
            std::fprintf(stderr, "forecast: %s WAPE %.1f%%, MAPE %.1f%% over %d intervals\n", what,
                         a->wape * 100, a->mape * 100, a->intervals);
        }
    };
    std::cerr << "forecast: method " << wfm::ForecastMethodName(result->method) << "\n";
    say("holdout, profile:", result->profile_holdout);
    say("holdout, holt-winters:", result->holt_winters_holdout);
    say("test (the hidden tail):", test);
    return 0;
}

}  // namespace hotline::app
