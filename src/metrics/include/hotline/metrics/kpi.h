#pragma once
// KPI definitions (ARCHITECTURE.md §4, docs/kpis.md). Every KPI is a pure function of Counters,
// so the wallboard, history reports and the simulator compute the same number the same way.
// A KPI whose denominator is zero has no value (nullopt), never 0% or 100%.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/core/time.h"
#include "hotline/metrics/counters.h"

namespace hotline::metrics {

// Service level SL(T): which contacts count as met, and which are in the denominator.
enum class SlVariant {
    kShortExcluded,     // answered within T / (offered − short abandons)          (default)
    kOffered,           // answered within T / (answered + abandoned)
    kAnswered,          // answered within T / answered
    kAbandonsMet,       // (answered within T + abandoned within T) / (answered + abandoned)
    kAbandonsExcluded,  // answered within T / (answered + abandoned − abandoned within T)
};

std::optional<SlVariant> ParseSlVariant(std::string_view name);
std::string_view SlVariantName(SlVariant v);
// "short_excluded, offered, answered, abandons_met, abandons_excluded", for help texts.
std::string SlVariantNames();

// The parameters that decide how contacts are counted; fixed for an aggregator's lifetime.
struct KpiOptions {
    Duration service_level_threshold{20'000};  // T
    Duration short_abandon{5'000};             // abandons within this are "short"
    SlVariant sl_variant = SlVariant::kShortExcluded;
    Duration fcr_window{7LL * 24 * 3600 * 1000};  // a repeat contact within this is not FCR
};

struct Kpis {
    std::optional<double> service_level;
    std::optional<double> service_level_answered;  // answered within T / answered, always given
    std::optional<double> asa_s;
    std::optional<double> longest_wait_s;
    std::optional<double> answer_rate;            // answered / offered
    std::optional<double> p_wait;                 // waited / offered: did not go straight through
    std::optional<double> abandon_rate;           // (abandoned − short) / (offered − short)
    std::optional<double> avg_abandon_s;          // mean wait of abandoned contacts
    std::optional<double> answer_time_s;          // mean arrive → answer
    std::optional<double> aht_s;                  // (talk + hold + ACW) / handled
    std::optional<double> talk_s, hold_s, acw_s;  // means per handled contact
    std::optional<double> fcr;                    // 1 − repeats / eligible
    std::optional<double> csat;                   // surveys 4–5 / surveys
    std::optional<double> avg_survey_score;
    // Agent time (denominators stated in docs/kpis.md):
    std::optional<double> occupancy;    // (busy + wrapup) / (ready + reserved + busy + wrapup)
    std::optional<double> utilization;  // (busy + wrapup) / logged in
};

Kpis ComputeKpis(const Counters& c, const KpiOptions& options);

// The service level of counters under a variant; nullopt when its denominator is zero.
std::optional<double> ServiceLevel(const ContactCounters& c, SlVariant variant);

}  // namespace hotline::metrics
