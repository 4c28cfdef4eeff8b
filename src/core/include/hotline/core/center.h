#pragma once
// A call center's configuration as the engine and every other module see it. Loaded from YAML
// by the config module (docs/configuration.md describes each field and its default).

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/channel.h"
#include "hotline/core/ids.h"
#include "hotline/core/ivr_flow.h"
#include "hotline/core/skills.h"
#include "hotline/core/strategy.h"
#include "hotline/core/time.h"

namespace hotline {

struct SkillDef {
    SkillId id;
    std::string name;
};

struct ServiceLevelTarget {
    double fraction = 0.8;                 // e.g. 80 %
    Duration threshold = Duration{20000};  // answered within 20 s
};

// What happens to a contact leaving a queue by rule instead of reaching an agent.
enum class LeaveMode { kVoicemail, kMessage, kHangup };

struct OverflowTrigger {
    enum class Kind { kWaited, kQueueLength, kExpectedWait, kNoAgents };
    Kind kind = Kind::kWaited;
    Duration after{0};  // kWaited, kExpectedWait
    int length = 0;     // kQueueLength: applies to arrivals that find this many waiting
};

struct OverflowAction {
    enum class Kind { kWiden, kMove, kCallback, kLeave };
    Kind kind = Kind::kWiden;
    std::vector<Requirement> add;             // kWiden: further pools that may take the contact
    int lower_min_level_by = 0;               // kWiden: the queue's own skills at a lower level
    QueueId to_queue;                         // kMove
    LeaveMode leave = LeaveMode::kVoicemail;  // kLeave
};

struct OverflowRule {
    RuleId id;
    QueueId queue;
    OverflowTrigger when;
    OverflowAction action;
};

// 合大组: pool the agents of several queues while one of them is in trouble.
struct MergeRule {
    RuleId id;
    std::vector<QueueId> queues;
    Duration window{15 * 60 * 1000};  // service level measured over this sliding window
    Duration check_every{30 * 1000};
    std::optional<double> merge_below_sl;   // merge when a queue's SL falls below this
    std::optional<int> merge_waiting_over;  // ...or its waiting count passes this
    double split_above_sl = 0.0;            // split when every queue is at or above this...
    int split_waiting_under = 0;            // ...and waits at most this many
    Duration min_merged{5 * 60 * 1000};     // hysteresis: stay merged at least this long
    int min_samples = 10;                   // SL needs this many outcomes in the window
};

struct Announcements {
    std::string greeting;  // prompt name played on entry
    std::string music;     // music on hold
    bool announce_position = false;
    Duration announce_every{60 * 1000};
};

struct QueueConfig {
    QueueId id;
    std::string name;
    Channel channel = Channel::kVoice;
    Requirement skills;
    int priority = 0;  // added to each contact's own priority
    Strategy strategy = Strategy::kLongestIdle;
    ServiceLevelTarget service_level;
    Duration wrapup{0};
    std::optional<Duration> ring_timeout;  // center default when absent
    std::optional<Duration> max_wait;
    LeaveMode on_max_wait = LeaveMode::kVoicemail;
    Duration aging{0};  // one priority point per `aging` waited; 0 = strict priority
    Duration expected_handle{180 * 1000};  // seeds the expected-wait estimate
    Announcements announcements;
    bool record = false;  // telephony records this queue's calls (docs/telephony.md)
};

struct TeamConfig {
    TeamId id;
    std::string name;
    AgentId leader;
};

struct AgentConfig {
    AgentId id;
    std::string name;
    TeamId team;
    std::vector<SkillLevel> skills;                  // sorted by skill id
    std::optional<Duration> wrapup;                  // overrides the queue's wrap-up time
    std::array<int, kMediaCount> capacity{1, 0, 0};  // voice, chat, email
    std::string sip;                                 // phone address, used by telephony
};

struct BusinessHours {
    // Per weekday (0 = Monday): open and close as minutes after midnight; empty = closed.
    std::array<std::vector<std::pair<int, int>>, 7> open;
    std::vector<std::string> holidays;  // YYYY-MM-DD in the center's time zone
};

struct CenterConfig {
    std::string name;
    std::string timezone = "Asia/Shanghai";
    BusinessHours hours;
    ServiceLevelTarget service_level;
    Duration short_abandon{5000};
    Duration ring_timeout{15000};
    int max_missed_offers = 2;     // ring-no-answer this many times in a row → not ready
    Duration reject_delay{10000};  // a rejecting agent is skipped this long
    std::vector<SkillDef> skills;
    std::vector<QueueConfig> queues;
    std::vector<TeamConfig> teams;
    std::vector<AgentConfig> agents;
    std::vector<OverflowRule> overflow;
    std::vector<MergeRule> merges;
    std::vector<IvrFlow> ivr;  // self-service flows (docs/ivr.md)

    const QueueConfig* FindQueue(const QueueId& id) const;
    const AgentConfig* FindAgent(const AgentId& id) const;
    const IvrFlow* FindFlow(const std::string& id) const;
};

// Normalises a requirement: sorted by skill, one entry per skill (the highest level wins).
Requirement NormalizeRequirement(Requirement r);

}  // namespace hotline
