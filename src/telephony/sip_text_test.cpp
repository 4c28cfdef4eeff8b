#include "hotline/telephony/sip_text.h"

#include <gtest/gtest.h>

namespace hotline::telephony {
namespace {

TEST(DtmfFromInfo, ReadsDtmfRelayBodies) {
    EXPECT_EQ(DtmfFromInfo("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"), '5');
    EXPECT_EQ(DtmfFromInfo("Application/DTMF-Relay; charset=x", "Duration=100\nsignal= #\n"), '#');
    EXPECT_EQ(DtmfFromInfo("application/dtmf-relay", "Signal=11\r\n"), '#');
    EXPECT_EQ(DtmfFromInfo("application/dtmf", "7"), '7');
    EXPECT_EQ(DtmfFromInfo("application/dtmf", " * \r\n"), '*');
}

TEST(DtmfFromInfo, RefusesOtherTypesAndBadKeys) {
    EXPECT_EQ(DtmfFromInfo("text/plain", "Signal=5"), std::nullopt);
    EXPECT_EQ(DtmfFromInfo("application/dtmf-relay", "Signal=55\r\n"), std::nullopt);
    EXPECT_EQ(DtmfFromInfo("application/dtmf-relay", "Signal=x\r\n"), std::nullopt);
    EXPECT_EQ(DtmfFromInfo("application/dtmf-relay", "Duration=160\r\n"), std::nullopt);
    EXPECT_EQ(DtmfFromInfo("application/dtmf-relay", ""), std::nullopt);
}

TEST(ChooseAudio, TakesThePeersFirstG711AndItsTelephoneEvents) {
    auto f = ChooseAudio(
        {{9, "G722", 8000}, {8, "PCMA", 8000}, {0, "PCMU", 8000}, {96, "telephone-event", 8000}});
    ASSERT_TRUE(f);
    EXPECT_EQ(f->codec, Codec::kPcma);
    EXPECT_EQ(f->payload_type, 8);
    EXPECT_EQ(f->telephone_event, 96);
}

TEST(ChooseAudio, StaticTypesWithoutRtpmapAndNothingUsable) {
    auto f = ChooseAudio({{0, "", 0}});
    ASSERT_TRUE(f);
    EXPECT_EQ(f->codec, Codec::kPcmu);
    EXPECT_EQ(f->telephone_event, -1);
    EXPECT_FALSE(ChooseAudio({{18, "G729", 8000}, {101, "telephone-event", 8000}}));
    EXPECT_FALSE(ChooseAudio({{0, "PCMU", 16000}}));
    EXPECT_FALSE(ChooseAudio({}));
}

}  // namespace
}  // namespace hotline::telephony
