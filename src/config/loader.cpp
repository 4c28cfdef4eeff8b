#include "hotline/config/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "loader_context.h"

namespace hotline::config {
namespace {

void ReadSkills(LoadContext& ctx, const YAML::Node& list) {
    YamlReader& r = ctx.reader;
    if (!list.IsDefined() || !r.ExpectSequence(list, "skills")) {
        return;
    }
    for (const auto& item : list) {
        if (!r.ExpectMap(item, "a skill")) {
            continue;
        }
        r.CheckKeys(item, {"id", "name"}, "skill");
        auto id = r.RequiredString(item, "id", "a skill");
        if (!id || !ctx.Claim(ctx.skills, *id, item["id"], "skill")) {
            continue;
        }
        ctx.center.skills.push_back({SkillId(*id), r.String(item, "name").value_or(*id)});
    }
}

void ReadAnnouncements(YamlReader& r, const YAML::Node& node, Announcements& a) {
    if (!node.IsDefined() || !r.ExpectMap(node, "announcements")) {
        return;
    }
    r.CheckKeys(node, {"greeting", "music", "announce_position", "every"}, "announcements");
    a.greeting = r.String(node, "greeting").value_or("");
    a.music = r.String(node, "music").value_or("");
    a.announce_position = r.Bool(node, "announce_position").value_or(false);
    if (auto d = r.DurationValue(node, "every")) {
        a.announce_every = *d;
    }
}

void ReadQueue(LoadContext& ctx, const YAML::Node& item) {
    YamlReader& r = ctx.reader;
    r.CheckKeys(item,
                {"id", "name", "channel", "skills", "priority", "strategy", "service_level",
                 "wrapup", "ring_timeout", "max_wait", "on_max_wait", "aging", "expected_handle",
                 "announcements", "record"},
                "queue");
    auto id = r.RequiredString(item, "id", "a queue");
    if (!id || !ctx.Claim(ctx.queues, *id, item["id"], "queue")) {
        return;
    }
    QueueConfig q;
    q.id = QueueId(*id);
    q.name = r.String(item, "name").value_or(*id);
    if (auto ch = r.String(item, "channel")) {
        if (auto c = ParseChannel(*ch)) {
            q.channel = *c;
        } else {
            r.Error(item["channel"],
                    "unknown channel \"" + *ch + "\" (voice, chat, email, social or callback)");
        }
    }
    if (item["skills"].IsDefined()) {
        q.skills = ReadSkillLevels(ctx, item["skills"], "queue skills").value_or(Requirement{});
    }
    q.priority = static_cast<int>(r.Integer(item, "priority", -100, 100).value_or(0));
    if (auto s = r.String(item, "strategy")) {
        if (auto st = ParseStrategy(*s)) {
            q.strategy = *st;
        } else {
            r.Error(item["strategy"], "unknown strategy \"" + *s + "\"");
        }
    }
    q.service_level = ReadServiceLevel(r, item["service_level"], ctx.center.service_level)
                          .value_or(ctx.center.service_level);
    q.wrapup = r.DurationValue(item, "wrapup").value_or(Duration{0});
    q.ring_timeout = r.DurationValue(item, "ring_timeout");
    if (q.ring_timeout && q.ring_timeout->count() == 0) {
        r.Error(item["ring_timeout"], "\"ring_timeout\" must be longer than 0");
    }
    q.max_wait = r.DurationValue(item, "max_wait");
    if (auto m = r.String(item, "on_max_wait")) {
        if (auto mode = ParseLeaveMode(*m)) {
            q.on_max_wait = *mode;
        } else {
            r.Error(item["on_max_wait"], "\"on_max_wait\" must be voicemail, message or hangup");
        }
    }
    q.aging = r.DurationValue(item, "aging").value_or(Duration{0});
    if (auto d = r.DurationValue(item, "expected_handle")) {
        q.expected_handle = *d;
    }
    ReadAnnouncements(r, item["announcements"], q.announcements);
    q.record = r.Bool(item, "record").value_or(false);
    ctx.center.queues.push_back(std::move(q));
}

void ReadTeams(LoadContext& ctx, const YAML::Node& list) {
    YamlReader& r = ctx.reader;
    if (!list.IsDefined() || !r.ExpectSequence(list, "teams")) {
        return;
    }
    for (const auto& item : list) {
        if (!r.ExpectMap(item, "a team")) {
            continue;
        }
        r.CheckKeys(item, {"id", "name", "leader"}, "team");
        auto id = r.RequiredString(item, "id", "a team");
        if (!id || !ctx.Claim(ctx.teams, *id, item["id"], "team")) {
            continue;
        }
        ctx.center.teams.push_back({TeamId(*id), r.String(item, "name").value_or(*id),
                                    AgentId(r.String(item, "leader").value_or(""))});
    }
}

void ReadCapacity(YamlReader& r, const YAML::Node& node, AgentConfig& a) {
    if (!node.IsDefined() || !r.ExpectMap(node, "capacity")) {
        return;
    }
    r.CheckKeys(node, {"voice", "chat", "email"}, "capacity");
    for (int m = 0; m < kMediaCount; ++m) {
        std::string name(MediaName(static_cast<Media>(m)));
        if (auto v = r.Integer(node, name.c_str(), 0, m == 0 ? 1 : 50)) {
            a.capacity[m] = int(*v);
        }
    }
}

void ReadAgent(LoadContext& ctx, const YAML::Node& item) {
    YamlReader& r = ctx.reader;
    r.CheckKeys(item, {"id", "name", "team", "skills", "wrapup", "capacity", "sip"}, "agent");
    auto id = r.RequiredString(item, "id", "an agent");
    if (!id || !ctx.Claim(ctx.agents, *id, item["id"], "agent")) {
        return;
    }
    AgentConfig a;
    a.id = AgentId(*id);
    a.name = r.String(item, "name").value_or(*id);
    if (auto team = r.String(item, "team")) {
        if (!ctx.teams.contains(*team)) {
            r.Error(item["team"], "unknown team \"" + *team + "\"");
        }
        a.team = TeamId(*team);
    }
    if (item["skills"].IsDefined()) {
        a.skills = ReadSkillLevels(ctx, item["skills"], "agent skills").value_or(Requirement{});
    }
    a.wrapup = r.DurationValue(item, "wrapup");
    ReadCapacity(r, item["capacity"], a);
    a.sip = r.String(item, "sip").value_or("");
    // The address telephony rings: a SIP URI with a host, no spaces (sip:1001@10.0.0.5:5060).
    if (!a.sip.empty() && (!(a.sip.starts_with("sip:") || a.sip.starts_with("sips:")) ||
                           a.sip.find_first_of(" \t<>\"") != std::string::npos ||
                           a.sip.size() <= a.sip.find(':') + 1)) {
        r.Error(item["sip"],
                "\"sip\" must be a SIP URI such as sip:1001@10.0.0.5:5060, not \"" + a.sip + "\"");
    }
    ctx.center.agents.push_back(std::move(a));
}

template <class F>
void ForEachMap(YamlReader& r, const YAML::Node& list, std::string_view what, F&& f) {
    if (!list.IsDefined() || !r.ExpectSequence(list, what)) {
        return;
    }
    for (const auto& item : list) {
        if (r.ExpectMap(item, what)) {
            f(item);
        }
    }
}

void CheckCrossReferences(LoadContext& ctx, const YAML::Node& root) {
    YamlReader& r = ctx.reader;
    const YAML::Node teams = root["teams"];
    for (size_t i = 0; i < ctx.center.teams.size(); ++i) {
        const auto& t = ctx.center.teams[i];
        if (!t.leader.empty() && !ctx.agents.contains(t.leader.str())) {
            r.Error(teams[i]["leader"], "team leader \"" + t.leader.str() + "\" is not an agent");
        }
    }
    const YAML::Node queues = root["queues"];
    for (size_t i = 0; i < ctx.center.queues.size(); ++i) {
        const auto& q = ctx.center.queues[i];
        Media media = MediaOf(q.channel);
        bool served = std::any_of(ctx.center.agents.begin(), ctx.center.agents.end(), [&](auto& a) {
            if (a.capacity[static_cast<int>(media)] == 0) {
                return false;
            }
            return std::all_of(q.skills.begin(), q.skills.end(), [&](const SkillLevel& need) {
                return std::any_of(a.skills.begin(), a.skills.end(), [&](const SkillLevel& has) {
                    return has.skill == need.skill && has.level >= need.level;
                });
            });
        });
        if (!served) {
            r.Warning(queues[i], "no agent can serve queue \"" + q.id.str() + "\"");
        }
    }
}

}  // namespace

std::optional<Requirement> ReadSkillLevels(LoadContext& ctx, const YAML::Node& node,
                                           std::string_view what) {
    YamlReader& r = ctx.reader;
    if (!r.ExpectMap(node, what)) {
        return std::nullopt;
    }
    Requirement req;
    bool ok = true;
    for (const auto& kv : node) {
        std::string skill = kv.first.Scalar();
        if (!ctx.skills.contains(skill)) {
            r.Error(kv.first, "unknown skill \"" + skill + "\"");
            ok = false;
            continue;
        }
        auto level = r.Integer(node, skill.c_str(), 1, 10);
        if (!level) {
            ok = false;
            continue;
        }
        req.push_back({SkillId(skill), static_cast<int>(*level)});
    }
    if (!ok) {
        return std::nullopt;
    }
    return NormalizeRequirement(std::move(req));
}

LoadResult LoadCenterFromString(std::string_view yaml, const std::string& file_name) {
    LoadResult result;
    YamlReader r(file_name, result);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        r.Error(e.mark, "YAML syntax: " + e.msg);
        return result;
    }
    if (!root.IsMap()) {
        r.Error(root, "a center file must be a mapping with center, skills, queues, agents");
        return result;
    }
    LoadContext ctx{r, result.center, {}, {}, {}, {}, {}};
    try {
        r.CheckKeys(root, {"center", "skills", "queues", "teams", "agents", "routing", "ivr"},
                    "the file");
        ReadCenterSection(ctx, root["center"]);
        ReadSkills(ctx, root["skills"]);
        ForEachMap(r, root["queues"], "a queue", [&](const YAML::Node& n) { ReadQueue(ctx, n); });
        ReadTeams(ctx, root["teams"]);
        ForEachMap(r, root["agents"], "an agent", [&](const YAML::Node& n) { ReadAgent(ctx, n); });
        ReadRouting(ctx, root["routing"]);
        ReadIvr(ctx, root["ivr"]);
        CheckCrossReferences(ctx, root);
    } catch (const YAML::Exception& e) {
        r.Error(e.mark, "YAML: " + e.msg);
    }
    // Sections are read in dependency order, not file order: report in file order.
    auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    };
    std::stable_sort(result.errors.begin(), result.errors.end(), by_position);
    std::stable_sort(result.warnings.begin(), result.warnings.end(), by_position);
    return result;
}

LoadResult LoadCenterFromFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.errors.push_back({path, 0, 0, "cannot open the file"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return LoadCenterFromString(text.str(), path);
}

std::string Summarize(const CenterConfig& c) {
    return (c.name.empty() ? std::string("center") : c.name) + ": " +
           std::to_string(c.skills.size()) + " skills, " + std::to_string(c.queues.size()) +
           " queues, " + std::to_string(c.teams.size()) + " teams, " +
           std::to_string(c.agents.size()) + " agents, " + std::to_string(c.overflow.size()) +
           " overflow rules, " + std::to_string(c.merges.size()) + " merge rules" +
           (c.ivr.empty() ? "" : ", " + std::to_string(c.ivr.size()) + " IVR flows");
}

}  // namespace hotline::config
