// Asterisk's queue_log ("epoch|callid|queue|agent|EVENT|data1|data2|..."): app_queue's own record
// of every call and member. Mapping, event by event, in docs/imports.md.
#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "hotline/imports/import.h"
#include "local_time.h"

namespace hotline::imports {
namespace {

struct AgentInfo {
    bool logged_in = false;
    bool paused = false;
    int calls = 0;  // connected calls not yet completed
};

class QueueLogMapper {
  public:
    explicit QueueLogMapper(ImportSummary& summary) : s_(summary) {}

    // One line's fields; returns an error message for a malformed line.
    std::string Map(const std::vector<std::string_view>& f) {
        if (f.size() < 5) {
            return "expected at least 5 '|'-separated fields, found " + std::to_string(f.size());
        }
        auto epoch = ParseEpoch(f[0]);
        if (!epoch || !PlausibleMillis(*epoch)) {
            return "field 1 (time) is '" + std::string(f[0]) + "', expected seconds since 1970";
        }
        ts_ = *epoch;
        id_ = InteractionId{std::string(f[1])};
        queue_ = QueueId{std::string(f[2])};
        agent_ = AgentId{std::string(f[3])};
        data_.assign(f.begin() + 5, f.end());
        const std::string event(f[4]);
        auto it = Handlers().find(event);
        if (it == Handlers().end()) {
            ++s_.notes["queue_log events not mapped (" + event + ")"];
            return "";
        }
        return (this->*(it->second))();
    }

  private:
    using Handler = std::string (QueueLogMapper::*)();

    static const std::unordered_map<std::string, Handler>& Handlers() {
        static const std::unordered_map<std::string, Handler> kHandlers = {
            {"ENTERQUEUE", &QueueLogMapper::EnterQueue},
            {"CONNECT", &QueueLogMapper::Connect},
            {"COMPLETECALLER", &QueueLogMapper::CompleteCaller},
            {"COMPLETEAGENT", &QueueLogMapper::CompleteAgent},
            {"ABANDON", &QueueLogMapper::AbandonCall},
            {"EXITWITHTIMEOUT", &QueueLogMapper::ExitTimeout},
            {"EXITWITHKEY", &QueueLogMapper::ExitKey},
            {"EXITEMPTY", &QueueLogMapper::ExitEmpty},
            {"RINGNOANSWER", &QueueLogMapper::RingNoAnswer},
            {"RINGCANCELED", &QueueLogMapper::Ignore},
            {"TRANSFER", &QueueLogMapper::TransferCall},
            {"BLINDTRANSFER", &QueueLogMapper::TransferCall},
            {"ATTENDEDTRANSFER", &QueueLogMapper::TransferCall},
            {"ADDMEMBER", &QueueLogMapper::Login},
            {"AGENTLOGIN", &QueueLogMapper::Login},
            {"REMOVEMEMBER", &QueueLogMapper::Logout},
            {"AGENTLOGOFF", &QueueLogMapper::Logout},
            {"PAUSE", &QueueLogMapper::Pause},
            {"PAUSEALL", &QueueLogMapper::Pause},
            {"UNPAUSE", &QueueLogMapper::Unpause},
            {"UNPAUSEALL", &QueueLogMapper::Unpause},
            {"QUEUESTART", &QueueLogMapper::Ignore},
            {"CONFIGRELOAD", &QueueLogMapper::Ignore},
            {"DID", &QueueLogMapper::Ignore},
            {"INFO", &QueueLogMapper::Ignore},
            {"SYSCOMPAT", &QueueLogMapper::Ignore},
        };
        return kHandlers;
    }

    static std::optional<int64_t> ParseEpoch(std::string_view text) {
        // Asterisk 1.8+ may log fractional seconds ("1364376022.123456").
        auto dot = text.find('.');
        auto whole = ParseCount(text.substr(0, dot));
        if (!whole) {
            return std::nullopt;
        }
        if (*whole >= 7258118400) {  // past 2200: refused before it can overflow
            return std::nullopt;
        }
        int64_t ms = *whole * 1000;
        if (dot != std::string_view::npos) {
            std::string_view frac = text.substr(dot + 1, 3);
            auto f = ParseCount(frac);
            if (!f && !frac.empty()) {
                return std::nullopt;
            }
            int64_t v = f.value_or(0);
            for (size_t i = frac.size(); i < 3; ++i) {
                v *= 10;
            }
            ms += v;
        }
        return ms;
    }

    std::string_view Data(size_t i) const {
        return i < data_.size() ? data_[i] : std::string_view{};
    }

    template <class T>
    void Emit(T body) {
        s_.events.push_back(Event{FromMillis(ts_), EventBody{std::move(body)}});
    }
    void State(const AgentId& agent, const char* state, std::string reason = "") {
        Emit(events::AgentState{agent, state, std::move(reason), ""});
    }
    // Member states are only known for members the log saw log in; otherwise the report would
    // invent logged-in time.
    AgentInfo* Known(const AgentId& agent) {
        auto it = agents_.find(agent.str());
        return (it != agents_.end() && it->second.logged_in) ? &it->second : nullptr;
    }
    bool NeedsCall() {
        if (id_.empty() || id_.str() == "NONE") {
            return false;
        }
        return true;
    }

