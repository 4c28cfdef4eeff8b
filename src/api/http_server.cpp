#include "http_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "api.h"
#include "stream_hub.h"

namespace hotline::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

constexpr size_t kBodyLimit = size_t{8} << 20;  // 8 MiB
constexpr uint32_t kHeaderLimit = 16 * 1024;
constexpr size_t kMaxQueuedMessages = 20000;  // a stream client this far behind is dropped

std::string_view ContentType(const std::filesystem::path& p) {
    const std::string ext = p.extension().string();
    if (ext == ".html") {
        return "text/html; charset=utf-8";
    }
    if (ext == ".js" || ext == ".mjs") {
        return "text/javascript; charset=utf-8";
    }
    if (ext == ".css") {
        return "text/css; charset=utf-8";
    }
    if (ext == ".json") {
        return "application/json";
    }
    if (ext == ".svg") {
        return "image/svg+xml";
    }
    if (ext == ".png") {
        return "image/png";
    }
    if (ext == ".ico") {
        return "image/x-icon";
    }
    if (ext == ".woff2") {
        return "font/woff2";
    }
    return "application/octet-stream";
}

HttpRequest Convert(const http::request<http::string_body>& req, const std::string& peer,
                    std::string& error) {
    HttpRequest out;
    out.method = std::string(req.method_string());
    const std::string_view target = req.target();
    const size_t q = target.find('?');
    if (!PercentDecode(target.substr(0, q), false, out.path)) {
        error = "the path has a broken %-escape";
    }
    if (q != std::string_view::npos && error.empty()) {
        ParseQueryString(target.substr(q + 1), out.query, error);
    }
    out.body = req.body();
    out.authorization = std::string(req[http::field::authorization]);
    out.cookie = std::string(req[http::field::cookie]);
    out.content_type = std::string(req[http::field::content_type]);
    out.peer = peer;
    return out;
}

class WsSession : public std::enable_shared_from_this<WsSession> {
  public:
    WsSession(tcp::socket socket, StreamHub& hub, Caller caller, bool unmasked)
        : ws_(std::move(socket)), hub_(hub), caller_(std::move(caller)), unmasked_(unmasked) {}

    void Run(http::request<http::string_body> req) {
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.async_accept(req, [self = shared_from_this()](beast::error_code ec) {
            if (ec) {
                return;
            }
            self->OnOpen();
        });
    }

    ~WsSession() {
        if (id_ != 0) {
            hub_.Remove(id_);
        }
    }

  private:
    void OnOpen() {
        std::weak_ptr<WsSession> weak = weak_from_this();
        auto exec = ws_.get_executor();
        id_ = hub_.Add(caller_, unmasked_, [weak, exec](std::shared_ptr<const std::string> msg) {
            asio::post(exec, [weak, msg] {
                if (auto self = weak.lock()) {
                    self->Queue(msg);
                }
            });
        });
        Read();
    }

    void Read() {
        ws_.async_read(in_, [self = shared_from_this()](beast::error_code ec, size_t) {
            if (ec) {
                self->Close();
                return;
            }
            self->in_.consume(self->in_.size());  // clients only listen; what they send is ignored
            self->Read();
        });
    }

    void Queue(std::shared_ptr<const std::string> msg) {
        if (closed_) {
            return;
        }
        if (queue_.size() >= kMaxQueuedMessages) {
            Close();
            return;
        }
        queue_.push_back(std::move(msg));
        if (queue_.size() == 1) {
            Write();
        }
    }

    void Write() {
        ws_.text(true);
        ws_.async_write(asio::buffer(*queue_.front()),
                        [self = shared_from_this()](beast::error_code ec, size_t) {
                            if (ec) {
                                self->Close();
                                return;
                            }
                            self->queue_.pop_front();
                            if (!self->queue_.empty()) {
                                self->Write();
                            }
                        });
    }

