#include "hotline/core/time.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(ParseDuration, ReadsTheFormsConfigFilesUse) {
    EXPECT_EQ(ParseDuration("20"), Duration{20'000});
    EXPECT_EQ(ParseDuration("20s"), Duration{20'000});
    EXPECT_EQ(ParseDuration("1.5s"), Duration{1'500});
    EXPECT_EQ(ParseDuration("250ms"), Duration{250});
    EXPECT_EQ(ParseDuration("5m"), Duration{300'000});
    EXPECT_EQ(ParseDuration("1h30m"), Duration{5'400'000});
    EXPECT_EQ(ParseDuration("2d"), Duration{172'800'000});
}

TEST(ParseDuration, RefusesNegativeAndMalformedValues) {
    EXPECT_FALSE(ParseDuration(""));
    EXPECT_FALSE(ParseDuration("-5s"));
    EXPECT_FALSE(ParseDuration("5 s"));
    EXPECT_FALSE(ParseDuration("5x"));
    EXPECT_FALSE(ParseDuration("1h30"));
    EXPECT_FALSE(ParseDuration("s"));
    EXPECT_FALSE(ParseDuration("1e400"));
}

TEST(FormatDuration, RoundTripsThroughParse) {
    for (int64_t ms : {0, 1'500, 45'000, 3'600'000, 3'900'000, 86'400'000}) {
        std::string text = FormatDuration(Duration{ms});
        EXPECT_EQ(ParseDuration(text), Duration{ms}) << text;
    }
    EXPECT_EQ(FormatDuration(Duration{3'900'000}), "1h5m");
    EXPECT_EQ(FormatDuration(Duration{1'250}), "1.250s");
}

}  // namespace
}  // namespace hotline
