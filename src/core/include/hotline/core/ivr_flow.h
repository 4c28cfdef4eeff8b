#pragma once
// IVR flows as the center file describes them (docs/ivr.md): plain data, read by the config
// loader and run by the interpreter in src/ivr. Each node remembers where the file defined it,
// so check-config can point at it.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "hotline/core/ids.h"
#include "hotline/core/skills.h"
#include "hotline/core/time.h"

namespace hotline {

enum class IvrNodeKind {
    kPlay,       // prompt, then next
    kMenu,       // prompt and one digit → option; timeout / invalid digit retried, then on_fail
    kCollect,    // prompt and digits into a variable (min…max, terminator), then next / on_fail
    kHours,      // open or closed by the center's business hours and holidays
    kCondition,  // first rule whose variable equals its value, else
    kSet,        // variables, then next
    kQueue,      // leave the IVR into a queue (priority, extra skills)
    kCallback,   // offer a callback: the accept digit requests one, anything else goes on to next
    kSurvey,     // post-call satisfaction 1–5, then next
    kTransfer,   // out of the center to a number
    kVoicemail,  // leave a message
    kHangup,     // prompt, then end
};

struct IvrPosition {
    int line = 0, column = 0;
};

struct IvrCondition {
    std::string variable, equals, then;
    IvrPosition at;
};

struct IvrNode {
    std::string id;
    IvrNodeKind kind = IvrNodeKind::kPlay;
    IvrPosition at;
    std::string prompt;
    Duration duration{0};                        // how long the prompt plays
    std::string next;                            // play, collect, set, callback, survey
    std::map<std::string, std::string> options;  // menu: digit → node
    Duration timeout{5000};
    int retries = 2;
    std::string on_fail;   // menu, collect: after the retries
    std::string variable;  // collect
    int min_digits = 1, max_digits = 1;
    std::string terminator;
    std::vector<std::pair<std::string, std::string>> assign;  // set
    std::string open, closed;                                 // hours
    std::vector<IvrCondition> conditions;                     // condition
    std::string otherwise;                                    // condition's else
    QueueId queue;                                            // queue
    int priority = 0;
    Requirement skills;
    std::string accept_digit = "1";  // callback
    std::string target;              // transfer
    // Where each reference to another node was written, for error messages.
    std::vector<std::pair<std::string, IvrPosition>> references;
};

struct IvrFlow {
    std::string id;
    std::string start;
    IvrPosition at;
    std::vector<IvrNode> nodes;

    const IvrNode* Find(const std::string& node) const {
        for (const auto& n : nodes) {
            if (n.id == node) {
                return &n;
            }
        }
        return nullptr;
    }
};

}  // namespace hotline
