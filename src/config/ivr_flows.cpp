// The `ivr:` section: self-service flows (docs/ivr.md), and the checks that make a flow safe to
// run: every reference resolves, every node is reachable from the start, and no loop can spin
// without waiting for the caller.
#include <algorithm>
#include <functional>
#include <map>

#include "loader_context.h"

namespace hotline::config {
namespace {

struct KindName {
    const char* key;
    IvrNodeKind kind;
};

constexpr KindName kKinds[] = {
    {"play", IvrNodeKind::kPlay},           {"menu", IvrNodeKind::kMenu},
    {"collect", IvrNodeKind::kCollect},     {"hours", IvrNodeKind::kHours},
    {"condition", IvrNodeKind::kCondition}, {"set", IvrNodeKind::kSet},
    {"queue", IvrNodeKind::kQueue},         {"callback", IvrNodeKind::kCallback},
    {"survey", IvrNodeKind::kSurvey},       {"transfer", IvrNodeKind::kTransfer},
    {"voicemail", IvrNodeKind::kVoicemail}, {"hangup", IvrNodeKind::kHangup},
};

IvrPosition At(const YAML::Node& n) {
    return {n.Mark().line + 1, n.Mark().column + 1};
}

// A reference to another node, remembered with where it was written.
void Ref(IvrNode& node, std::string& field, YamlReader& r, const YAML::Node& map, const char* key) {
    if (!map[key].IsDefined()) {
        return;
    }
    if (auto v = r.String(map, key)) {
        field = *v;
        node.references.emplace_back(*v, At(map[key]));
    }
}

bool Waits(IvrNodeKind k) {
    return k == IvrNodeKind::kMenu || k == IvrNodeKind::kCollect || k == IvrNodeKind::kCallback ||
           k == IvrNodeKind::kSurvey;
}

void ReadMenu(YamlReader& r, const YAML::Node& n, IvrNode& node) {
    const YAML::Node opts = n["options"];
    if (!opts.IsDefined() || !r.ExpectMap(opts, "options")) {
        if (!opts.IsDefined()) {
            r.Error(n, "a menu needs options: {\"1\": node, …}");
        }
        return;
    }
    for (const auto& kv : opts) {
        const std::string digit = kv.first.as<std::string>();
        if (digit.size() != 1 || std::string("0123456789*#").find(digit) == std::string::npos) {
            r.Error(kv.first, "a menu option is one key: 0-9, * or #");
            continue;
        }
        const std::string target = kv.second.as<std::string>();
        node.options[digit] = target;
        node.references.emplace_back(target, At(kv.second));
    }
}

void ReadKindFields(LoadContext& ctx, const YAML::Node& n, IvrNode& node) {
    YamlReader& r = ctx.reader;
    const YAML::Node value = n[kKinds[static_cast<int>(node.kind)].key];
    auto prompt = [&] {
        if (value.IsScalar()) {
            node.prompt = value.as<std::string>();
        }
    };
    switch (node.kind) {
        case IvrNodeKind::kPlay:
        case IvrNodeKind::kHangup:
        case IvrNodeKind::kVoicemail:
        case IvrNodeKind::kSurvey:
            prompt();
            break;
        case IvrNodeKind::kMenu:
            prompt();
            ReadMenu(r, n, node);
            break;
        case IvrNodeKind::kCollect: {
            prompt();
            if (auto v = r.RequiredString(n, "variable", "a collect node")) {
                node.variable = *v;
            }
            if (auto v = r.Integer(n, "min", 1, 32)) {
                node.min_digits = static_cast<int>(*v);
            }
            node.max_digits = node.min_digits;
            if (auto v = r.Integer(n, "max", 1, 32)) {
                node.max_digits = static_cast<int>(*v);
            }
            if (node.max_digits < node.min_digits) {
                r.Error(n, "max must be at least min");
            }
            if (auto v = r.String(n, "terminator")) {
                node.terminator = *v;
            }
            break;
        }
        case IvrNodeKind::kHours:
            if (r.ExpectMap(value, "hours")) {
                Ref(node, node.open, r, value, "open");
                Ref(node, node.closed, r, value, "closed");
                if (node.open.empty() || node.closed.empty()) {
                    r.Error(value, "hours needs open: and closed: nodes");
                }
            }
            break;
        case IvrNodeKind::kCondition:
            if (r.ExpectSequence(value, "condition")) {
                for (const auto& c : value) {
                    if (!c["if"].IsMap() || c["if"].size() != 1 || !c["then"].IsDefined()) {
                        r.Error(c, "a condition is {if: {variable: value}, then: node}");
                        continue;
                    }
                    IvrCondition cond;
                    cond.variable = c["if"].begin()->first.as<std::string>();
                    cond.equals = c["if"].begin()->second.as<std::string>();
                    cond.then = c["then"].as<std::string>();
                    cond.at = At(c["then"]);
                    node.references.emplace_back(cond.then, cond.at);
                    node.conditions.push_back(cond);
                }
            }
            Ref(node, node.otherwise, r, n, "else");
            if (node.otherwise.empty()) {
                r.Error(n, "a condition needs else: node");
            }
            break;
        case IvrNodeKind::kSet:
            if (r.ExpectMap(value, "set")) {
                for (const auto& kv : value) {
                    node.assign.emplace_back(kv.first.as<std::string>(),
                                             kv.second.as<std::string>());
                }
            }
            break;
        case IvrNodeKind::kQueue: {
            const std::string q = value.as<std::string>();
            if (!ctx.queues.contains(q)) {
                r.Error(value, "unknown queue \"" + q + "\"");
            }
            node.queue = QueueId{q};
            if (auto v = r.Integer(n, "priority", -100, 100)) {
                node.priority = static_cast<int>(*v);
            }
            if (n["skills"].IsDefined()) {
                if (auto s = ReadSkillLevels(ctx, n["skills"], "the queue node's skills")) {
                    node.skills = *s;
                }
            }
            break;
        }
        case IvrNodeKind::kCallback:
            prompt();
            if (auto v = r.String(n, "accept_digit")) {
                node.accept_digit = *v;
            }
            break;
        case IvrNodeKind::kTransfer:
            node.target = value.as<std::string>();
            break;
    }
}

void ReadNode(LoadContext& ctx, const std::string& id, const YAML::Node& n, IvrFlow& flow) {
    YamlReader& r = ctx.reader;
    if (!r.ExpectMap(n, "an IVR node")) {
        return;
    }
    IvrNode node;
    node.id = id;
    node.at = At(n);
    int kinds = 0;
    for (const auto& k : kKinds) {
        if (n[k.key].IsDefined()) {
            node.kind = k.kind;
            ++kinds;
        }
    }
    if (kinds != 1) {
        r.Error(n,
                "an IVR node is exactly one of play, menu, collect, hours, condition, set, queue, "
                "callback, survey, transfer, voicemail, hangup");
        return;
    }
    r.CheckKeys(
        n, {"play",       "menu",    "collect",  "hours",     "condition",   "set",      "queue",
            "callback",   "survey",  "transfer", "voicemail", "hangup",      "duration", "next",
            "options",    "timeout", "retries",  "on_fail",   "variable",    "min",      "max",
            "terminator", "else",    "priority", "skills",    "accept_digit"},
        "an IVR node");
    if (auto d = r.DurationValue(n, "duration")) {
        node.duration = *d;
    }
    if (auto d = r.DurationValue(n, "timeout")) {
        node.timeout = *d;
    }
    if (auto v = r.Integer(n, "retries", 0, 10)) {
        node.retries = static_cast<int>(*v);
    }
    Ref(node, node.next, r, n, "next");
    Ref(node, node.on_fail, r, n, "on_fail");
    ReadKindFields(ctx, n, node);
    const bool needs_next = node.kind == IvrNodeKind::kPlay || node.kind == IvrNodeKind::kCollect ||
                            node.kind == IvrNodeKind::kSet || node.kind == IvrNodeKind::kCallback ||
                            node.kind == IvrNodeKind::kSurvey;
    if (needs_next && node.next.empty()) {
        r.Error(n, "this node needs next: (where the caller goes on)");
    }
    flow.nodes.push_back(std::move(node));
}

// Every reference resolves, every node is reachable, and no cycle avoids waiting for input.
void CheckGraph(YamlReader& r, const IvrFlow& flow) {
    auto error = [&](IvrPosition at, const std::string& m) {
        YAML::Mark mark;
        mark.line = at.line - 1;
        mark.column = at.column - 1;
        r.Error(mark, m);
    };
    for (const auto& n : flow.nodes) {
        for (const auto& [target, at] : n.references) {
            if (flow.Find(target) == nullptr) {
                error(at, "no node \"" + target + "\" in flow \"" + flow.id + "\"");
            }
        }
    }
    if (flow.Find(flow.start) == nullptr) {
        return;  // reported already
    }
    std::set<std::string> reached;
    std::function<void(const std::string&)> visit = [&](const std::string& id) {
        const IvrNode* n = flow.Find(id);
        if (n == nullptr || !reached.insert(id).second) {
            return;
        }
        for (const auto& [target, at] : n->references) {
            visit(target);
        }
    };
    visit(flow.start);
    for (const auto& n : flow.nodes) {
        if (!reached.contains(n.id)) {
            error(n.at, "node \"" + n.id + "\" cannot be reached from \"" + flow.start + "\"");
        }
    }
    // Cycles through nodes that never wait for the caller would run forever.
    std::map<std::string, int> state;  // 1 on the path, 2 done
    std::vector<std::string> path;
    std::function<bool(const std::string&)> spin = [&](const std::string& id) {
        const IvrNode* n = flow.Find(id);
        if (n == nullptr || Waits(n->kind)) {
            return false;
        }
        if (state[id] == 1) {
            std::string loop;
            for (auto it = std::find(path.begin(), path.end(), id); it != path.end(); ++it) {
                loop += *it + " → ";
            }
            error(n->at, "a loop that never waits for the caller: " + loop + id);
            return true;
        }
        if (state[id] == 2) {
            return false;
        }
        state[id] = 1;
        path.push_back(id);
        for (const auto& [target, at] : n->references) {
            if (spin(target)) {
                return true;
            }
        }
        path.pop_back();
        state[id] = 2;
        return false;
    };
    for (const auto& n : flow.nodes) {
        if (state[n.id] == 0 && spin(n.id)) {
            break;
        }
    }
}

}  // namespace

void ReadIvr(LoadContext& ctx, const YAML::Node& ivr) {
    YamlReader& r = ctx.reader;
    if (!ivr.IsDefined()) {
        return;
    }
    if (!r.ExpectSequence(ivr, "ivr")) {
        return;
    }
    std::set<std::string> ids;
    for (const auto& f : ivr) {
        if (!r.ExpectMap(f, "an IVR flow")) {
            continue;
        }
        r.CheckKeys(f, {"id", "start", "nodes"}, "an IVR flow");
        IvrFlow flow;
        flow.at = At(f);
        auto id = r.RequiredString(f, "id", "an IVR flow");
        auto start = r.RequiredString(f, "start", "an IVR flow");
        if (!id || !start) {
            continue;
        }
        if (!ctx.Claim(ids, *id, f["id"], "IVR flow")) {
            continue;
        }
        flow.id = *id;
        flow.start = *start;
        if (!f["nodes"].IsDefined() || !r.ExpectMap(f["nodes"], "nodes")) {
            if (!f["nodes"].IsDefined()) {
                r.Error(f, "an IVR flow needs nodes");
            }
            continue;
        }
        for (const auto& kv : f["nodes"]) {
            ReadNode(ctx, kv.first.as<std::string>(), kv.second, flow);
        }
        if (flow.Find(flow.start) == nullptr) {
            r.Error(f["start"], "no node \"" + flow.start + "\" to start at");
        }
        CheckGraph(r, flow);
        ctx.center.ivr.push_back(std::move(flow));
    }
}

}  // namespace hotline::config
