// Overflow rules (人工来电溢出): triggered by time in queue, queue length, expected wait or no
// agent logged in; acting by widening the pool, moving the contact, offering a callback, or
// leaving the queue (voicemail, message, hang up).
#include <algorithm>

#include "engine_impl.h"

namespace hotline::routing {
namespace {

const char* LeaveName(LeaveMode m) {
    switch (m) {
        case LeaveMode::kVoicemail:
            return "voicemail";
        case LeaveMode::kMessage:
            return "message";
        case LeaveMode::kHangup:
            return "hangup";
    }
    return "hangup";
}

}  // namespace

void Engine::Impl::ScheduleTimeRule(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    if (c.rule_timer) {
        timers.Cancel(c.rule_timer);
    }
    c.rule_timer = 0;
    // Nobody waits on the line for a callback: time rules are for callers.
    if (c.channel == Channel::kCallback) {
        return;
    }
    const auto& rules = queues[c.queue].time_rules;
    if (c.next_time_rule >= rules.size()) {
        return;
    }
    c.rule_timer = timers.Schedule(c.queue_entry + rules[c.next_time_rule].after,
                                   ContactTimer<&Impl::OnTimeRule>(ci));
}

void Engine::Impl::OnTimeRule(ContactIdx ci) {
    ContactRt& c = contacts[ci];
    c.rule_timer = 0;
    // Ringing at an agent: the rule waits; ReturnToQueue re-arms it if the offer fails.
    if (c.stage != ContactRt::Stage::kQueued) {
        return;
    }
    const TimeRule& rule = queues[c.queue].time_rules[c.next_time_rule++];
    if (ApplyAction(ci, rule.id, rule.action)) {
        ScheduleTimeRule(ci);
    }
}

void Engine::Impl::ApplyArrivalRules(ContactIdx ci) {
    const QueueIdx qi = contacts[ci].queue;
    const QueueRt& q = queues[qi];
    for (const OverflowRule* rule : q.arrival_rules) {
        bool fire = rule->when.kind == OverflowTrigger::Kind::kQueueLength
                        ? q.waiting >= rule->when.length
                        : ExpectedWait(qi) >= rule->when.after;
        if (fire && !ApplyAction(ci, rule->id, rule->action)) {
            return;
        }
    }
    if (!Staffed(contacts[ci])) {
        for (const OverflowRule* rule : q.no_agent_rules) {
            if (!ApplyAction(ci, rule->id, rule->action)) {
                return;
            }
        }
    }
}

void Engine::Impl::ApplyNoAgentRules(QueueIdx qi) {
    for (ContactIdx ci : WaitingIn(qi)) {
        if (!contacts[ci].live || contacts[ci].queue != qi || Staffed(contacts[ci])) {
            continue;
        }
        for (const OverflowRule* rule : queues[qi].no_agent_rules) {
            if (!ApplyAction(ci, rule->id, rule->action)) {
                break;
            }
        }
    }
}

bool Engine::Impl::ApplyAction(ContactIdx ci, const RuleId& rule, const OverflowAction& action) {
    ContactRt& c = contacts[ci];
    const QueueRt& q = queues[c.queue];
    switch (action.kind) {
        case OverflowAction::Kind::kWiden: {
            Emit<events::Overflow>(c.id, q.id, rule, "widen", QueueId{});
            auto add = [&](Requirement r) {
                r.insert(r.end(), c.extra.begin(), c.extra.end());
                c.widened.push_back(Intern(NormalizeRequirement(std::move(r))));
            };
            for (const Requirement& r : action.add) {
                add(r);
            }
            if (action.lower_min_level_by > 0) {
                Requirement lowered = q.cfg->skills;
                for (SkillLevel& s : lowered) {
                    s.level = std::max(1, s.level - action.lower_min_level_by);
                }
                add(std::move(lowered));
            }
            RecomputeEligibility(ci);
            if (c.bucket != kNone) {
                TryContact(ci);
            }
            return true;
        }
        case OverflowAction::Kind::kMove: {
            const QueueIdx to = queue_index.at(action.to_queue);
            // A contact never returns to a queue it has left: rules cannot send it in circles.
            if (std::find(c.visited.begin(), c.visited.end(), to) != c.visited.end()) {
                return true;
            }
            Emit<events::Overflow>(c.id, q.id, rule, "move", action.to_queue);
            RemoveWaiting(ci);
            c.widened.clear();
            EnterQueue(ci, to, /*fresh_arrival=*/true);
            return false;
        }
        case OverflowAction::Kind::kCallback:
            if (!c.callback_offered) {
                c.callback_offered = true;
                Emit<events::Overflow>(c.id, q.id, rule, "callback", QueueId{});
            }
            return true;
        case OverflowAction::Kind::kLeave: {
            const char* mode = LeaveName(action.leave);
            Emit<events::Overflow>(c.id, q.id, rule, mode, QueueId{});
            RemoveWaiting(ci);
            EndContact(ci, "system", "queue", rule.str() == "max_wait" ? "max_wait" : mode);
            return false;
        }
    }
    return true;
}

}  // namespace hotline::routing
