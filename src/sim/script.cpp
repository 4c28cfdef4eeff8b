#include "hotline/sim/script.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <unordered_map>

#include "hotline/core/virtual_clock.h"
#include "hotline/routing/engine.h"

namespace hotline::sim {
namespace {

// Periodic timers (merge checks) make time cost work: an absurd horizon would run for hours.
constexpr Duration kMaxScriptSpan{31LL * 24 * 3600 * 1000};

// Plays the agents and callers a script leaves implicit: answers offers after `auto_answer`, and
// hangs up calls given a talk= time once they have talked that long. It acts through timers, never
// from inside the engine's event callback.
class AutoPilot : public EventSink {
  public:
    AutoPilot(EventSink& out, VirtualClock& clock) : out_(out), clock_(clock) {}
    void Attach(routing::Engine* engine) { engine_ = engine; }
    void SetAutoAnswer(std::optional<Duration> d) { auto_answer_ = d; }
    void SetTalk(const InteractionId& id, Duration d) { talk_[id] = d; }

    void OnEvent(const Event& e) override {
        out_.OnEvent(e);
        if (const auto* offer = e.As<events::Offer>(); offer && auto_answer_) {
            InteractionId id = offer->id;
            clock_.Schedule(e.ts + *auto_answer_, [this, id] {
                (void)engine_->Answer(id);  // the caller may have gone meanwhile
            });
        } else if (const auto* answer = e.As<events::Answer>()) {
            auto it = talk_.find(answer->id);
            if (it == talk_.end()) {
                return;
            }
            InteractionId id = answer->id;
            clock_.Schedule(e.ts + it->second, [this, id] {
                (void)engine_->Hangup(id, routing::HangupBy::kCustomer);
            });
            talk_.erase(it);
        }
    }

  private:
    EventSink& out_;
    VirtualClock& clock_;
    routing::Engine* engine_ = nullptr;
    std::optional<Duration> auto_answer_;
    std::unordered_map<InteractionId, Duration> talk_;
};

std::vector<std::string> Split(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) {
        out.push_back(w);
    }
    return out;
}

// Options "key=value" after the positional words of a command.
std::map<std::string, std::string> Options(const std::vector<std::string>& words, size_t from) {
    std::map<std::string, std::string> out;
    for (size_t i = from; i < words.size(); ++i) {
        auto eq = words[i].find('=');
        if (eq != std::string::npos) {
            out[words[i].substr(0, eq)] = words[i].substr(eq + 1);
        }
    }
    return out;
}

std::optional<int> ParseInt(std::string_view text) {
    int v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return v;
}

// "english:5,cards:3" → requirement; a skill without a level needs level 1.
Result<Requirement> ParseSkills(const std::string& text) {
    Requirement r;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        auto colon = item.find(':');
        std::optional<int> level =
            colon == std::string::npos ? 1 : ParseInt(item.substr(colon + 1));
        if (!level || item.substr(0, colon).empty()) {
            return InvalidArgument("skills= takes skill:level pairs such as english:5, not \"" +
                                   item + "\"");
        }
        r.push_back({SkillId(item.substr(0, colon)), *level});
    }
    return r;
}

class Runner {
  public:
    Runner(routing::Engine& engine, AutoPilot& pilot, ScriptResult& result, bool check)
        : engine_(engine), pilot_(pilot), result_(result), check_(check) {}

    // Runs one command line; `expected_error` is the error code after "!", if any.
    void Run(const ScriptLine& line, const std::vector<std::string>& words) {
        std::string expected_error;
        std::vector<std::string> w = words;
        if (!w.empty() && w.back().starts_with("!")) {
            expected_error = w.back().substr(1);
            w.pop_back();
        }
        Status st = Execute(line, w);
        if (!expected_error.empty()) {
            if (st.ok()) {
                Fail(line, "expected error " + expected_error + ", but the command succeeded");
            } else if (ErrorCodeName(st.code()) != expected_error) {
                Fail(line, "expected error " + expected_error + ", got " + st.ToString());
            }
        } else if (!st.ok()) {
            Fail(line, "command failed: " + st.ToString());
        }
        if (check_) {
            Status inv = engine_.CheckInvariants();
            if (!inv.ok()) {
                result_.failures.push_back({line.number, inv.ToString(), true});
            }
        }
    }

    void Fail(const ScriptLine& line, const std::string& message) {
        result_.failures.push_back({line.number, message});
    }

