#include <gtest/gtest.h>

#include <sstream>

#include "hotline/core/event_codec.h"
#include "hotline/imports/import.h"
#include "hotline/metrics/aggregator.h"
#include "hotline/metrics/report.h"
#include "import_test_trace.h"

namespace hotline::imports {
namespace {

const char* const kHeader =
    "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\t"
    "q_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\r\n";

ImportSummary Import(const std::string& body, bool skip_bad = false) {
    std::istringstream in(std::string(kHeader) + body);
    ImportOptions o;
    o.source = "feb.tsv";
    o.skip_bad = skip_bad;
    auto r = ImportAnonymousBank(in, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ImportSummary{};
}

TEST(BankImport, QueuedCallAnsweredByAnAgent) {
    ImportSummary s = Import(
        "AA0101\t34540\t48178511\t2\tPS\t990201\t8:19:42\t8:19:47\t5\t8:19:47\t8:20:21\t34\tAGENT\t"
        "8:20:20\t8:22:04\t104\tMICHAL\r\n");
    EXPECT_EQ(Trace(s),
              "0.000 arrive id=AA0101-34540 channel=voice direction=in customer=48178511\n"
              "0.000 ivr_enter id=AA0101-34540 flow=vru node=AA0101\n"
              "5.000 ivr_exit id=AA0101-34540 flow=vru node=AA0101 outcome=queued\n"
              "5.000 enqueue id=AA0101-34540 queue=PS priority=2\n"
              "39.000 offer id=AA0101-34540 agent=MICHAL queue=PS\n"
              "39.000 answer id=AA0101-34540 agent=MICHAL queue=PS\n"
              "143.000 hangup id=AA0101-34540 by=customer stage=talk\n"
              "143.000 wrapup_end id=AA0101-34540 agent=MICHAL\n");
    EXPECT_EQ(ToMillis(s.events.front().ts), 917857182000);  // 1999-02-01 08:19:42 UTC
}

TEST(BankImport, HangUpsInTheIvrAndInTheQueue) {
    ImportSummary s = Import(
        "AA0101\t34585\t0\t0\tPS\t990201\t17:16:03\t17:17:16\t73\t0:00:00\t0:00:00\t0\tHANG\t"
        "0:00:00\t0:00:00\t0\tNO_SERVER\r\n"
        "AA0101\t34539\t23317894\t2\tPS\t990201\t17:16:09\t17:16:15\t6\t17:16:15\t17:16:"
        "20\t5\tHANG\t"
        "0:00:00\t0:00:00\t0\tNO_SERVER\r\n");
    EXPECT_EQ(Trace(s),
              "0.000 arrive id=AA0101-34585 channel=voice direction=in\n"
              "0.000 ivr_enter id=AA0101-34585 flow=vru node=AA0101\n"
              "6.000 arrive id=AA0101-34539 channel=voice direction=in customer=23317894\n"
              "6.000 ivr_enter id=AA0101-34539 flow=vru node=AA0101\n"
              "12.000 ivr_exit id=AA0101-34539 flow=vru node=AA0101 outcome=queued\n"
              "12.000 enqueue id=AA0101-34539 queue=PS priority=2\n"
              "17.000 abandon id=AA0101-34539 queue=PS\n"
              "17.000 hangup id=AA0101-34539 by=customer stage=queue\n"
              "73.000 ivr_exit id=AA0101-34585 flow=vru node=AA0101 outcome=hangup\n"
              "73.000 hangup id=AA0101-34585 by=customer stage=ivr\n");
}

TEST(BankImport, CallQueuedAtMidnightMovesToTheNextDay) {
    // q_start 0:00:00 here is midnight, not "none": q_time says the caller waited 27 s.
    ImportSummary s = Import(
        "AA0102\t31056\t15696776\t2\tPS\t990215\t23:59:54\t23:59:54\t0\t0:00:00\t0:00:"
        "27\t27\tAGENT\t"
        "0:00:26\t0:01:33\t67\tAVNI\r\n");
    EXPECT_EQ(Trace(s),
              "0.000 arrive id=AA0102-31056 channel=voice direction=in customer=15696776\n"
              "0.000 ivr_enter id=AA0102-31056 flow=vru node=AA0102\n"
              "0.000 ivr_exit id=AA0102-31056 flow=vru node=AA0102 outcome=queued\n"
              "6.000 enqueue id=AA0102-31056 queue=PS priority=2\n"
              "33.000 offer id=AA0102-31056 agent=AVNI queue=PS\n"
              "33.000 answer id=AA0102-31056 agent=AVNI queue=PS\n"
              "100.000 hangup id=AA0102-31056 by=customer stage=talk\n"
              "100.000 wrapup_end id=AA0102-31056 agent=AVNI\n");
}

TEST(BankImport, PhantomCallsAreLeftOutAndCounted) {
    ImportSummary s = Import(
        "AA0101\t34645\t24442634\t2\tPS\t990202\t13:13:33\t13:13:42\t9\t13:13:42\t13:14:12\t30\t"
        "PHANTOM\t13:13:40\t13:14:18\t38\tNO_SERVER\r\n"
        "AA0101\t34537\t0\t0\tPS\t990201\t7:31:45\t7:31:55\t10\t0:00:00\t0:00:00\t0\tAGENT\t7:31:"
        "54\t"
        "7:31:59\t5\tNO_SERVER\r\n");
    EXPECT_EQ(s.records, 1);
    EXPECT_EQ(s.notes.at("phantom calls left out (the bank's own virtual calls)"), 1);
    EXPECT_EQ(s.notes.at("calls answered without waiting in queue"), 1);
    EXPECT_EQ(s.notes.at("answered calls with no agent name (agent \"unknown\")"), 1);
    // Served without queueing: waits 0 s in the queue, answered by "unknown".
    EXPECT_NE(Trace(s).find("10.000 answer id=AA0101-34537 agent=unknown queue=PS"),
              std::string::npos);
}

TEST(BankImport, BadRowNamesItsLineAndField) {
    std::istringstream in(
        std::string(kHeader) +
        "AA0101\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tAGENT\t"
        "7:02:55\t7:05:41\t166\tDORIT\n"
        "AA0101\t2\t0\t0\tPS\t990201\t7:62:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tAGENT\t"
        "7:02:55\t7:05:41\t166\tDORIT\n");
    ImportOptions o;
    o.source = "feb.tsv";
    auto r = ImportAnonymousBank(in, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              "feb.tsv:3: field 7 (vru_entry) is '7:62:47', expected a time H:MM:SS");
}

TEST(BankImport, SkipBadGoesOnAndCounts) {
    ImportSummary s = Import(
        "AA0101\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tAGENT\t7:02:55\t"
        "7:05:41\t166\tDORIT\n"
        "AA0101\t2\t0\t0\tPS\t990201\t7:02:47\n"
        "AA0101\t3\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tGONE\t7:02:55\t"
        "7:05:41\t166\tDORIT\n",
        true);
    EXPECT_EQ(s.records, 1);
    EXPECT_EQ(s.skipped, 2);
    ASSERT_EQ(s.errors.size(), 2U);
    EXPECT_EQ(s.errors[0], "feb.tsv:3: expected 17 tab-separated fields, found 7");
    EXPECT_EQ(s.errors[1],
              "feb.tsv:4: field 13 (outcome) is 'GONE', expected AGENT, HANG or PHANTOM");
}

TEST(BankImport, TextInAnotherEncodingIsRefused) {
    std::istringstream in(std::string(kHeader) +
                          "AA0101\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\t"
                          "AGENT\t7:02:55\t7:05:41\t166\t\xd5\xc5\xc8\xfd\n");  // 张三 in GBK
    ImportOptions o;
    o.source = "feb.tsv";
    auto r = ImportAnonymousBank(in, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              "feb.tsv:2: not UTF-8 text at byte 86; convert the file first, e.g. iconv -f GBK -t "
              "UTF-8");
}

TEST(BankImport, DatesBefore1970AreRefused) {
    std::istringstream in(std::string(kHeader) +
                          "AA0101\t1\t0\t0\tPS\t690201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\t"
                          "AGENT\t7:02:55\t7:05:41\t166\tDORIT\n");
    ImportOptions o;
    o.source = "feb.tsv";
    auto r = ImportAnonymousBank(in, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              "feb.tsv:2: field 6 (date) is '690201', expected a date from 1970 on (two-digit "
              "years 69-99 are 1969-1999)");
}

TEST(BankImport, LocalTimesInAZone) {
    std::istringstream in(std::string(kHeader) +
                          "AA0101\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\t"
                          "AGENT\t7:02:55\t7:05:41\t166\tDORIT\n");
    ImportOptions o;
    o.zone = "Asia/Jerusalem";  // UTC+2 in February
    auto r = ImportAnonymousBank(in, o);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(ToMillis(r->events.front().ts), 917845367000);  // 05:02:47 UTC
}

}  // namespace
}  // namespace hotline::imports
