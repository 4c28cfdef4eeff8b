#include "hotline/config/loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::config {
namespace {

using ::testing::HasSubstr;

constexpr const char* kBase = R"(center:
  name: 测试中心
skills:
  - {id: sales, name: 销售}
  - {id: support}
queues:
  - id: q1
    skills: {sales: 3}
agents:
  - {id: a1, skills: {sales: 5}}
)";

std::vector<std::string> Errors(const std::string& yaml) {
    LoadResult r = LoadCenterFromString(yaml, "c.yaml");
    std::vector<std::string> out;
    for (const auto& e : r.errors) {
        out.push_back(e.ToString());
    }
    return out;
}

TEST(Loader, TheExampleCenterIsValidAndRich) {
    LoadResult r = LoadCenterFromFile(HOTLINE_SOURCE_DIR "/examples/center.yaml");
    for (const auto& e : r.errors) {
        ADD_FAILURE() << e.ToString();
    }
    EXPECT_GE(r.center.queues.size(), 5U);
    EXPECT_GE(r.center.agents.size(), 40U);
    EXPECT_GE(r.center.teams.size(), 3U);
    EXPECT_FALSE(r.center.overflow.empty());
    EXPECT_FALSE(r.center.merges.empty());
    EXPECT_EQ(r.center.name, "星海银行客服中心");
    EXPECT_THAT(Summarize(r.center), HasSubstr("42 agents"));
}

TEST(Loader, ReadsQueueFieldsAndDefaults) {
    LoadResult r = LoadCenterFromString(std::string(kBase) + R"(  - id: a2
    skills: {sales: 2, support: 7}
    capacity: {voice: 1, chat: 3}
    wrapup: 15s
)",
                                        "c.yaml");
    ASSERT_TRUE(r.ok()) << r.errors[0].ToString();
    const auto& q = r.center.queues[0];
    EXPECT_EQ(q.strategy, Strategy::kLongestIdle);
    EXPECT_EQ(q.service_level.threshold, Duration{20'000});
    EXPECT_EQ(q.skills, (Requirement{{SkillId("sales"), 3}}));
    const auto& a2 = r.center.agents[1];
    EXPECT_EQ(a2.capacity[1], 3);
    EXPECT_EQ(a2.wrapup, Duration{15'000});
    EXPECT_EQ(a2.skills.size(), 2U);
}

TEST(Loader, UnknownSkillIsReportedWithItsPosition) {
    auto errors = Errors(std::string(kBase) + "  - {id: a2, skills: {sails: 5}}\n");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0], "c.yaml:11:23: error: unknown skill \"sails\"");
}

TEST(Loader, AgentsPhoneMustBeASipUri) {
    EXPECT_TRUE(
        Errors(std::string(kBase) + "  - {id: a2, sip: \"sip:a2@10.0.0.5:5060\"}\n").empty());
    auto errors = Errors(std::string(kBase) + "  - {id: a2, sip: \"10.0.0.5:5060\"}\n");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0], HasSubstr("c.yaml:11:19: error: \"sip\" must be a SIP URI"));
    EXPECT_EQ(Errors(std::string(kBase) + "  - {id: a2, sip: \"sip:\"}\n").size(), 1U);
    EXPECT_EQ(Errors(std::string(kBase) + "  - {id: a2, sip: \"sip:a b@h\"}\n").size(), 1U);
}

TEST(Loader, DuplicateIdsAreErrors) {
    auto errors = Errors(std::string(kBase) + "  - {id: a1}\n");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0], HasSubstr("c.yaml:11:10: error: duplicate agent id \"a1\""));
}

TEST(Loader, RuleToAMissingQueueIsAnError) {
    auto errors = Errors(std::string(kBase) + R"(routing:
  overflow:
    - {id: r1, queue: q1, when: {waited: 30s}, move_to: nowhere}
)");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0],
                HasSubstr("c.yaml:13:57: error: rule refers to unknown queue \"nowhere\""));
}

TEST(Loader, NegativeDurationIsAnError) {
    std::string yaml = kBase;
    yaml.replace(yaml.find("    skills: {sales: 3}"), 0, "    wrapup: -5s\n");
    auto errors = Errors(yaml);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0], HasSubstr("c.yaml:8:13: error: \"wrapup\" must be a duration"));
    EXPECT_THAT(errors[0], HasSubstr("cannot be negative"));
}

