#include "hotline/metrics/kpi.h"

#include <array>
#include <utility>

namespace hotline::metrics {
namespace {

constexpr std::array<std::pair<SlVariant, std::string_view>, 5> kVariantNames{{
    {SlVariant::kShortExcluded, "short_excluded"},
    {SlVariant::kOffered, "offered"},
    {SlVariant::kAnswered, "answered"},
    {SlVariant::kAbandonsMet, "abandons_met"},
    {SlVariant::kAbandonsExcluded, "abandons_excluded"},
}};

std::optional<double> Ratio(double num, double den) {
    if (den <= 0) {
        return std::nullopt;
    }
    return num / den;
}

std::optional<double> MeanSeconds(int64_t total_ms, int64_t count) {
    if (count <= 0) {
        return std::nullopt;
    }
    return static_cast<double>(total_ms) / 1000.0 / static_cast<double>(count);
}

}  // namespace

std::optional<SlVariant> ParseSlVariant(std::string_view name) {
    for (const auto& [v, n] : kVariantNames) {
        if (n == name) {
            return v;
        }
    }
    return std::nullopt;
}

std::string_view SlVariantName(SlVariant v) {
    for (const auto& [variant, n] : kVariantNames) {
        if (variant == v) {
            return n;
        }
    }
    return "?";
}

std::string SlVariantNames() {
    std::string out;
    for (const auto& [v, n] : kVariantNames) {
        if (!out.empty()) {
            out += ", ";
        }
        out += n;
    }
    return out;
}

std::optional<double> ServiceLevel(const ContactCounters& c, SlVariant variant) {
    const auto within = static_cast<double>(c.answered_within);
    // Contacts that reached an end in the queue: answered or abandoned. Overflowed, callback and
    // system-ended contacts are in `offered` for the default variant only (they were not served).
    const auto reached = static_cast<double>(c.answered + c.abandoned);
    switch (variant) {
        case SlVariant::kShortExcluded:
            return Ratio(within, static_cast<double>(c.offered - c.short_abandoned));
        case SlVariant::kOffered:
            return Ratio(within, reached);
        case SlVariant::kAnswered:
            return Ratio(within, static_cast<double>(c.answered));
        case SlVariant::kAbandonsMet:
            return Ratio(within + static_cast<double>(c.abandoned_within), reached);
        case SlVariant::kAbandonsExcluded:
            return Ratio(within, reached - static_cast<double>(c.abandoned_within));
    }
    return std::nullopt;
}

Kpis ComputeKpis(const Counters& counters, const KpiOptions& options) {
    const ContactCounters& c = counters.contacts;
    const AgentCounters& a = counters.agents;
    Kpis k;
    k.service_level = ServiceLevel(c, options.sl_variant);
    k.service_level_answered = ServiceLevel(c, SlVariant::kAnswered);
    k.asa_s = MeanSeconds(c.wait_answered_ms, c.answered);
    if (c.answered + c.abandoned > 0) {
        k.longest_wait_s = static_cast<double>(c.longest_wait_ms) / 1000.0;
    }
    k.answer_rate = Ratio(static_cast<double>(c.answered), static_cast<double>(c.offered));
    k.p_wait = Ratio(static_cast<double>(c.waited), static_cast<double>(c.offered));
    k.abandon_rate = Ratio(static_cast<double>(c.abandoned - c.short_abandoned),
                           static_cast<double>(c.offered - c.short_abandoned));
    k.avg_abandon_s = MeanSeconds(c.wait_abandoned_ms, c.abandoned);
    k.answer_time_s = MeanSeconds(c.answer_time_ms, c.answered);
    k.aht_s = MeanSeconds(c.talk_ms + c.hold_ms + c.acw_ms, c.handled);
    k.talk_s = MeanSeconds(c.talk_ms, c.handled);
    k.hold_s = MeanSeconds(c.hold_ms, c.handled);
    k.acw_s = MeanSeconds(c.acw_ms, c.handled);
    k.fcr = Ratio(static_cast<double>(c.fcr_eligible - c.fcr_repeats),
                  static_cast<double>(c.fcr_eligible));
    k.csat = Ratio(static_cast<double>(c.surveys_satisfied), static_cast<double>(c.surveys));
    k.avg_survey_score =
        Ratio(static_cast<double>(c.survey_score_sum), static_cast<double>(c.surveys));

    const auto working =
        static_cast<double>(a.State(AgentTime::kBusy) + a.State(AgentTime::kWrapup));
    const auto available =
        working + static_cast<double>(a.State(AgentTime::kReady) + a.State(AgentTime::kReserved));
    k.occupancy = Ratio(working, available);
    k.utilization = Ratio(working, static_cast<double>(a.login_ms));
    return k;
}

}  // namespace hotline::metrics
