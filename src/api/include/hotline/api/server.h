#pragma once
// `hotline serve`: one process with the embedded store, the engine on the wall clock, the HTTP
// and WebSocket API, and with --demo a living demo center (docs/server.md).

#include <cstdint>
#include <string>

namespace hotline::api {

struct ServeOptions {
    std::string bind = "127.0.0.1";
    uint16_t port = 8080;  // 0: a free port, printed at start
    std::string db = "hotline.db";
    std::string center;  // YAML to load (replaces the stored configuration)
    bool demo = false;
    double speed = 1.0;
    std::string web_dir;  // the built web UI; empty: beside the executable if there
    int threads = 2;
    std::string durability = "full";  // full (fsync per batch) or normal
    uint64_t seed = 1;
    // Telephony (docs/telephony.md): off unless `sip` is set.
    std::string sip;         // address:port for SIP over UDP and TCP, e.g. 0.0.0.0:5060
    std::string prompts;     // the prompt folder (`hotline prompts` makes one)
    std::string language = "zh-CN";
    std::string flow;        // IVR flow for numbers that name no flow or queue
    std::string recordings;  // folder for recordings and voicemail
    std::string sip_users;   // YAML: agent id → SIP password, for phones that REGISTER
    std::string sip_tls;     // PEM (certificate and key): SIP over TLS on the next port
    std::string sip_trunk;   // callbacks dialled out through it: "sip:{number}@gateway"
    uint16_t rtp_min = 20000, rtp_max = 40000;
};

// Runs until SIGINT or SIGTERM. Returns the process exit status.
int Serve(const ServeOptions& options);

}  // namespace hotline::api