    std::string EnterQueue() {
        if (!NeedsCall()) {
            return "ENTERQUEUE without a call id";
        }
        if (seen_.insert(id_.str()).second) {
            Emit(events::Arrive{id_, "voice", "in", std::string(Data(1)), "", "", {}});
        }
        Emit(events::Enqueue{id_, queue_, 0, {}, std::nullopt});
        return "";
    }
    std::string Connect() {
        Emit(events::Offer{id_, agent_, queue_});
        Emit(events::Answer{id_, agent_, queue_});
        if (AgentInfo* a = Known(agent_); a != nullptr && a->calls++ == 0) {
            State(agent_, "busy");
        }
        return "";
    }
    std::string Complete(const char* by) {
        Emit(events::Hangup{id_, by, "talk", ""});
        Emit(events::WrapupEnd{id_, agent_, "", ""});  // queue_log has no wrap-up record
        AfterCall();
        return "";
    }
    void AfterCall() {
        AgentInfo* a = Known(agent_);
        if (a != nullptr && a->calls > 0 && --a->calls == 0) {
            if (a->paused) {
                State(agent_, "not_ready", "paused");
            } else {
                State(agent_, "ready");
            }
        }
    }
    std::string CompleteCaller() { return Complete("customer"); }
    std::string CompleteAgent() { return Complete("agent"); }
    std::string AbandonCall() {
        Emit(events::Abandon{id_, queue_});
        Emit(events::Hangup{id_, "customer", "queue", ""});
        return "";
    }
    // The caller leaves the queue to the dialplan, which may send it to another queue.
    std::string Exit(const char* why) {
        Emit(events::Overflow{id_, queue_, RuleId{why}, why, QueueId{}});
        return "";
    }
    std::string ExitTimeout() { return Exit("timeout"); }
    std::string ExitKey() { return Exit("key"); }
    std::string ExitEmpty() { return Exit("empty"); }
    std::string RingNoAnswer() {
        Emit(events::Offer{id_, agent_, queue_});
        Emit(events::OfferFail{id_, agent_, "no_answer"});
        return "";
    }
    std::string TransferCall() {
        std::string target = std::string(Data(0));
        if (!Data(1).empty()) {
            target += "@" + std::string(Data(1));
        }
        Emit(events::Transfer{id_, agent_, QueueId{}, AgentId{target}});
        Emit(events::WrapupEnd{id_, agent_, "", ""});
        // The call has left the queue application: Hotline sees no more of it.
        Emit(events::Hangup{id_, "system", "talk", "transferred"});
        AfterCall();
        return "";
    }
    std::string Login() {
        AgentInfo& a = agents_[agent_.str()];
        if (a.logged_in) {
            return "";  // a member of several queues logs in once
        }
        a = AgentInfo{true, false, 0};
        Emit(events::AgentLogin{agent_});
        State(agent_, "ready");
        return "";
    }
    std::string Logout() {
        AgentInfo* a = Known(agent_);
        if (a == nullptr) {
            return "";
        }
        a->logged_in = false;
        Emit(events::AgentLogout{agent_});
        return "";
    }
    std::string Pause() {
        AgentInfo* a = Known(agent_);
        if (a == nullptr || a->paused) {
            return "";
        }
        a->paused = true;
        if (a->calls == 0) {
            State(agent_, "not_ready", Data(0).empty() ? "paused" : std::string(Data(0)));
        }
        return "";
    }
    std::string Unpause() {
        AgentInfo* a = Known(agent_);
        if (a == nullptr || !a->paused) {
            return "";
        }
        a->paused = false;
        if (a->calls == 0) {
            State(agent_, "ready");
        }
        return "";
    }
    std::string Ignore() { return ""; }

    ImportSummary& s_;
    int64_t ts_ = 0;
    InteractionId id_;
    QueueId queue_;
    AgentId agent_;
    std::vector<std::string_view> data_;
    std::unordered_set<std::string> seen_;
    std::unordered_map<std::string, AgentInfo> agents_;
};

}  // namespace

Result<ImportSummary> ImportAsteriskQueueLog(std::istream& in, const ImportOptions& options) {
    ImportSummary summary;
    QueueLogMapper mapper(summary);
    std::string line;
    while (std::getline(in, line)) {
        ++summary.lines;
        if (line.empty() || line == "\r") {
            continue;
        }
        const size_t before = summary.events.size();
        auto bad_byte = FirstInvalidUtf8(line);
        std::string problem =
            bad_byte ? NotUtf8Message(*bad_byte) : mapper.Map(SplitFields(line, '|'));
        if (problem.empty()) {
            ++summary.records;
            continue;
        }
        summary.events.resize(before);
        std::string where = options.source + ":" + std::to_string(summary.lines) + ": ";
        if (!options.skip_bad) {
            return InvalidArgument(where + problem);
        }
        summary.errors.push_back(where + problem);
        ++summary.skipped;
    }
    std::stable_sort(summary.events.begin(), summary.events.end(),
                     [](const Event& a, const Event& b) { return a.ts < b.ts; });
    return summary;
}

}  // namespace hotline::imports
