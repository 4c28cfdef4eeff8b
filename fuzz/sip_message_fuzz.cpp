// SIP from the network, as the adapter reads it: libre's message parser (the one its
// transports use), then what Hotline reads itself — a DTMF INFO body, the SDP offer decoded
// against our formats and the codec choice. Must never crash, whatever arrives.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "hotline/telephony/sip_text.h"
#include "sip/adapter.h"  // the adapter's own reading of an SDP offer (and libre, last)

using hotline::telephony::ChooseAudio;
using hotline::telephony::DtmfFromInfo;
using hotline::telephony::SdpFormat;
using hotline::telephony::sip::RemoteFormats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    struct mbuf* mb = mbuf_alloc(size + 1);
    if (mb == nullptr) {
        return 0;
    }
    (void)mbuf_write_mem(mb, data, size);
    mb->pos = 0;
    struct sip_msg* msg = nullptr;
    if (sip_msg_decode(&msg, mb) == 0 && msg != nullptr) {
        const std::string ctype =
            std::string(msg->ctyp.type.p ? msg->ctyp.type.p : "", msg->ctyp.type.l) + "/" +
            std::string(msg->ctyp.subtype.p ? msg->ctyp.subtype.p : "", msg->ctyp.subtype.l);
        const std::string body(reinterpret_cast<const char*>(mbuf_buf(msg->mb)),
                               mbuf_get_left(msg->mb));
        (void)DtmfFromInfo(ctype, body);
        if (msg_ctype_cmp(&msg->ctyp, "application", "sdp")) {
            struct sa laddr;
            sa_set_str(&laddr, "127.0.0.1", 0);
            struct sdp_session* sdp = nullptr;
            struct sdp_media* media = nullptr;
            if (sdp_session_alloc(&sdp, &laddr) == 0 &&
                sdp_media_add(&media, sdp, "audio", 20000, "RTP/AVP") == 0) {
                (void)sdp_format_add(nullptr, media, false, "0", "PCMU", 8000, 1, nullptr, nullptr,
                                     nullptr, false, nullptr);
                (void)sdp_format_add(nullptr, media, false, "8", "PCMA", 8000, 1, nullptr, nullptr,
                                     nullptr, false, nullptr);
                if (sdp_decode(sdp, msg->mb, true) == 0) {
                    std::vector<std::string> names;
                    const auto offered = RemoteFormats(media, names);
                    (void)ChooseAudio(offered);
                    struct mbuf* answer = nullptr;
                    (void)sdp_encode(&answer, sdp, false);
                    mem_deref(answer);
                }
            }
            mem_deref(sdp);
        }
    }
    mem_deref(msg);
    mem_deref(mb);
    return 0;
}
