// The `routing:` section: overflow rules (人工来电溢出) and group merging (合大组).
#include "loader_context.h"

namespace hotline::config {
namespace {

bool KnownQueue(LoadContext& ctx, const YAML::Node& at, const std::string& id) {
    if (ctx.queues.contains(id)) {
        return true;
    }
    ctx.reader.Error(at, "rule refers to unknown queue \"" + id + "\"");
    return false;
}

std::optional<OverflowTrigger> ReadTrigger(YamlReader& r, const YAML::Node& when) {
    if (!when.IsDefined()) {
        r.Error(when, "an overflow rule needs \"when\"");
        return std::nullopt;
    }
    if (!r.ExpectMap(when, "when")) {
        return std::nullopt;
    }
    r.CheckKeys(when, {"waited", "queue_length", "expected_wait", "no_agents"}, "when");
    if (when.size() != 1) {
        r.Error(when,
                "\"when\" takes exactly one of waited, queue_length, expected_wait, no_agents");
        return std::nullopt;
    }
    OverflowTrigger t;
    if (when["waited"].IsDefined()) {
        t.kind = OverflowTrigger::Kind::kWaited;
        auto d = r.DurationValue(when, "waited");
        if (!d) {
            return std::nullopt;
        }
        t.after = *d;
    } else if (when["expected_wait"].IsDefined()) {
        t.kind = OverflowTrigger::Kind::kExpectedWait;
        auto d = r.DurationValue(when, "expected_wait");
        if (!d) {
            return std::nullopt;
        }
        t.after = *d;
    } else if (when["queue_length"].IsDefined()) {
        t.kind = OverflowTrigger::Kind::kQueueLength;
        auto n = r.Integer(when, "queue_length", 0, 1'000'000);
        if (!n) {
            return std::nullopt;
        }
        t.length = static_cast<int>(*n);
    } else if (when["no_agents"].IsDefined()) {
        t.kind = OverflowTrigger::Kind::kNoAgents;
        auto b = r.Bool(when, "no_agents");
        if (!b) {
            return std::nullopt;
        }
        if (!*b) {
            r.Error(when["no_agents"], "\"no_agents\" can only be true");
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    return t;
}

std::optional<OverflowAction> ReadWiden(LoadContext& ctx, const YAML::Node& widen) {
    YamlReader& r = ctx.reader;
    if (!r.ExpectMap(widen, "widen")) {
        return std::nullopt;
    }
    r.CheckKeys(widen, {"add", "lower_min_level_by"}, "widen");
    OverflowAction a;
    a.kind = OverflowAction::Kind::kWiden;
    if (widen["add"].IsDefined() && r.ExpectSequence(widen["add"], "widen.add")) {
        for (const auto& alt : widen["add"]) {
            if (auto req = ReadSkillLevels(ctx, alt, "a widened skill set")) {
                a.add.push_back(std::move(*req));
            }
        }
    }
    a.lower_min_level_by =
        static_cast<int>(r.Integer(widen, "lower_min_level_by", 1, 9).value_or(0));
    if (a.add.empty() && a.lower_min_level_by == 0) {
        r.Error(widen, "\"widen\" needs \"add\" or \"lower_min_level_by\"");
        return std::nullopt;
    }
    return a;
}

std::optional<OverflowAction> ReadAction(LoadContext& ctx, const YAML::Node& rule,
                                         const std::string& queue) {
    YamlReader& r = ctx.reader;
    int actions = 0;
    for (const char* k : {"widen", "move_to", "offer_callback", "leave"}) {
        actions += rule[k].IsDefined() ? 1 : 0;
    }
    if (actions != 1) {
        r.Error(rule,
                "an overflow rule takes exactly one action: widen, move_to, offer_callback "
                "or leave");
        return std::nullopt;
    }
    if (rule["widen"].IsDefined()) {
        return ReadWiden(ctx, rule["widen"]);
    }
    OverflowAction a;
    if (auto to = r.String(rule, "move_to")) {
        a.kind = OverflowAction::Kind::kMove;
        if (!KnownQueue(ctx, rule["move_to"], *to)) {
            return std::nullopt;
        }
        if (*to == queue) {
            r.Error(rule["move_to"], "\"move_to\" cannot be the rule's own queue");
            return std::nullopt;
        }
        a.to_queue = QueueId(*to);
        return a;
    }
    if (rule["offer_callback"].IsDefined()) {
        a.kind = OverflowAction::Kind::kCallback;
        if (!r.Bool(rule, "offer_callback").value_or(false)) {
            r.Error(rule["offer_callback"], "\"offer_callback\" can only be true");
            return std::nullopt;
        }
        return a;
    }
    a.kind = OverflowAction::Kind::kLeave;
    auto mode = ParseLeaveMode(r.String(rule, "leave").value_or(""));
    if (!mode) {
        r.Error(rule["leave"], "\"leave\" must be voicemail, message or hangup");
        return std::nullopt;
    }
    a.leave = *mode;
    return a;
}

void ReadOverflowRule(LoadContext& ctx, const YAML::Node& item) {
    YamlReader& r = ctx.reader;
    r.CheckKeys(item, {"id", "queue", "when", "widen", "move_to", "offer_callback", "leave"},
                "overflow rule");
    auto id = r.RequiredString(item, "id", "an overflow rule");
    auto queue = r.RequiredString(item, "queue", "an overflow rule");
    if (!id || !ctx.Claim(ctx.rules, *id, item["id"], "rule")) {
        return;
    }
    if (!queue || !KnownQueue(ctx, item["queue"], *queue)) {
        return;
    }
    auto when = ReadTrigger(r, item["when"]);
    auto action = ReadAction(ctx, item, *queue);
    if (!when || !action) {
        return;
    }
    ctx.center.overflow.push_back({RuleId(*id), QueueId(*queue), *when, std::move(*action)});
}

void ReadMergeConditions(YamlReader& r, const YAML::Node& item, MergeRule& m) {
    const YAML::Node when = item["merge_when"];
    if (!when.IsDefined() || !r.ExpectMap(when, "merge_when")) {
        if (!when.IsDefined()) {
            r.Error(item, "a merge rule needs \"merge_when\"");
        }
        return;
    }
    r.CheckKeys(when, {"service_level_below", "waiting_over"}, "merge_when");
    m.merge_below_sl = r.Fraction(when, "service_level_below");
    if (auto n = r.Integer(when, "waiting_over", 0, 1'000'000)) {
        m.merge_waiting_over = int(*n);
    }
    if (!m.merge_below_sl && !m.merge_waiting_over) {
        r.Error(when, "\"merge_when\" needs service_level_below or waiting_over");
    }
    const YAML::Node split = item["split_when"];
    if (split.IsDefined() && r.ExpectMap(split, "split_when")) {
        r.CheckKeys(split, {"service_level_above", "waiting_under"}, "split_when");
        m.split_above_sl = r.Fraction(split, "service_level_above").value_or(0.0);
        m.split_waiting_under = int(r.Integer(split, "waiting_under", 0, 1'000'000).value_or(0));
    }
    if (m.merge_below_sl && m.split_above_sl < *m.merge_below_sl) {
        r.Error(split.IsDefined() ? split : item,
                "\"split_when.service_level_above\" must be at least merge_when's "
                "service_level_below, or the group would flap");
    }
}

void ReadMergeRule(LoadContext& ctx, const YAML::Node& item) {
    YamlReader& r = ctx.reader;
    r.CheckKeys(item,
                {"id", "queues", "window", "check_every", "merge_when", "split_when", "min_merged",
                 "min_samples"},
                "merge rule");
    auto id = r.RequiredString(item, "id", "a merge rule");
    if (!id || !ctx.Claim(ctx.rules, *id, item["id"], "rule")) {
        return;
    }
    MergeRule m;
    m.id = RuleId(*id);
    const YAML::Node queues = item["queues"];
    if (!queues.IsDefined() || !r.ExpectSequence(queues, "queues") || queues.size() < 2) {
        r.Error(queues.IsDefined() ? queues : item, "a merge rule needs at least two queues");
        return;
    }
    for (const auto& q : queues) {
        if (KnownQueue(ctx, q, q.Scalar())) {
            m.queues.emplace_back(q.Scalar());
        }
    }
    if (auto d = r.DurationValue(item, "window")) {
        m.window = *d;
    }
    if (auto d = r.DurationValue(item, "check_every")) {
        m.check_every = *d;
    }
    if (m.check_every.count() == 0) {
        r.Error(item["check_every"], "\"check_every\" must be > 0");
    }
    if (auto d = r.DurationValue(item, "min_merged")) {
        m.min_merged = *d;
    }
    if (auto n = r.Integer(item, "min_samples", 1, 1'000'000)) {
        m.min_samples = int(*n);
    }
    ReadMergeConditions(r, item, m);
    ctx.center.merges.push_back(std::move(m));
}

}  // namespace

void ReadRouting(LoadContext& ctx, const YAML::Node& routing) {
    YamlReader& r = ctx.reader;
    if (!routing.IsDefined() || !r.ExpectMap(routing, "routing")) {
        return;
    }
    r.CheckKeys(routing, {"overflow", "merge"}, "routing");
    for (const char* section : {"overflow", "merge"}) {
        const YAML::Node list = routing[section];
        if (!list.IsDefined() || !r.ExpectSequence(list, section)) {
            continue;
        }
        for (const auto& item : list) {
            if (!r.ExpectMap(item, "a rule")) {
                continue;
            }
            if (std::string_view(section) == "overflow") {
                ReadOverflowRule(ctx, item);
            } else {
                ReadMergeRule(ctx, item);
            }
        }
    }
}

}  // namespace hotline::config
