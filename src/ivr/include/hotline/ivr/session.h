#pragma once
// The IVR interpreter: one caller's way through a flow (docs/ivr.md). It does no I/O and knows
// no clock — whoever drives it (the simulator, the SIP adapter) plays the prompts, collects the
// digits and reports back, so a simulated caller and a real one take exactly the same path.
//
//   Session s(flow, vars, is_open);
//   Step step = s.Start();                 // e.g. kPlay "prompts/welcome" for 6 s
//   step = s.PlaybackDone();               // … kGetDigits for the main menu
//   step = s.Digits("1");                  // … until a terminal step: kQueue, kHangup, …

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/center.h"
#include "hotline/core/ivr_flow.h"

namespace hotline::ivr {

enum class StepKind {
    kPlay,       // play `prompt` for `duration`, then call PlaybackDone()
    kGetDigits,  // play `prompt` and collect up to `max_digits` (ending at `terminator`) within
                 // `timeout`, then call Digits() — with "" on a timeout
    kQueue,      // leave the IVR: enqueue into `queue` with `priority` and `skills`
    kCallback,   // leave the IVR: the caller asked to be called back (then into `queue`'s place)
    kTransfer,   // leave the IVR: transfer the call to `target`
    kVoicemail,  // leave the IVR: record a message after `prompt`
    kHangup,     // leave the IVR: play `prompt` and end the call
};

struct Step {
    StepKind kind = StepKind::kHangup;
    std::string node;  // the node that asks for it
    std::string prompt;
    Duration duration{0};
    Duration timeout{0};
    int max_digits = 1;
    std::string terminator;
    QueueId queue;
    int priority = 0;
    Requirement skills;
    std::string target;
    bool survey = false;  // kGetDigits of a survey: one digit 1–5
    // Why the caller leaves (the ivr_exit outcome): queued, self_served, hangup, after_hours,
    // voicemail, transferred, callback.
    std::string outcome;
    bool terminal() const { return kind != StepKind::kPlay && kind != StepKind::kGetDigits; }
};

using Variables = std::map<std::string, std::string>;

class Session {
  public:
    // `is_open` answers the business-hours node; `vars` are what is known of the caller
    // (e.g. vip from caller data), and what collect and set nodes add.
    Session(const IvrFlow& flow, Variables vars, std::function<bool()> is_open);

    Step Start();
    Step PlaybackDone();
    Step Digits(const std::string& digits);

    const Variables& variables() const { return vars_; }
    // Nodes visited, in order (for ivr_input / ivr_exit events and for tests).
    const std::vector<std::string>& trail() const { return trail_; }
    // The survey answer, when the caller gave one (1–5).
    std::optional<int> survey_score() const { return survey_; }

  private:
    Step Enter(const std::string& node);
    const IvrNode& Current() const;
    Step Ask(const IvrNode& node);
    Step Retry(const IvrNode& node);

    const IvrFlow& flow_;
    Variables vars_;
    std::function<bool()> is_open_;
    std::string current_;
    int attempts_ = 0;
    bool self_served_ = false;
    std::optional<int> survey_;
    std::vector<std::string> trail_;
};

}  // namespace hotline::ivr
