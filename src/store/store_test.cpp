#include "hotline/store/store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>

namespace hotline::store {
namespace {

class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("hotline-store-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string Path() const { return (dir_ / "hotline.db").string(); }

    static int64_t AppendAndWait(Store& s, std::vector<Event> events) {
        std::promise<int64_t> p;
        s.AppendEvents(std::move(events), [&p](const Status& st, int64_t last) {
            EXPECT_TRUE(st.ok()) << st.ToString();
            p.set_value(last);
        });
        return p.get_future().get();
    }

    std::filesystem::path dir_;
};

Event Arrival(int64_t ms, const std::string& id) {
    return Event{FromMillis(ms), events::Arrive{InteractionId{id}, "voice", "in", "13812345678",
                                                "95555", "", InteractionId{}}};
}

TEST_F(StoreTest, EventsGetConsecutiveSequenceNumbersAndSurviveReopening) {
    {
        auto s = OpenSqlite(Path());
        ASSERT_TRUE(s.ok()) << s.status().ToString();
        EXPECT_EQ(AppendAndWait(**s, {Arrival(1000, "c1"), Arrival(2000, "c2")}), 2);
        EXPECT_EQ(AppendAndWait(**s, {Arrival(3000, "c3")}), 3);
    }
    auto s = OpenSqlite(Path());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ((*s)->LastSeq(), 3);
    EXPECT_EQ(AppendAndWait(**s, {Arrival(4000, "c4")}), 4);
    auto all = (*s)->Events(EventQuery{});
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 4u);
    EXPECT_EQ((*all)[3].seq, 4);
    EXPECT_EQ((*all)[3].event.As<events::Arrive>()->from, "13812345678");
}

TEST_F(StoreTest, EventQueriesFilterAndPage) {
    auto s = OpenSqlite(Path());
    ASSERT_TRUE(s.ok());
    std::vector<Event> batch;
    for (int i = 0; i < 10; ++i) {
        batch.push_back(Arrival(1000 * i, "c" + std::to_string(i)));
    }
    batch.push_back(Event{FromMillis(20'000), events::AgentLogin{AgentId{"a1"}}});
    AppendAndWait(**s, batch);
    EventQuery q;
    q.limit = 4;
    auto page1 = (*s)->Events(q);
    ASSERT_EQ(page1->size(), 4u);
    q.after_seq = page1->back().seq;
    auto page2 = (*s)->Events(q);
    ASSERT_EQ(page2->size(), 4u);
    EXPECT_EQ(page2->front().seq, 5);
    EventQuery by_time;
    by_time.from = FromMillis(3000);
    by_time.to = FromMillis(5000);
    EXPECT_EQ((*s)->Events(by_time)->size(), 2u);
    EventQuery by_agent;
    by_agent.agent = "a1";
    EXPECT_EQ((*s)->Events(by_agent)->size(), 1u);
    EventQuery by_id;
    by_id.interaction = "c7";
    EXPECT_EQ((*s)->Events(by_id)->size(), 1u);
}

TEST_F(StoreTest, UsersTokensAuditAndConfigRoundTrip) {
    auto s = OpenSqlite(Path());
    ASSERT_TRUE(s.ok());
    Store& st = **s;
    ASSERT_TRUE(st.PutUser(User{"li", "$argon2id$x", "agent", "a1", "t1", "李", false}).ok());
    auto u = st.FindUser("li");
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->agent, "a1");
    EXPECT_EQ(u->display_name, "李");
    EXPECT_EQ(st.FindUser("nobody").status().code(), ErrorCode::kNotFound);

    ASSERT_TRUE(st.PutToken(TokenRecord{"h1", "li", FromMillis(1), FromMillis(2), false}).ok());
    ASSERT_TRUE(st.RevokeTokensOf("li").ok());
    EXPECT_TRUE(st.FindToken("h1")->revoked);

    ASSERT_TRUE(st.Audit(AuditEntry{0, FromMillis(5), "admin", "unmask", "c1", "GET /x"}).ok());
    auto log = st.AuditLog(AuditQuery{});
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ((*log)[0].target, "c1");

    EXPECT_FALSE(st.LatestConfig()->has_value());
    ASSERT_TRUE(st.PutConfig("a: 1\n", "admin", FromMillis(1)).ok());
    ASSERT_TRUE(st.PutConfig("a: 2\n", "admin", FromMillis(2)).ok());
    EXPECT_EQ(st.LatestConfig()->value(), "a: 2\n");

    ASSERT_TRUE(st.DeleteUser("li").ok());
    EXPECT_EQ(st.DeleteUser("li").code(), ErrorCode::kNotFound);
}

TEST_F(StoreTest, ManyConcurrentAppendsAllCommitInOrder) {
    auto s = OpenSqlite(Path(), Options{Durability::kNormal, 4096});
    ASSERT_TRUE(s.ok());
    std::atomic<int> done{0};
    for (int i = 0; i < 500; ++i) {
        (*s)->AppendEvents({Arrival(i, "c" + std::to_string(i))},
                           [&done](const Status& st, int64_t) {
                               EXPECT_TRUE(st.ok());
                               ++done;
                           });
    }
    (*s)->Flush();
    EXPECT_EQ(done.load(), 500);
    int64_t expect = 1;
    ASSERT_TRUE((*s)->ForEachEvent([&](const StoredEvent& e) {
                        EXPECT_EQ(e.seq, expect);
                        EXPECT_EQ(e.event.As<events::Arrive>()->id.str(),
                                  "c" + std::to_string(expect - 1));
                        ++expect;
                        return true;
                    })
                    .ok());
    EXPECT_EQ(expect, 501);
}

TEST_F(StoreTest, ANewerSchemaIsRefusedNotDowngraded) {
    { ASSERT_TRUE(OpenSqlite(Path()).ok()); }  // creates and migrates the file
    // Pretend a later hotline migrated the file.
    std::string cmd = "sqlite3 " + Path() + " 'INSERT INTO schema_migrations(version) VALUES (99)'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    auto s = OpenSqlite(Path());
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace hotline::store
