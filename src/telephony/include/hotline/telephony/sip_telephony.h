#pragma once
// The SIP adapter: Telephony on libre (docs/telephony.md). One thread runs libre's event loop —
// SIP over UDP and TCP, one RTP socket per leg, and one shared 20 ms media clock that sends
// every leg's next packet (never a timer per stream). Commands from other threads are posted
// into the loop through libre's message queue; events come out on the loop's thread.

#include <map>
#include <memory>
#include <string>

#include "hotline/core/status.h"
#include "hotline/telephony/telephony.h"

namespace hotline::telephony {

struct SipOptions {
    std::string listen = "127.0.0.1:5060";  // address:port for SIP over UDP and TCP
    std::string prompts;                    // DIR/<language>/<name>.wav, DIR/music/<name>.wav
    uint16_t rtp_min = 20000, rtp_max = 40000;
    bool inband_dtmf = true;  // also listen for DTMF tones in the audio (spandsp)
    std::string user_agent = "Hotline";
    // Phones that may REGISTER (digest authentication): user (an agent's id) → password.
    // Empty: REGISTER is answered 501 and agents are reached at their `sip` URI only.
    std::map<std::string, std::string> users;
    std::string realm = "hotline";
    // SIP over TLS as well, on the next port (5061 beside 5060), with this PEM file holding the
    // certificate and its private key. Empty: no TLS.
    std::string tls_cert;
};

// Starts the loop's thread and returns once SIP is listening (or why it cannot).
Result<std::unique_ptr<Telephony>> StartSip(const SipOptions& options);

}  // namespace hotline::telephony
