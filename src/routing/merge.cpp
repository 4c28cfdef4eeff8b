// Group merging (合大组): while a queue of a merge rule is in trouble (service level over a
// sliding window below a threshold, or too many waiting), the agents of all the rule's queues
// serve all its contacts; the group splits back once every queue has recovered (hysteresis).
#include <algorithm>
#include <cstdio>

#include "engine_impl.h"

namespace hotline::routing {
namespace {

std::string Percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", v * 100.0);
    return buf;
}

}  // namespace

void Engine::Impl::RecordOutcome(QueueIdx qi, bool answered, Duration waited) {
    QueueRt& q = queues[qi];
    if (q.outcome_window.count() == 0) {
        return;  // no merge rule watches this queue
    }
    q.outcomes.push_back({clock.Now(), answered && waited <= q.cfg->service_level.threshold});
}

std::optional<double> Engine::Impl::WindowServiceLevel(QueueIdx qi, Duration window) {
    QueueRt& q = queues[qi];
    const Timestamp now = clock.Now();
    while (!q.outcomes.empty() && q.outcomes.front().at < now - q.outcome_window) {
        q.outcomes.pop_front();
    }
    int total = 0;
    int within = 0;
    for (auto it = q.outcomes.rbegin(); it != q.outcomes.rend() && it->at >= now - window; ++it) {
        ++total;
        within += it->within ? 1 : 0;
    }
    if (total == 0) {
        return std::nullopt;
    }
    return static_cast<double>(within) / total;
}

void Engine::Impl::ScheduleMergeCheck(size_t m) {
    timers.Schedule(clock.Now() + merges[m].rule->check_every, [this, m] {
        CheckMerge(m);
        ScheduleMergeCheck(m);
    });
}

void Engine::Impl::CheckMerge(size_t mi) {
    MergeRt& m = merges[mi];
    const MergeRule& rule = *m.rule;
    const Timestamp now = clock.Now();
    std::string merge_why;
    bool all_recovered = true;
    for (QueueIdx qi : m.queues) {
        const QueueRt& q = queues[qi];
        std::optional<double> sl = WindowServiceLevel(qi, rule.window);
        int samples = 0;
        for (const auto& o : q.outcomes) {
            samples += o.at >= now - rule.window ? 1 : 0;
        }
        const bool sl_known = sl && samples >= rule.min_samples;
        const std::string& name = q.cfg->id.str();
        if (merge_why.empty() && rule.merge_below_sl && sl_known && *sl < *rule.merge_below_sl) {
            merge_why =
                name + " service level " + Percent(*sl) + " < " + Percent(*rule.merge_below_sl);
        }
        if (merge_why.empty() && rule.merge_waiting_over && q.waiting > *rule.merge_waiting_over) {
            merge_why = name + " waiting " + std::to_string(q.waiting) + " > " +
                        std::to_string(*rule.merge_waiting_over);
        }
        if ((sl_known && *sl < rule.split_above_sl) || q.waiting > rule.split_waiting_under) {
            all_recovered = false;
        }
    }
    if (!m.active && !merge_why.empty()) {
        SetMerged(mi, true, merge_why);
    } else if (m.active && merge_why.empty() && all_recovered && now - m.since >= rule.min_merged) {
        SetMerged(mi, false, "recovered");
    }
}

void Engine::Impl::SetMerged(size_t mi, bool active, const std::string& why) {
    MergeRt& m = merges[mi];
    m.active = active;
    m.since = clock.Now();
    std::vector<std::string> names;
    for (QueueIdx qi : m.queues) {
        names.push_back(queues[qi].cfg->id.str());
    }
    if (active) {
        Emit<events::Merge>(m.rule->id, names, why);
    } else {
        Emit<events::Split>(m.rule->id, names, why);
    }
    // Each queue's extra pools: the own pools of every queue it is merged with right now.
    for (QueueIdx qi : m.queues) {
        QueueRt& q = queues[qi];
        q.active_merges += active ? 1 : -1;
        q.merged_reqs.clear();
        for (const MergeRt& other : merges) {
            if (!other.active ||
                std::find(other.queues.begin(), other.queues.end(), qi) == other.queues.end()) {
                continue;
            }
            for (QueueIdx peer : other.queues) {
                if (peer != qi) {
                    q.merged_reqs.push_back(queues[peer].base_req);
                }
            }
        }
    }
    std::vector<ContactIdx> waiting;
    for (QueueIdx qi : m.queues) {
        for (ContactIdx ci : WaitingIn(qi)) {
            RecomputeEligibility(ci);
            waiting.push_back(ci);
        }
    }
    std::sort(waiting.begin(), waiting.end(),
              [&](ContactIdx a, ContactIdx b) { return contacts[a].seq < contacts[b].seq; });
    for (ContactIdx ci : waiting) {
        TryContact(ci);
    }
}

}  // namespace hotline::routing
