#include "hotline/metrics/report_params.h"

namespace hotline::metrics {
namespace {

Status DurationParam(std::string_view prefix, std::string_view name, const std::string& text,
                     Duration& out) {
    if (text.empty()) {
        return Status::Ok();
    }
    auto d = ParseDuration(text);
    if (!d) {
        return InvalidArgument(std::string(prefix) + std::string(name) + " '" + text +
                               "' is not a duration (e.g. 20s)");
    }
    out = *d;
    return Status::Ok();
}

}  // namespace

void ApplyCenterDefaults(const CenterConfig& center, ReportSetup& s) {
    s.zone = center.timezone.empty() ? "UTC" : center.timezone;
    s.kpi.service_level_threshold = center.service_level.threshold;
    s.kpi.short_abandon = center.short_abandon;
    s.target = center.service_level.fraction;
    s.center_name = center.name;
    for (const auto& a : center.agents) {
        s.request.agent_team[a.id.str()] = a.team.str();
    }
}

Status ApplyReportParams(const ReportParams& p, std::string_view prefix, ReportSetup& s) {
    if (!p.tz.empty()) {
        s.zone = p.tz;
    }
    RETURN_IF_ERROR(DurationParam(prefix, "threshold", p.threshold, s.kpi.service_level_threshold));
    RETURN_IF_ERROR(DurationParam(prefix, "short-abandon", p.short_abandon, s.kpi.short_abandon));
    RETURN_IF_ERROR(DurationParam(prefix, "fcr-window", p.fcr_window, s.kpi.fcr_window));
    if (!p.sl_variant.empty()) {
        auto v = ParseSlVariant(p.sl_variant);
        if (!v) {
            return InvalidArgument(std::string(prefix) + "sl-variant '" + p.sl_variant +
                                   "': expected one of " + SlVariantNames());
        }
        s.kpi.sl_variant = *v;
    }
    if (p.by == "day") {
        s.request.interval = IntervalSpec::Day();
    } else if (!p.by.empty()) {
        auto by = ParseGroupBy(p.by);
        if (!by) {
            return InvalidArgument(std::string(prefix) + "by '" + p.by +
                                   "': expected queue, team, agent or day");
        }
        s.request.by = *by;
    }
    if (!p.interval.empty()) {
        auto iv = ParseInterval(p.interval);
        if (!iv.ok()) {
            return InvalidArgument(std::string(prefix) + "interval: " + iv.status().message());
        }
        s.request.interval = *iv;
    }
    if (p.by.empty() && p.interval.empty()) {
        s.request.interval = IntervalSpec::Day();
    }
    return Status::Ok();
}

Status ApplyReportRange(const ReportParams& p, std::string_view prefix, const Calendar& cal,
                        ReportSetup& s) {
    auto one = [&](std::string_view name, const std::string& text, std::optional<Timestamp>& out) {
        if (text.empty()) {
            return Status::Ok();
        }
        out = cal.ParseLocal(text);
        if (!out) {
            return InvalidArgument(std::string(prefix) + std::string(name) + " '" + text +
                                   "': expected a local date or time, e.g. 2026-12-03 or "
                                   "2026-12-03T08:00");
        }
        return Status::Ok();
    };
    RETURN_IF_ERROR(one("from", p.from, s.request.from));
    return one("to", p.to, s.request.to);
}

}  // namespace hotline::metrics
