// The `center:` section: name, time zone, business hours, holidays and center-wide defaults.
#include <array>
#include <filesystem>

#include "loader_context.h"

namespace hotline::config {
namespace {

constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> DayIndex(std::string_view d) {
    for (size_t i = 0; i < kDays.size(); ++i) {
        if (kDays[i] == d) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

// "mon-fri", "sat", "mon,wed,fri" → day indexes.
std::optional<std::vector<int>> ParseDays(std::string_view spec) {
    std::vector<int> days;
    size_t pos = 0;
    while (pos <= spec.size()) {
        size_t comma = spec.find(',', pos);
        std::string_view part =
            spec.substr(pos, comma == std::string_view::npos ? spec.npos : comma - pos);
        size_t dash = part.find('-');
        auto from = DayIndex(part.substr(0, dash));
        auto to = dash == part.npos ? from : DayIndex(part.substr(dash + 1));
        if (!from || !to || *to < *from) {
            return std::nullopt;
        }
        for (int d = *from; d <= *to; ++d) {
            days.push_back(d);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        pos = comma + 1;
    }
    return days;
}

std::optional<int> ParseClock(std::string_view hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') {
        return std::nullopt;
    }
    auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(hhmm[i])); };
    if (!digit(0) || !digit(1) || !digit(3) || !digit(4)) {
        return std::nullopt;
    }
    int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m != 0)) {
        return std::nullopt;
    }
    return h * 60 + m;
}

void ReadHours(YamlReader& r, const YAML::Node& node, BusinessHours& hours) {
    if (!node.IsDefined() || !r.ExpectMap(node, "hours")) {
        return;
    }
    for (const auto& kv : node) {
        auto days = ParseDays(kv.first.Scalar());
        if (!days) {
            r.Error(kv.first, "days must look like mon-fri, sat or mon,wed, not \"" +
                                  kv.first.Scalar() + "\"");
            continue;
        }
        const std::string range = kv.second.IsScalar() ? kv.second.Scalar() : "";
        if (range == "closed") {
            continue;
        }
        size_t dash = range.find('-');
        auto open = ParseClock(std::string_view(range).substr(0, dash));
        auto close = dash == std::string::npos
                         ? std::nullopt
                         : ParseClock(std::string_view(range).substr(dash + 1));
        if (!open || !close || *close <= *open) {
            r.Error(kv.second,
                    "hours must look like 08:00-20:00 (or closed), not \"" + range + "\"");
            continue;
        }
        for (int d : *days) {
            hours.open[d].emplace_back(*open, *close);
        }
    }
}

bool IsIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            return false;
        }
    }
    int month = std::stoi(s.substr(5, 2));
    int day = std::stoi(s.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void ReadHolidays(YamlReader& r, const YAML::Node& node, BusinessHours& hours) {
    if (!node.IsDefined() || !r.ExpectSequence(node, "holidays")) {
        return;
    }
    for (const auto& d : node) {
        if (!d.IsScalar() || !IsIsoDate(d.Scalar())) {
            r.Error(d, "a holiday must be a date such as 2026-10-01");
            continue;
        }
        hours.holidays.push_back(d.Scalar());
    }
}

}  // namespace

std::optional<ServiceLevelTarget> ReadServiceLevel(YamlReader& r, const YAML::Node& node,
                                                   ServiceLevelTarget base) {
    if (!node.IsDefined() || node.IsNull()) {
        return base;
    }
    if (!r.ExpectMap(node, "service_level")) {
        return std::nullopt;
    }
    r.CheckKeys(node, {"target", "within"}, "service_level");
    if (auto f = r.Fraction(node, "target")) {
        base.fraction = *f;
    }
    if (auto d = r.DurationValue(node, "within")) {
        base.threshold = *d;
    }
    return base;
}

std::optional<LeaveMode> ParseLeaveMode(std::string_view s) {
    if (s == "voicemail") {
        return LeaveMode::kVoicemail;
    }
    if (s == "message") {
        return LeaveMode::kMessage;
    }
    if (s == "hangup") {
        return LeaveMode::kHangup;
    }
    return std::nullopt;
}

void ReadCenterSection(LoadContext& ctx, const YAML::Node& node) {
    YamlReader& r = ctx.reader;
    CenterConfig& c = ctx.center;
    if (!node.IsDefined() || !r.ExpectMap(node, "center")) {
        return;
    }
    r.CheckKeys(node,
                {"name", "timezone", "hours", "holidays", "service_level", "short_abandon",
                 "ring_timeout", "max_missed_offers", "reject_delay"},
                "center");
    c.name = r.String(node, "name").value_or("");
    if (auto tz = r.String(node, "timezone")) {
        const std::filesystem::path zoneinfo = "/usr/share/zoneinfo";
        std::error_code ec;
        if (std::filesystem::is_directory(zoneinfo, ec) &&
            (tz->find("..") != std::string::npos ||
             !std::filesystem::is_regular_file(zoneinfo / *tz, ec))) {
            r.Error(node["timezone"], "unknown time zone \"" + *tz + "\" (e.g. Asia/Shanghai)");
        }
        c.timezone = *tz;
    }
    ReadHours(r, node["hours"], c.hours);
    ReadHolidays(r, node["holidays"], c.hours);
    c.service_level =
        ReadServiceLevel(r, node["service_level"], c.service_level).value_or(c.service_level);
    if (auto d = r.DurationValue(node, "short_abandon")) {
        c.short_abandon = *d;
    }
    if (auto d = r.DurationValue(node, "ring_timeout")) {
        if (d->count() == 0) {
            r.Error(node["ring_timeout"], "\"ring_timeout\" must be longer than 0");
        }
        c.ring_timeout = *d;
    }
    if (auto n = r.Integer(node, "max_missed_offers", 0, 100)) {
        c.max_missed_offers = int(*n);
    }
    if (auto d = r.DurationValue(node, "reject_delay")) {
        c.reject_delay = *d;
    }
}

}  // namespace hotline::config
