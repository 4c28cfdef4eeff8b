#include "hotline/metrics/counters.h"

namespace hotline::metrics {

void ContactCounters::Add(const ContactCounters& o) {
    offered += o.offered;
    answered += o.answered;
    abandoned += o.abandoned;
    short_abandoned += o.short_abandoned;
    answered_within += o.answered_within;
    abandoned_within += o.abandoned_within;
    waited += o.waited;
    overflowed += o.overflowed;
    callbacks += o.callbacks;
    ended_other += o.ended_other;
    wait_answered_ms += o.wait_answered_ms;
    wait_abandoned_ms += o.wait_abandoned_ms;
    longest_wait_ms = std::max(longest_wait_ms, o.longest_wait_ms);
    answer_time_ms += o.answer_time_ms;
    handled += o.handled;
    talk_ms += o.talk_ms;
    hold_ms += o.hold_ms;
    acw_ms += o.acw_ms;
    transfers += o.transfers;
    fcr_eligible += o.fcr_eligible;
    fcr_repeats += o.fcr_repeats;
    surveys += o.surveys;
    surveys_satisfied += o.surveys_satisfied;
    survey_score_sum += o.survey_score_sum;
}

void AgentCounters::AddNotReady(int32_t reason, int64_t ms) {
    for (auto& [r, total] : not_ready_by_reason_ms) {
        if (r == reason) {
            total += ms;
            return;
        }
    }
    not_ready_by_reason_ms.emplace_back(reason, ms);
}

void AgentCounters::Add(const AgentCounters& o) {
    for (size_t i = 0; i < state_ms.size(); ++i) {
        state_ms[i] += o.state_ms[i];
    }
    login_ms += o.login_ms;
    hold_ms += o.hold_ms;
    offers += o.offers;
    offers_failed += o.offers_failed;
    for (const auto& [reason, ms] : o.not_ready_by_reason_ms) {
        AddNotReady(reason, ms);
    }
}

}  // namespace hotline::metrics
