#include "hotline/core/event_codec.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(EventJson, WritesOnlyTheFieldsThatHappened) {
    Event e{FromMillis(1'700'000'000'000),
            events::Offer{InteractionId("c1"), AgentId("a7"), QueueId("sales")}};
    EXPECT_EQ(EventToJson(e),
              R"({"ts":1700000000000,"type":"offer","id":"c1","agent":"a7","queue":"sales"})");
}

TEST(EventJson, RoundTripsEveryFieldKind) {
    events::Enqueue enq{InteractionId("c2"), QueueId("vip"), 3, {"english:5"}, 1'000};
    Event e{FromMillis(5'000), enq};
    auto back = EventFromJson(EventToJson(e));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    const auto* got = back->As<events::Enqueue>();
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->id.str(), "c2");
    EXPECT_EQ(got->priority, 3);
    EXPECT_EQ(got->skills, std::vector<std::string>{"english:5"});
    EXPECT_EQ(got->since, 1'000);
    EXPECT_EQ(back->ts, FromMillis(5'000));

    Event survey{FromMillis(1), events::Survey{InteractionId("c3"), 5, true}};
    auto s = EventFromJson(EventToJson(survey));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->As<events::Survey>()->resolved, true);
}

TEST(EventJson, ErrorsNameTheProblem) {
    EXPECT_NE(EventFromJson("{").status().message().find("not valid JSON"), std::string::npos);
    EXPECT_NE(EventFromJson(R"({"type":"offer"})").status().message().find("ts"),
              std::string::npos);
    EXPECT_NE(EventFromJson(R"({"ts":1,"type":"teleport"})").status().message().find("teleport"),
              std::string::npos);
    EXPECT_NE(EventFromJson(R"({"ts":1,"type":"offer","agent":7})")
                  .status()
                  .message()
                  .find("\"agent\" must be a string"),
              std::string::npos);
}

TEST(EventText, RendersSecondsSinceOriginAndFields) {
    Event e{FromMillis(12'500), events::Hangup{InteractionId("c1"), "customer", "talk", ""}};
    EXPECT_EQ(EventToText(e, FromMillis(0)), "12.500 hangup id=c1 by=customer stage=talk");
}

}  // namespace
}  // namespace hotline
