#pragma once
// A simulation scenario (docs/simulation.md): how long, which traffic per queue, how many agents.
//
//   duration: 8h            # simulated time per replication
//   warmup: 30m             # excluded from the KPIs
//   seed: 7
//   service_level_s: 20
//   queues:
//     billing:
//       agents: 14
//       arrivals: {rate_per_hour: 200}            # or {profile: forecast.csv}
//                                                 # , weekdays: {sat: 0.5, sun: 0.4}
//       handle_time: {dist: exponential, mean_s: 180}
//       patience: {dist: exponential, mean_s: 300} # omit: nobody abandons
//       after_call_work: {dist: constant, mean_s: 10}
//       staffing: {profile: plan.csv}                # agents per interval instead of `agents`

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/center.h"
#include "hotline/core/status.h"
#include "hotline/core/time.h"
#include "hotline/sim/distribution.h"

namespace hotline::sim {

struct Arrivals {
    double rate_per_hour = 0;          // constant rate, or
    std::vector<double> per_interval;  // calls per interval from the start, repeating daily
    Duration interval{30 * 60 * 1000};
    // A factor per weekday (Monday first; the run starts on a Monday), e.g. sat: 0.5.
    std::array<double, 7> weekday{1, 1, 1, 1, 1, 1, 1};
    // Calls per second at `t` since the start.
    double RateAt(Duration t) const;
};

// Agents on the phones per interval (e.g. the `agents` column of `hotline staff --plan`).
struct Staffing {
    std::vector<int> per_interval;
    Duration interval{30 * 60 * 1000};
    int max() const;
    int At(Duration t) const;  // repeats daily
};

struct QueueTraffic {
    QueueId queue;
    std::optional<int> agents;  // scenario-only: the queue's agents; with a center: agents added
    std::optional<Staffing> staffing;  // scenario-only: agents on duty per interval
    Arrivals arrivals;
    Distribution handle_time = Distribution::Exponential(180);
    std::optional<Distribution> patience;
    std::optional<Distribution> after_call_work;
};

// Callers entering through an IVR flow of the center file (docs/simulation.md):
//   ivr:
//     - flow: main
//       arrivals: {rate_per_hour: 300}
//       choices: {main_menu: {"1": 0.3, "3": 0.2, "0": 0.5}, general_queue: {"1": 0.2, timeout:
//       0.8}} digits: {card_number: "6222021234567890#"} vars: {vip: 0.05}       # the chance that
//       a variable is "1" for a caller think_s: 2              # how long after a prompt a caller
//       presses keys
struct IvrTraffic {
    std::string flow;
    Arrivals arrivals;
    std::map<std::string, std::vector<std::pair<std::string, double>>> choices;  // node → input: p
    std::map<std::string, std::string> digits;
    std::map<std::string, double> vars;
    double think_s = 2;
};

struct Scenario {
    Duration duration{8LL * 3600 * 1000};
    Duration warmup{0};
    uint64_t seed = 1;
    double service_level_s = 20;
    std::vector<QueueTraffic> queues;  // arrivals straight into queues; handle times of all queues
    std::vector<IvrTraffic> ivr;
    // Replay: the contacts of a real day (an event log) arrive again at their original times of
    // day into their queues, talking as long as they did there (docs/simulation.md).
    struct ReplayArrival {
        Duration offset{0};  // from the start of the day
        size_t queue = 0;    // index into `queues`
        std::optional<double> talk_s;
    };
    std::vector<ReplayArrival> replay;
    // A roster (`staffing: {roster: FILE.csv}`, as `hotline schedule --roster` writes it): the
    // agents it names log in at their shift's start, take their breaks and log out at its end;
    // the others work from the start as usual.
    struct Shift {
        AgentId agent;
        Duration start{0}, end{0};
        std::vector<std::pair<Duration, Duration>> breaks;
    };
    std::vector<Shift> roster;
};

// Errors name file:line:column. Relative `profile:` and `file:` paths are read from `base_dir`.
Result<Scenario> ParseScenario(const std::string& yaml, const std::string& file,
                               const std::string& base_dir);

// Without a center file: one skill and one queue per scenario queue, with `agents` identical
// agents each (team = the queue, so agent reports group by queue).
Result<CenterConfig> CenterForScenario(const Scenario& scenario);

}  // namespace hotline::sim
