#include "hotline/ivr/session.h"

#include <gtest/gtest.h>

namespace hotline::ivr {
namespace {

IvrNode Node(std::string id, IvrNodeKind kind) {
    IvrNode n;
    n.id = std::move(id);
    n.kind = kind;
    return n;
}

// A flow built in code (the scenario files use the example center's): set → condition → play.
TEST(Session, SilentNodesRunUntilTheCallerIsAsked) {
    IvrFlow f;
    f.id = "f";
    f.start = "mark";
    IvrNode set = Node("mark", IvrNodeKind::kSet);
    set.assign = {{"lang", "en"}};
    set.next = "route";
    IvrNode cond = Node("route", IvrNodeKind::kCondition);
    cond.conditions = {IvrCondition{"lang", "en", "hello_en", {}}};
    cond.otherwise = "hello_zh";
    IvrNode en = Node("hello_en", IvrNodeKind::kPlay);
    en.prompt = "en/hello";
    en.duration = std::chrono::seconds(3);
    en.next = "bye";
    IvrNode zh = Node("hello_zh", IvrNodeKind::kPlay);
    zh.next = "bye";
    IvrNode bye = Node("bye", IvrNodeKind::kHangup);
    f.nodes = {set, cond, en, zh, bye};
    Session s(f, {}, nullptr);
    Step step = s.Start();
    EXPECT_EQ(step.kind, StepKind::kPlay);
    EXPECT_EQ(step.prompt, "en/hello");
    EXPECT_EQ(step.duration, std::chrono::seconds(3));
    step = s.PlaybackDone();
    EXPECT_TRUE(step.terminal());
    EXPECT_EQ(step.outcome, "self_served");
    EXPECT_EQ(s.variables().at("lang"), "en");
}

TEST(Session, ASilentLoopEndsInsteadOfSpinning) {
    IvrFlow f;
    f.start = "a";
    IvrNode a = Node("a", IvrNodeKind::kSet);
    a.next = "b";
    IvrNode b = Node("b", IvrNodeKind::kSet);
    b.next = "a";
    f.nodes = {a, b};
    Step step = Session(f, {}, nullptr).Start();  // check-config refuses this flow; still bounded
    EXPECT_EQ(step.kind, StepKind::kHangup);
    EXPECT_EQ(step.outcome, "hangup");
}

}  // namespace
}  // namespace hotline::ivr
