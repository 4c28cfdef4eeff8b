// The agent half of the aggregator: logged-in time and time per state, split at 15-minute bucket
// boundaries so that each interval gets exactly the time spent in it.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <variant>

#include "aggregator_state.h"
#include "hotline/metrics/calendar.h"

namespace hotline::metrics {
namespace {

constexpr std::array<std::pair<std::string_view, AgentTime>, 5> kStates{{
    {"ready", AgentTime::kReady},
    {"not_ready", AgentTime::kNotReady},
    {"reserved", AgentTime::kReserved},
    {"busy", AgentTime::kBusy},
    {"wrapup", AgentTime::kWrapup},
}};

int64_t FloorBucket(int64_t ms) {
    int64_t b = ms / kBaseBucketMs;
    return (ms % kBaseBucketMs < 0) ? b - 1 : b;
}

// A state longer than this is a broken log (an agent who never logged out), not a shift; it is
// cut here so that one bad event cannot fill memory with empty buckets.
constexpr int64_t kLongestSpanMs = 31LL * 24 * 3600 * 1000;

// Calls add(bucket, ms) for each bucket that [from, to) overlaps.
template <class F>
void SplitSpan(int64_t from, int64_t to, F&& add) {
    to = std::min(to, from + kLongestSpanMs);
    while (from < to) {
        int64_t bucket = FloorBucket(from);
        int64_t end = std::min(to, (bucket + 1) * kBaseBucketMs);
        add(bucket, end - from);
        from = end;
    }
}

}  // namespace

void Aggregator::State::AccrueAgent(int32_t agent, AgentTrack& track, int64_t until_ms) {
    if (!track.logged_in || until_ms <= track.since_ms) {
        track.since_ms = std::max(track.since_ms, until_ms);
        return;
    }
    SplitSpan(track.since_ms, until_ms, [&](int64_t bucket, int64_t ms) {
        for (AgentCounters* a :
             {&agent_buckets[Key(bucket, agent)].agents, &total_buckets[bucket].agents}) {
            a->login_ms += ms;
            a->State(track.state) += ms;
            if (track.state == AgentTime::kNotReady && track.reason != kNone) {
                a->AddNotReady(track.reason, ms);
            }
        }
    });
    track.since_ms = until_ms;
}

void Aggregator::State::AddAgentHold(int32_t agent, int64_t from_ms, int64_t to_ms) {
    SplitSpan(from_ms, to_ms, [&](int64_t bucket, int64_t ms) {
        agent_buckets[Key(bucket, agent)].agents.hold_ms += ms;
        total_buckets[bucket].agents.hold_ms += ms;
    });
}

void Aggregator::State::OnAgentEvent(int64_t ts, const EventBody& body) {
    if (const auto* login = std::get_if<events::AgentLogin>(&body)) {
        int32_t agent = agents.Intern(login->agent.str());
        AgentTrack& t = Track(agent);
        AccrueAgent(agent, t, ts);
        t.logged_in = true;
        t.state = AgentTime::kNotReady;
        t.reason = reasons.Intern("login");
        t.since_ms = ts;
    } else if (const auto* logout = std::get_if<events::AgentLogout>(&body)) {
        int32_t agent = agents.Intern(logout->agent.str());
        AgentTrack& t = Track(agent);
        AccrueAgent(agent, t, ts);
        t.logged_in = false;
    } else if (const auto* st = std::get_if<events::AgentState>(&body)) {
        auto it = std::find_if(kStates.begin(), kStates.end(),
                               [&](const auto& p) { return p.first == st->state; });
        if (it == kStates.end()) {
            ++events_unmatched;
            return;
        }
        int32_t agent = agents.Intern(st->agent.str());
        AgentTrack& t = Track(agent);
        AccrueAgent(agent, t, ts);
        if (!t.logged_in) {  // a log that starts with the agent already logged in
            t.logged_in = true;
            t.since_ms = ts;
        }
        t.state = it->second;
        t.reason = (t.state == AgentTime::kNotReady)
                       ? reasons.Intern(st->reason.empty() ? "unspecified" : st->reason)
                       : kNone;
    }
}

}  // namespace hotline::metrics
