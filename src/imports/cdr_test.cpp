#include <gtest/gtest.h>

#include <sstream>

#include "hotline/core/event_codec.h"
#include "hotline/imports/import.h"
#include "import_test_trace.h"

namespace hotline::imports {
namespace {

const char* const kMapping = R"(
delimiter: ","
timezone: Asia/Shanghai
time_format: "%Y-%m-%d %H:%M:%S"
columns:
  id: uniqueid
  arrive: start
  answer: answer
  end: end
  queue: queue
  agent: agent
  from: src
  outcome: disposition
outcomes:
  answered: [ANSWERED]
  abandoned: [NO ANSWER, BUSY]
  ignored: [FAILED]
)";

Result<ImportSummary> Import(const std::string& csv, const std::string& mapping = kMapping,
                             bool skip_bad = false) {
    auto m = ParseCdrMapping(mapping, "map.yaml");
    if (!m.ok()) {
        return m.status();
    }
    std::istringstream in(csv);
    ImportOptions o;
    o.source = "cdr.csv";
    o.skip_bad = skip_bad;
    return ImportCdr(in, *m, o);
}

TEST(CdrImport, AnsweredAbandonedAndIgnoredCalls) {
    auto s = Import(
        "uniqueid,start,answer,end,queue,agent,src,disposition\r\n"
        "1001,2026-12-03 09:00:00,2026-12-03 09:00:12,2026-12-03 09:03:12,billing,\"Wang, "
        "Li\",13800138000,ANSWERED\r\n"
        "1002,2026-12-03 09:01:00,,2026-12-03 09:01:40,billing,,13900139000,NO ANSWER\r\n"
        "1003,2026-12-03 09:02:00,,,billing,,,FAILED\r\n");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(Trace(*s),
              "0.000 arrive id=1001 channel=voice direction=in from=13800138000\n"
              "0.000 enqueue id=1001 queue=billing\n"
              "12.000 offer id=1001 agent=Wang, Li queue=billing\n"
              "12.000 answer id=1001 agent=Wang, Li queue=billing\n"
              "60.000 arrive id=1002 channel=voice direction=in from=13900139000\n"
              "60.000 enqueue id=1002 queue=billing\n"
              "100.000 abandon id=1002 queue=billing\n"
              "100.000 hangup id=1002 by=customer stage=queue\n"
              "192.000 hangup id=1001 by=customer stage=talk\n"
              "192.000 wrapup_end id=1001 agent=Wang, Li\n");
    EXPECT_EQ(ToMillis(s->events.front().ts), 1796259600000);  // 09:00 in Shanghai = 01:00 UTC
    EXPECT_EQ(s->records, 2);
    EXPECT_EQ(s->notes.at("records with an ignored outcome"), 1);
}

TEST(CdrImport, DurationsInsteadOfTimes) {
    auto s = Import("7,1764723600,25,300,2,a9\n",
                    "header: false\ntime_format: epoch\nqueue_default: sales\n"
                    "columns: {id: 1, arrive: 2, wait_s: 3, talk_s: 4, acw_s: 5, agent: 6}\n");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(Trace(*s),
              "0.000 arrive id=7 channel=voice direction=in\n"
              "0.000 enqueue id=7 queue=sales\n"
              "25.000 offer id=7 agent=a9 queue=sales\n"
              "25.000 answer id=7 agent=a9 queue=sales\n"
              "325.000 hangup id=7 by=customer stage=talk\n"
              "327.000 wrapup_end id=7 agent=a9\n");
}

TEST(CdrImport, BadRecordsNameLineAndColumn) {
    const std::string head = "uniqueid,start,answer,end,queue,agent,src,disposition\n";
    auto s = Import(head + "1,2026-13-03 09:00:00,,,billing,,,BUSY\n");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().message(),
              "cdr.csv:2: column 'start' (arrive) is '2026-13-03 09:00:00', expected a time as "
              "%Y-%m-%d %H:%M:%S");
    s = Import(head + "1,2026-12-03 09:00:00,,,billing,,,HUNG\n");
    EXPECT_EQ(
        s.status().message(),
        "cdr.csv:2: column 'disposition' (outcome) is 'HUNG', which the mapping's outcomes do "
        "not list");
    s = Import(
        head + "1,\"2026-12-03 09:00:00,,,billing,,,BUSY\n2,2026-12-03 09:00:00,,,billing,,,BUSY\n",
        kMapping, true);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->skipped, 1);
    EXPECT_EQ(s->records, 1);
    EXPECT_EQ(s->errors[0], "cdr.csv:2: a quoted field is not closed on this line");
    s = Import("id,when\n1,2\n", "columns: {id: id, arrive: start}\nqueue_default: q\n");
    EXPECT_EQ(s.status().message(),
              "cdr.csv:1: the header has no column 'start' named in the mapping");
}

TEST(CdrImport, MappingErrorsNameTheirPlace) {
    auto m = ParseCdrMapping("columns:\n  id: a\n  arrival: b\n", "map.yaml");
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.status().message(), "map.yaml:3:3: unknown field 'arrival'");
    m = ParseCdrMapping("columns: {id: a, arrive: b}\n", "map.yaml");
    EXPECT_EQ(m.status().message(), "map.yaml:1:1: give columns: queue, or queue_default");
    m = ParseCdrMapping("queue_default: caf\xe9\ncolumns: {id: a, arrive: b}\n", "map.yaml");
    EXPECT_EQ(m.status().message(),
              "map.yaml:1:19: not UTF-8 text; convert the file first, e.g. iconv -f GBK -t UTF-8");
    m = ParseCdrMapping("columns: [\n", "map.yaml");
    EXPECT_FALSE(m.ok());
    EXPECT_EQ(m.status().message().rfind("map.yaml:", 0), 0U);
}

}  // namespace
}  // namespace hotline::imports
