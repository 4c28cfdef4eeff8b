// The API's pieces that need no network: query strings, body checks, configuration edits.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "config_edit.h"
#include "http_types.h"
#include "json_body.h"

namespace hotline::api {
namespace {

TEST(Query, DecodesAndRefusesBrokenEscapes) {
    std::map<std::string, std::string> q;
    std::string err;
    ASSERT_TRUE(ParseQueryString("by=queue&from=2026-12-03%2008:00&x=a+b&flag", q, err)) << err;
    EXPECT_EQ(q["by"], "queue");
    EXPECT_EQ(q["from"], "2026-12-03 08:00");
    EXPECT_EQ(q["x"], "a b");
    EXPECT_EQ(q["flag"], "");
    q.clear();
    EXPECT_FALSE(ParseQueryString("a=%2", q, err));
    EXPECT_NE(err.find("a"), std::string::npos);
    EXPECT_FALSE(ParseQueryString("=1", q, err));
}

TEST(Body, ErrorsNameTheField) {
    auto bad = ParseJsonObject("{\"channel\": ");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("not valid JSON"), std::string::npos);
    EXPECT_FALSE(ParseJsonObject("[1]").ok());
    auto o = ParseJsonObject(R"({"channel":"fax","priority":"high","from":"1"})");
    ASSERT_TRUE(o.ok());
    BodyReader r(*o);
    r.OneOf("channel", {"voice", "chat"}, true);
    EXPECT_EQ(r.status().message(), "field \"channel\": must be one of voice, chat, not \"fax\"");
    BodyReader r2(*o);
    r2.Int("priority", 0, 10);
    EXPECT_EQ(r2.status().message(), "field \"priority\": must be a whole number");
    BodyReader r3(*o);
    r3.OnlyKnown({"channel", "from"});
    EXPECT_EQ(r3.status().message(), "field \"priority\": is not a field of this request");
}

constexpr const char* kYaml = R"(center:
  name: 测试中心
  timezone: Asia/Shanghai
skills:
  - {id: general, name: 综合}
queues:
  - {id: general, skills: {general: 1}, wrapup: 10s}
agents:
  - {id: a1, skills: {general: 5}}
)";

TEST(ConfigEdit, EntitiesAreAddedReplacedAndDeletedInTheDocument) {
    const Collection* queues = FindCollection("queues");
    ASSERT_NE(queues, nullptr);
    auto entity = boost::json::parse(
                      R"({"name":"信用卡","skills":{"general":3},"wrapup":"20s","priority":2})")
                      .as_object();
    auto added = EditEntity(kYaml, *queues, EditOp::kCreate, "cards", &entity);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    auto loaded = config::LoadCenterFromString(*added, "edited");
    ASSERT_TRUE(loaded.ok()) << loaded.errors[0].ToString() << "\n" << *added;
    ASSERT_EQ(loaded.center.queues.size(), 2u);
    EXPECT_EQ(loaded.center.queues[1].name, "信用卡");
    EXPECT_EQ(loaded.center.queues[1].priority, 2);
    EXPECT_EQ(EditEntity(*added, *queues, EditOp::kCreate, "cards", &entity).status().code(),
              ErrorCode::kConflict);

    auto one = GetEntity(*added, *queues, "cards");
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->as_object().at("priority").as_int64(), 2);
    EXPECT_EQ(one->as_object().at("wrapup").as_string(), "20s");

    auto removed = EditEntity(*added, *queues, EditOp::kDelete, "general", nullptr);
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(ListEntities(*removed, *queues)->size(), 1u);
    EXPECT_EQ(EditEntity(*removed, *queues, EditOp::kDelete, "general", nullptr).status().code(),
              ErrorCode::kNotFound);
}

TEST(ConfigEdit, ValidationErrorsPointAtTheField) {
    const Collection* queues = FindCollection("queues");
    auto entity = boost::json::parse(R"({"skills":{"nosuch":3},"wrapup":"-5s"})").as_object();
    auto edited = EditEntity(kYaml, *queues, EditOp::kCreate, "bad", &entity);
    ASSERT_TRUE(edited.ok());
    auto loaded = config::LoadCenterFromString(*edited, "edited");
    ASSERT_FALSE(loaded.ok());
    auto located = LocateErrors(*edited, loaded.errors);
    ASSERT_EQ(located.size(), loaded.errors.size());
    bool skill = false, wrapup = false;
    for (const auto& f : located) {
        skill = skill || f.field.rfind("queues[1].skills", 0) == 0;
        wrapup = wrapup || f.field == "queues[1].wrapup";
    }
    EXPECT_TRUE(skill) << located[0].field << ": " << located[0].message;
    EXPECT_TRUE(wrapup);
}

TEST(ConfigEdit, RulesLiveUnderRouting) {
    const Collection* overflow = FindCollection("overflow");
    ASSERT_NE(overflow, nullptr);
    auto rule =
        boost::json::parse(
            R"({"queue":"general","when":{"waited":"30s"},"widen":{"lower_min_level_by":1}})")
            .as_object();
    auto edited = EditEntity(kYaml, *overflow, EditOp::kCreate, "widen_30s", &rule);
    ASSERT_TRUE(edited.ok());
    auto loaded = config::LoadCenterFromString(*edited, "edited");
    ASSERT_TRUE(loaded.ok()) << loaded.errors[0].ToString() << "\n" << *edited;
    EXPECT_EQ(loaded.center.overflow.size(), 1u);
}

}  // namespace
}  // namespace hotline::api
