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
};

// Runs until SIGINT or SIGTERM. Returns the process exit status.
int Serve(const ServeOptions& options);

}  // namespace hotline::api
