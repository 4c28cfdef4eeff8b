#pragma once
// The bits of SIP message bodies Hotline reads itself (libre parses the messages): DTMF sent as
// SIP INFO, and the audio formats of an SDP offer or answer. Pure functions of outside input,
// covered by fuzz/sip_message_fuzz.cpp.

#include <optional>
#include <string_view>
#include <vector>

namespace hotline::telephony {

// An INFO body's key: `application/dtmf-relay` ("Signal=5\r\nDuration=160") or
// `application/dtmf` ("5"). nullopt for any other type, or a body without a valid key.
std::optional<char> DtmfFromInfo(std::string_view content_type, std::string_view body);

enum class Codec { kPcmu, kPcma };

struct AudioFormat {
    Codec codec = Codec::kPcmu;
    int payload_type = 0;
    int telephone_event = -1;  // the peer's RFC 4733 payload type, -1 when it has none
};

// One of the peer's formats, in its order of preference: the first G.711 one (8 kHz, mono).
// `offered` lists (payload type, encoding name, clock rate) as the SDP gives them.
struct SdpFormat {
    int payload_type = -1;
    std::string_view name;
    unsigned clock_rate = 0;
};
std::optional<AudioFormat> ChooseAudio(const std::vector<SdpFormat>& offered);

}  // namespace hotline::telephony