  private:
    Status Execute(const ScriptLine& line, const std::vector<std::string>& w) {
        if (w.empty()) {
            return InvalidArgument("empty command");
        }
        const std::string& verb = w[0];
        auto arg = [&](size_t i) { return i < w.size() ? w[i] : std::string(); };
        auto opts = Options(w, 1);
        if (verb == "run") {
            return Status::Ok();
        }
        if (verb == "auto_answer") {
            if (arg(1) == "off") {
                pilot_.SetAutoAnswer(std::nullopt);
                return Status::Ok();
            }
            auto d = ParseDuration(arg(1));
            if (!d) {
                return InvalidArgument("auto_answer takes a delay (e.g. 3s) or off");
            }
            pilot_.SetAutoAnswer(*d);
            return Status::Ok();
        }
        if (verb == "login") {
            bool ready = std::find(w.begin(), w.end(), "not_ready") == w.end();
            for (size_t i = 1; i < w.size(); ++i) {
                if (w[i] == "not_ready") {
                    continue;
                }
                RETURN_IF_ERROR(engine_.Login(AgentId(w[i]), ready));
            }
            return Status::Ok();
        }
        if (verb == "logout") {
            return engine_.Logout(AgentId(arg(1)));
        }
        if (verb == "ready") {
            for (size_t i = 1; i < w.size(); ++i) {
                RETURN_IF_ERROR(engine_.SetReady(AgentId(w[i])));
            }
            return Status::Ok();
        }
        if (verb == "not_ready") {
            return engine_.SetNotReady(AgentId(arg(1)), arg(2));
        }
        if (verb == "arrive") {
            return Arrive(w, opts);
        }
        if (verb == "answer") {
            return engine_.Answer(InteractionId(arg(1)));
        }
        if (verb == "reject") {
            return engine_.Reject(InteractionId(arg(1)), w.size() > 2 ? arg(2) : "rejected");
        }
        if (verb == "hold") {
            return engine_.Hold(InteractionId(arg(1)));
        }
        if (verb == "unhold") {
            return engine_.Unhold(InteractionId(arg(1)));
        }
        if (verb == "hangup") {
            return Hangup(w);
        }
        if (verb == "transfer") {
            if (opts.contains("queue")) {
                return engine_.TransferToQueue(InteractionId(arg(1)), QueueId(opts["queue"]));
            }
            return engine_.TransferToAgent(InteractionId(arg(1)), AgentId(opts["agent"]));
        }
        if (verb == "callback") {
            return engine_.RequestCallback(InteractionId(arg(1)), arg(2)).status();
        }
        if (verb == "wrapup") {
            return engine_.FinishWrapup(AgentId(arg(1)), InteractionId(arg(2)), arg(3));
        }
        if (verb == "extend") {
            auto d = ParseDuration(arg(3));
            if (!d) {
                return InvalidArgument("extend needs a duration");
            }
            return engine_.ExtendWrapup(AgentId(arg(1)), InteractionId(arg(2)), *d);
        }
        if (verb == "check") {
            return Check(line, w, opts);
        }
        return InvalidArgument("unknown command \"" + verb + "\"");
    }

    Status Arrive(const std::vector<std::string>& w, std::map<std::string, std::string>& opts) {
        if (w.size() < 2) {
            return InvalidArgument("arrive needs an id");
        }
        routing::ArriveCommand a;
        a.id = InteractionId(w[1]);
        if (opts.contains("channel")) {
            auto ch = ParseChannel(opts["channel"]);
            if (!ch) {
                return InvalidArgument("unknown channel");
            }
            a.channel = *ch;
        }
        a.from = opts["from"];
        if (opts.contains("talk")) {
            auto talk = ParseDuration(opts["talk"]);
            if (!talk) {
                return InvalidArgument("talk= takes a duration, e.g. talk=2m30s");
            }
            pilot_.SetTalk(a.id, *talk);
        }
        RETURN_IF_ERROR(engine_.Arrive(a));
        if (w.size() < 3 || w[2].find('=') != std::string::npos) {
            return Status::Ok();
        }
        routing::EnqueueCommand e;
        e.id = a.id;
        e.queue = QueueId(w[2]);
        if (opts.contains("priority")) {
            auto p = ParseInt(opts["priority"]);
            if (!p) {
                return InvalidArgument("priority= takes a whole number");
            }
            e.priority = *p;
        }
        if (opts.contains("skills")) {
            ASSIGN_OR_RETURN(e.skills, ParseSkills(opts["skills"]));
        }
        return engine_.Enqueue(e);
    }

