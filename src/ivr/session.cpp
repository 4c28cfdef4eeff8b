#include "hotline/ivr/session.h"

#include <algorithm>
#include <cctype>

namespace hotline::ivr {
namespace {

// check-config refuses loops that never wait; this bounds a flow built some other way.
constexpr int kMaxSilentSteps = 1000;

Step Terminal(StepKind kind, const IvrNode& n, std::string outcome) {
    Step s;
    s.kind = kind;
    s.node = n.id;
    s.prompt = n.prompt;
    s.outcome = std::move(outcome);
    return s;
}

}  // namespace

Session::Session(const IvrFlow& flow, Variables vars, std::function<bool()> is_open)
    : flow_(flow), vars_(std::move(vars)), is_open_(std::move(is_open)) {}

Step Session::Start() {
    return Enter(flow_.start);
}

const IvrNode& Session::Current() const {
    return *flow_.Find(current_);
}

Step Session::Ask(const IvrNode& n) {
    Step s;
    s.kind = StepKind::kGetDigits;
    s.node = n.id;
    s.prompt = n.prompt;
    s.duration = n.duration;
    s.timeout = n.timeout;
    s.max_digits = n.kind == IvrNodeKind::kCollect ? n.max_digits : 1;
    s.terminator = n.terminator;
    s.survey = n.kind == IvrNodeKind::kSurvey;
    return s;
}

Step Session::Enter(const std::string& start) {
    std::string id = start;
    for (int i = 0; i < kMaxSilentSteps; ++i) {
        const IvrNode* n = flow_.Find(id);
        if (n == nullptr) {
            break;
        }
        current_ = id;
        attempts_ = 0;
        trail_.push_back(id);
        switch (n->kind) {
            case IvrNodeKind::kPlay: {
                Step s;
                s.kind = StepKind::kPlay;
                s.node = id;
                s.prompt = n->prompt;
                s.duration = n->duration;
                return s;
            }
            case IvrNodeKind::kMenu:
            case IvrNodeKind::kCollect:
            case IvrNodeKind::kCallback:
            case IvrNodeKind::kSurvey:
                return Ask(*n);
            case IvrNodeKind::kHours:
                id = (is_open_ && !is_open_()) ? n->closed : n->open;
                continue;
            case IvrNodeKind::kCondition: {
                id = n->otherwise;
                for (const auto& c : n->conditions) {
                    auto it = vars_.find(c.variable);
                    if (it != vars_.end() && it->second == c.equals) {
                        id = c.then;
                        break;
                    }
                }
                continue;
            }
            case IvrNodeKind::kSet:
                for (const auto& [k, v] : n->assign) {
                    vars_[k] = v;
                }
                id = n->next;
                continue;
            case IvrNodeKind::kQueue: {
                Step s = Terminal(StepKind::kQueue, *n, "queued");
                s.queue = n->queue;
                s.priority = n->priority;
                s.skills = n->skills;
                return s;
            }
            case IvrNodeKind::kTransfer: {
                Step s = Terminal(StepKind::kTransfer, *n, "transferred");
                s.target = n->target;
                return s;
            }
            case IvrNodeKind::kVoicemail:
                return Terminal(StepKind::kVoicemail, *n, "voicemail");
            case IvrNodeKind::kHangup:
                return Terminal(StepKind::kHangup, *n, "self_served");
        }
    }
    Step end;
    end.kind = StepKind::kHangup;
    end.node = id;
    end.outcome = "hangup";
    return end;
}

Step Session::PlaybackDone() {
    const IvrNode& n = Current();
    if (n.kind != IvrNodeKind::kPlay) {
        return Ask(n);  // a stray report: ask again
    }
    return Enter(n.next);
}

// A timeout or a wrong entry: ask again while retries last, then on_fail (or hang up).
Step Session::Retry(const IvrNode& n) {
    if (++attempts_ <= n.retries) {
        return Ask(n);
    }
    if (!n.on_fail.empty()) {
        return Enter(n.on_fail);
    }
    return Terminal(StepKind::kHangup, n, "hangup");
}

Step Session::Digits(const std::string& raw) {
    const IvrNode& n = Current();
    switch (n.kind) {
        case IvrNodeKind::kMenu: {
            if (raw.empty()) {
                return Retry(n);
            }
            auto it = n.options.find(raw.substr(0, 1));
            if (it == n.options.end()) {
                return Retry(n);
            }
            return Enter(it->second);
        }
        case IvrNodeKind::kCollect: {
            std::string d = raw;
            if (!n.terminator.empty() && d.size() >= n.terminator.size() &&
                d.compare(d.size() - n.terminator.size(), n.terminator.size(), n.terminator) == 0) {
                d.resize(d.size() - n.terminator.size());
            }
            const bool digits = !d.empty() && std::all_of(d.begin(), d.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            });
            const auto len = static_cast<int>(d.size());
            if (!digits || len < n.min_digits || len > n.max_digits) {
                return Retry(n);
            }
            vars_[n.variable] = d;
            return Enter(n.next);
        }
        case IvrNodeKind::kCallback: {
            if (raw != n.accept_digit) {
                return Enter(n.next);  // declined: go on to next
            }
            Step s = Terminal(StepKind::kCallback, n, "callback");
            if (const IvrNode* q = flow_.Find(n.next);
                q != nullptr && q->kind == IvrNodeKind::kQueue) {
                s.queue = q->queue;  // the callback keeps the caller's place in that queue
                s.priority = q->priority;
                s.skills = q->skills;
            }
            return s;
        }
        case IvrNodeKind::kSurvey:
            if (raw.size() == 1 && raw[0] >= '1' && raw[0] <= '5') {
                survey_ = raw[0] - '0';
            }
            return Enter(n.next);
        default:
            return Enter(n.next.empty() ? flow_.start : n.next);
    }
}

}  // namespace hotline::ivr
