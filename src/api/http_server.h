#pragma once
// HTTP/1.1 and WebSocket on Boost.Beast: the only file that sees sockets. Requests become
// HttpRequest values for the Api; /api/v1/stream upgrades to a WebSocket fed by the StreamHub;
// other GETs outside /api are the web UI's static files.

#include <cstdint>
#include <memory>
#include <string>

#include "hotline/core/status.h"

namespace hotline::api {

class Api;
class StreamHub;

struct HttpServerOptions {
    std::string bind = "127.0.0.1";
    uint16_t port = 8080;  // 0: any free port (see port())
    int threads = 2;
    std::string static_dir;  // the built web UI; empty: none
};

class HttpServer {
  public:
    HttpServer(Api& api, StreamHub& hub, HttpServerOptions options);
    ~HttpServer();
    Status Start();
    uint16_t port() const;
    void Stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::api