TEST(Loader, WrongTypeIsAnError) {
    std::string yaml = kBase;
    yaml.replace(yaml.find("    skills: {sales: 3}"), 0, "    priority: high\n");
    auto errors = Errors(yaml);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0], HasSubstr("c.yaml:8:15: error: \"priority\" must be a whole number"));
}

TEST(Loader, MisspelledKeySuggestsTheRightOne) {
    std::string yaml = kBase;
    yaml.replace(yaml.find("    skills: {sales: 3}"), 0, "    stratgy: random\n");
    auto errors = Errors(yaml);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0],
                HasSubstr("unknown key \"stratgy\" in queue (did you mean \"strategy\"?)"));
}

TEST(Loader, ReportsEveryErrorInOneRun) {
    auto errors = Errors(R"(skills: [{id: s}]
queues:
  - {id: q, skills: {s: 11}, strategy: fastest, channel: fax}
agents:
  - {id: a, team: nobody}
)");
    EXPECT_EQ(errors.size(), 4U);
}

TEST(Loader, SyntaxErrorsCarryTheirPosition) {
    auto errors = Errors("queues: [\n  - id: q1\n");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0], HasSubstr("c.yaml:"));
    EXPECT_THAT(errors[0], HasSubstr("YAML syntax"));
}

TEST(Loader, MergeRuleNeedsHysteresis) {
    auto errors = Errors(std::string(kBase) + R"(  - {id: a2}
routing:
  merge:
    - id: m
      queues: [q1, q1]
      merge_when: {service_level_below: 70%}
      split_when: {service_level_above: 60%}
)");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_THAT(errors[0], HasSubstr("would flap"));
}

TEST(Loader, UnservedQueueIsAWarningNotAnError) {
    LoadResult r = LoadCenterFromString(R"(skills: [{id: s}]
queues: [{id: q, skills: {s: 9}}]
agents: [{id: a, skills: {s: 3}}]
)",
                                        "c.yaml");
    EXPECT_TRUE(r.ok());
    ASSERT_EQ(r.warnings.size(), 1U);
    EXPECT_THAT(r.warnings[0].ToString(), HasSubstr("no agent can serve queue \"q\""));
}

TEST(Loader, IvrFlowErrorsNameTheirNodes) {
    LoadResult r = LoadCenterFromString(R"(skills: [{id: s}]
queues: [{id: q, skills: {s: 1}}]
agents: [{id: a1, skills: {s: 1}}]
ivr:
  - id: f
    start: hello
    nodes:
      hello: {play: p, next: again}
      again: {play: p, next: hello}
      menu: {menu: m, options: {"1": nowhere, "x": hello}}
      waitq: {queue: q9}
      ask: {collect: c, variable: v}
)",
                                        "c.yaml");
    std::vector<std::string> errors;
    for (const auto& e : r.errors) {
        errors.push_back(e.ToString());
    }
    EXPECT_THAT(
        errors,
        ::testing::ElementsAre(
            HasSubstr("c.yaml:8:14: error: a loop that never waits for the caller: hello → again → "
                      "hello"),
            HasSubstr("c.yaml:10:13: error: node \"menu\" cannot be reached from \"hello\""),
            HasSubstr("c.yaml:10:38: error: no node \"nowhere\" in flow \"f\""),
            HasSubstr("c.yaml:10:47: error: a menu option is one key: 0-9, * or #"),
            HasSubstr("c.yaml:11:14: error: node \"waitq\" cannot be reached"),
            HasSubstr("c.yaml:11:22: error: unknown queue \"q9\""),
            HasSubstr("c.yaml:12:12: error: this node needs next:"),
            HasSubstr("c.yaml:12:12: error: node \"ask\" cannot be reached")));
}

TEST(Loader, TheExampleFlowIsRead) {
    LoadResult r = LoadCenterFromFile(HOTLINE_SOURCE_DIR "/examples/center.yaml");
    ASSERT_TRUE(r.ok());
    const IvrFlow* main = r.center.FindFlow("main");
    ASSERT_NE(main, nullptr);
    const IvrNode* menu = main->Find("main_menu");
    ASSERT_NE(menu, nullptr);
    EXPECT_EQ(menu->kind, IvrNodeKind::kMenu);
    EXPECT_EQ(menu->options.at("1"), "card_number");
    EXPECT_EQ(menu->retries, 2);
    EXPECT_EQ(main->Find("card_number")->max_digits, 19);
}

}  // namespace
}  // namespace hotline::config