    Status Hangup(const std::vector<std::string>& w) {
        routing::HangupBy by = routing::HangupBy::kCustomer;
        if (w.size() > 2 && w[2] == "agent") {
            by = routing::HangupBy::kAgent;
        }
        if (w.size() > 2 && w[2] == "system") {
            by = routing::HangupBy::kSystem;
        }
        return engine_.Hangup(InteractionId(w.size() > 1 ? w[1] : ""), by);
    }

    // check agent A state=… reason=… contacts=…  |  check queue Q waiting=… merged=… longest=…
    Status Check(const ScriptLine& line, const std::vector<std::string>& w,
                 std::map<std::string, std::string>& opts) {
        routing::RealtimeSnapshot snap = engine_.Snapshot();
        std::map<std::string, std::string> actual;
        if (w.size() >= 3 && w[1] == "agent") {
            for (const auto& a : snap.agents) {
                if (a.id.str() != w[2]) {
                    continue;
                }
                actual["state"] = std::string(routing::AgentStateName(a.state));
                actual["reason"] = a.reason;
                actual["contacts"] = std::to_string(a.contacts);
                actual["in_state"] = FormatDuration(a.time_in_state);
            }
        } else if (w.size() >= 3 && w[1] == "queue") {
            for (const auto& q : snap.queues) {
                if (q.id.str() != w[2]) {
                    continue;
                }
                actual["waiting"] = std::to_string(q.waiting);
                actual["merged"] = q.merged ? "true" : "false";
                actual["longest"] = FormatDuration(q.longest_wait);
                actual["expected"] = FormatDuration(q.expected_wait);
                for (int s = 0; s < routing::kAgentStateCount; ++s) {
                    actual[std::string(routing::AgentStateName(
                        static_cast<routing::AgentStateKind>(s)))] = std::to_string(q.agents[s]);
                }
            }
        } else {
            return InvalidArgument("check agent ID k=v… or check queue ID k=v…");
        }
        if (actual.empty()) {
            return NotFound("nothing named \"" + w[2] + "\" to check");
        }
        for (const auto& [k, v] : opts) {
            if (!actual.contains(k)) {
                Fail(line, "cannot check \"" + k + "\"");
            } else if (actual[k] != v) {
                Fail(line, k + ": expected " + v + ", got " + actual[k]);
            }
        }
        return Status::Ok();
    }

    routing::Engine& engine_;
    AutoPilot& pilot_;
    ScriptResult& result_;
    bool check_;
};

}  // namespace

std::vector<ScriptLine> ParseScript(std::string_view text, int first_line) {
    std::vector<ScriptLine> out;
    std::istringstream in{std::string(text)};
    std::string line;
    for (int i = 0; std::getline(in, line); ++i) {
        auto hash = line.find('#');
        if (hash != std::string::npos) {
            line.erase(hash);
        }
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) {
            line.pop_back();
        }
        size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos) {
            continue;
        }
        out.push_back({first_line + i, line.substr(start)});
    }
    return out;
}

ScriptResult RunScript(const CenterConfig& center, const std::vector<ScriptLine>& lines,
                       EventSink& sink, const ScriptOptions& options) {
    ScriptResult result;
    VirtualClock clock(options.origin);
    std::mt19937_64 rng(options.seed);
    AutoPilot pilot(sink, clock);
    routing::Engine engine(center, clock, clock, rng, pilot);
    pilot.Attach(&engine);
    Runner runner(engine, pilot, result, options.check_invariants);
    for (const ScriptLine& line : lines) {
        auto words = Split(line.text);
        auto at = ParseDuration(words[0]);
        if (!at) {
            runner.Fail(line, "a script line starts with its time, e.g. 5s or 1m30s");
            continue;
        }
        if (*at > kMaxScriptSpan) {
            runner.Fail(line, "a script covers at most 31 days; split longer runs");
            continue;
        }
        if (options.origin + *at < clock.Now()) {
            runner.Fail(line, "script times must not go backwards");
            continue;
        }
        clock.AdvanceTo(options.origin + *at);
        if (options.check_invariants) {
            Status inv = engine.CheckInvariants();
            if (!inv.ok()) {
                result.failures.push_back(
                    {line.number, "before this line: " + inv.ToString(), true});
            }
        }
        words.erase(words.begin());
        if (!words.empty()) {
            runner.Run(line, words);
        }
    }
    result.final_snapshot = engine.Snapshot();
    return result;
}

}  // namespace hotline::sim