    void Close() {
        if (closed_) {
            return;
        }
        closed_ = true;
        if (id_ != 0) {
            hub_.Remove(id_);
            id_ = 0;
        }
        queue_.clear();
        beast::error_code ec;
        beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ec);
    }

    websocket::stream<beast::tcp_stream> ws_;
    StreamHub& hub_;
    Caller caller_;
    bool unmasked_;
    beast::flat_buffer in_;
    std::deque<std::shared_ptr<const std::string>> queue_;
    int id_ = 0;
    bool closed_ = false;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(tcp::socket socket, Api& api, StreamHub& hub, const HttpServerOptions& options)
        : stream_(std::move(socket)), api_(api), hub_(hub), options_(options) {
        beast::error_code ec;
        auto ep = stream_.socket().remote_endpoint(ec);
        peer_ = ec ? "?" : ep.address().to_string();
    }

    void Start() { Read(); }

  private:
    void Read() {
        parser_.emplace();
        parser_->body_limit(kBodyLimit);
        parser_->header_limit(kHeaderLimit);
        stream_.expires_after(std::chrono::seconds(120));
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
    }

    void OnRead(beast::error_code ec) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
            ec == asio::error::eof || ec == asio::error::connection_reset) {
            return Shutdown();
        }
        if (ec) {
            // A request that does not parse: say so, then close (the stream is out of step).
            const int status = ec == http::error::body_limit     ? 413
                               : ec == http::error::header_limit ? 431
                                                                 : 400;
            HttpResponse r =
                ErrorResponse(status, "bad_request", "malformed HTTP request: " + ec.message());
            keep_alive_ = false;
            return Write(std::move(r), 11);
        }
        auto req = parser_->release();
        version_ = req.version();
        keep_alive_ = req.keep_alive();
        std::string error;
        HttpRequest hreq = Convert(req, peer_, error);
        if (websocket::is_upgrade(req)) {
            return Upgrade(std::move(req), std::move(hreq), error);
        }
        if (!error.empty()) {
            return Write(ErrorResponse(400, "invalid_argument", error), version_);
        }
        if (hreq.method == "GET" && !options_.static_dir.empty() &&
            hreq.path.rfind("/api/", 0) != 0 && hreq.path != "/metrics" &&
            hreq.path != "/healthz") {
            return Write(StaticFile(hreq.path), version_);
        }
        auto exec = stream_.get_executor();
        auto self = shared_from_this();
        api_.Handle(std::move(hreq), [self, exec](HttpResponse r) {
            asio::post(exec, [self, r = std::move(r)]() mutable {
                self->Write(std::move(r), self->version_);
            });
        });
    }

    void Upgrade(http::request<http::string_body> req, HttpRequest hreq, const std::string& error) {
        keep_alive_ = false;
        if (hreq.path != "/api/v1/stream" || !error.empty()) {
            return Write(ErrorResponse(404, "not_found", "WebSockets are at /api/v1/stream"),
                         version_);
        }
        auto who = api_.auth().Authenticate(hreq);
        if (auto* err = std::get_if<AuthError>(&who)) {
            return Write(ErrorResponse(err->http_status, err->code, err->message), version_);
        }
        const Caller caller = std::get<Caller>(who);
        bool unmasked = false;
        if (auto it = hreq.query.find("unmask"); it != hreq.query.end() && it->second == "true") {
            if (Status st = api_.AuditUnmasked(caller, "stream", "GET /api/v1/stream"); !st.ok()) {
                return Write(ErrorResponse(HttpStatusOf(st), ErrorCodeOf(st), st.message()),
                             version_);
            }
            unmasked = true;
        }
        stream_.expires_never();
        std::make_shared<WsSession>(stream_.release_socket(), hub_, caller, unmasked)
            ->Run(std::move(req));
    }

    HttpResponse StaticFile(const std::string& path) {
        namespace fs = std::filesystem;
        HttpResponse r;
        std::error_code ec;
        const fs::path root = fs::weakly_canonical(options_.static_dir, ec);
        fs::path file = fs::weakly_canonical(root / fs::path(path).relative_path(), ec);
        const bool inside = !ec && file.string().rfind(root.string(), 0) == 0;
        if (!inside || !fs::is_regular_file(file)) {
            // The UI's own routes (/wallboard, /desk) are pages of index.html.
            if (fs::path(path).has_extension() || !fs::is_regular_file(root / "index.html")) {
                return ErrorResponse(404, "not_found", "no such file");
            }
            file = root / "index.html";
        }
        std::ifstream in(file, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        r.content_type = std::string(ContentType(file));
        r.body = ss.str();
        r.headers.emplace_back("Cache-Control", file.filename() == "index.html"
                                                    ? "no-cache"
                                                    : "max-age=31536000, immutable");
        return r;
    }

    void Write(HttpResponse r, unsigned version) {
        auto res = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(r.status), version);
        res->set(http::field::server, "hotline");
        res->set(http::field::content_type, r.content_type);
        res->set("X-Content-Type-Options", "nosniff");
        for (auto& [k, v] : r.headers) {
            res->insert(k, v);
        }
        res->body() = std::move(r.body);
        res->keep_alive(keep_alive_);
        res->prepare_payload();
        http::async_write(stream_, *res,
                          [self = shared_from_this(), res](beast::error_code ec, size_t) {
                              if (ec || !self->keep_alive_) {
                                  return self->Shutdown();
                              }
                              self->Read();
                          });
    }

    void Shutdown() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

    beast::tcp_stream stream_;
    Api& api_;
    StreamHub& hub_;
    const HttpServerOptions& options_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::string peer_;
    unsigned version_ = 11;
    bool keep_alive_ = true;
};

}  // namespace

