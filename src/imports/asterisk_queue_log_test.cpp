#include <gtest/gtest.h>

#include <sstream>

#include "hotline/core/event_codec.h"
#include "hotline/imports/import.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"

namespace hotline::imports {
namespace {

// A morning of one queue as Asterisk 13 writes it: two members, a paused member, one answered
// call, one ring-no-answer, one abandon, one timeout to the dialplan, one transfer.
const char* const kLog =
    "1700000000|NONE|NONE|NONE|QUEUESTART|\n"
    "1700000000|NONE|support|SIP/1001|ADDMEMBER|\n"
    "1700000000|NONE|support|SIP/1002|ADDMEMBER|\n"
    "1700000010|NONE|support|SIP/1002|PAUSE|lunch\n"
    "1700000100|1700000100.1|support|NONE|ENTERQUEUE||13800138000|1\n"
    "1700000115|1700000100.1|support|SIP/1001|RINGNOANSWER|15000\n"
    "1700000120|1700000100.1|support|SIP/1001|CONNECT|20|1700000100.2|5\n"
    "1700000300|1700000100.1|support|SIP/1001|COMPLETECALLER|20|180|1\n"
    "1700000400|1700000400.3|support|NONE|ENTERQUEUE||13900139000|1\n"
    "1700000403|1700000400.3|support|NONE|ABANDON|1|1|3\n"
    "1700000500|1700000500.4|support|NONE|ENTERQUEUE||13700137000|1\n"
    "1700000800|1700000500.4|support|NONE|EXITWITHTIMEOUT|1|1|300\n"
    "1700000900|1700000900.5|support|NONE|ENTERQUEUE||13600136000|1\n"
    "1700000902|1700000900.5|support|SIP/1001|CONNECT|2|1700000900.6|1\n"
    "1700000962|1700000900.5|support|SIP/1001|TRANSFER|2000|from-internal|2|60\n"
    "1700001000|NONE|support|SIP/1002|UNPAUSE|\n"
    "1700001800|NONE|support|SIP/1001|REMOVEMEMBER|\n"
    "1700001800|NONE|support|SIP/1002|REMOVEMEMBER|\n";

Result<ImportSummary> Import(const std::string& text, bool skip_bad = false) {
    std::istringstream in(text);
    ImportOptions o;
    o.source = "queue_log";
    o.skip_bad = skip_bad;
    return ImportAsteriskQueueLog(in, o);
}

TEST(AsteriskQueueLog, ReportOfAMorning) {
    auto s = Import(kLog);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    metrics::Aggregator agg;
    for (const auto& e : s->events) {
        agg.OnEvent(e);
    }
    metrics::ReportRequest req;
    req.by = metrics::GroupBy::kAgent;
    metrics::Report rep = metrics::BuildReport(agg, *metrics::Calendar::ForZone("UTC"), req);
    const auto& t = rep.total.counters;
    EXPECT_EQ(t.contacts.offered, 4);
    EXPECT_EQ(t.contacts.answered, 2);
    EXPECT_EQ(t.contacts.abandoned, 1);
    EXPECT_EQ(t.contacts.short_abandoned, 1);
    EXPECT_EQ(t.contacts.ended_other, 1);  // the timeout
    EXPECT_EQ(t.contacts.wait_answered_ms, 22'000);
    EXPECT_EQ(t.contacts.transfers, 1);
    EXPECT_EQ(t.contacts.handled, 2);
    EXPECT_EQ(t.contacts.talk_ms, 240'000);
    EXPECT_EQ(t.agents.offers_failed, 1);
    ASSERT_EQ(rep.rows.size(), 2U);
    const auto& a1 = rep.rows[0].counters.agents;  // SIP/1001: busy 180 s + 60 s
    EXPECT_EQ(a1.login_ms, 1'800'000);
    EXPECT_EQ(a1.State(metrics::AgentTime::kBusy), 240'000);
    const auto& a2 = rep.rows[1].counters.agents;  // SIP/1002: paused 10 s → 1000 s
    EXPECT_EQ(a2.State(metrics::AgentTime::kNotReady), 990'000);
    EXPECT_EQ(rep.reasons[a2.not_ready_by_reason_ms[0].first], "lunch");
    EXPECT_EQ(s->notes.size(), 0U);
}

TEST(AsteriskQueueLog, UnknownEventsAreCountedNotLost) {
    auto s = Import("1700000000|x|q|NONE|SOMETHINGNEW|a|b\n");
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->notes.at("queue_log events not mapped (SOMETHINGNEW)"), 1);
}

TEST(AsteriskQueueLog, MalformedLinesNameTheirLine) {
    auto s = Import("1700000000|NONE|q|SIP/1|ADDMEMBER|\nyesterday|x|q|NONE|ENTERQUEUE||1|1\n");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().message(),
              "queue_log:2: field 1 (time) is 'yesterday', expected seconds since 1970");
    auto skipped = Import("1700000000|x\n1700000001|c|q|NONE|ENTERQUEUE||1|1\n", true);
    ASSERT_TRUE(skipped.ok());
    EXPECT_EQ(skipped->skipped, 1);
    EXPECT_EQ(skipped->errors[0], "queue_log:1: expected at least 5 '|'-separated fields, found 2");
    EXPECT_EQ(skipped->records, 1);
}

TEST(AsteriskQueueLog, FractionalEpochs) {
    auto s = Import("1364376022.123456|c1|q|NONE|ENTERQUEUE||555|1\n");
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(ToMillis(s->events.front().ts), 1364376022123);
}

}  // namespace
}  // namespace hotline::imports