struct HttpServer::Impl {
    Impl(Api& a, StreamHub& h, HttpServerOptions o)
        : api(a), hub(h), options(std::move(o)), acceptor(io) {}

    void Accept() {
        acceptor.async_accept(
            asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
                if (ec) {
                    if (ec == asio::error::operation_aborted) {
                        return;
                    }
                } else {
                    std::make_shared<HttpSession>(std::move(socket), api, hub, options)->Start();
                }
                Accept();
            });
    }

    Api& api;
    StreamHub& hub;
    HttpServerOptions options;
    asio::io_context io;
    tcp::acceptor acceptor;
    std::vector<std::thread> threads;
    uint16_t port = 0;
};

HttpServer::HttpServer(Api& api, StreamHub& hub, HttpServerOptions options)
    : impl_(std::make_unique<Impl>(api, hub, std::move(options))) {}

HttpServer::~HttpServer() {
    Stop();
}

Status HttpServer::Start() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(impl_->options.bind, ec);
    if (ec) {
        return InvalidArgument("--bind '" + impl_->options.bind + "': not an IP address");
    }
    tcp::endpoint ep(address, impl_->options.port);
    auto& acc = impl_->acceptor;
    acc.open(ep.protocol(), ec);
    if (!ec) {
        acc.set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acc.bind(ep, ec);
    }
    if (!ec) {
        acc.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return Status(ErrorCode::kUnavailable, "cannot listen on " + impl_->options.bind + ":" +
                                                   std::to_string(impl_->options.port) + ": " +
                                                   ec.message());
    }
    impl_->port = acc.local_endpoint().port();
    impl_->Accept();
    for (int i = 0; i < std::max(1, impl_->options.threads); ++i) {
        impl_->threads.emplace_back([this] { impl_->io.run(); });
    }
    return Status::Ok();
}

uint16_t HttpServer::port() const {
    return impl_->port;
}

void HttpServer::Stop() {
    if (impl_->threads.empty()) {
        return;
    }
    beast::error_code ec;
    impl_->acceptor.close(ec);
    impl_->io.stop();
    for (auto& t : impl_->threads) {
        t.join();
    }
    impl_->threads.clear();
}

}  // namespace hotline::api
