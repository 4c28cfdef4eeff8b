#pragma once
// The REST API (ARCHITECTURE.md §6): a table of routes, each declaring who may call it, what it
// takes and what it does. Handle() finds the route, checks the caller's token and role, and runs
// the handler, which answers through its Call (possibly later, once a command is durable).

#include <atomic>
#include <boost/json/fwd.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth_service.h"
#include "hotline/auth/auth.h"
#include "hotline/core/status.h"
#include "http_types.h"
#include "live_center.h"
#include "request_metrics.h"

namespace boost::asio {
class thread_pool;
}

namespace hotline::api {

class Api;
class PhoneCalls;
class IvrCalls;

// One request in progress: its caller, path parameters, and the ways to answer it.
class Call {
  public:
    Call(Api& api, HttpRequest req, Reply reply)
        : api(api), req(std::move(req)), reply_(std::move(reply)) {}
    Api& api;
    HttpRequest req;
    Caller caller;
    std::map<std::string, std::string> params;

    void Json(int status, const boost::json::value& body);
    void Text(int status, std::string content_type, std::string body);
    void Error(int status, std::string_view code, std::string message);
    void Fail(const Status& st);  // the status's code as HTTP status and error code
    void Send(HttpResponse r);

    const std::string& Param(const std::string& name) const { return params.at(name); }
    bool answered() const { return answered_; }

  private:
    Reply reply_;
    bool answered_ = false;
};

using CallPtr = std::shared_ptr<Call>;
using Handler = std::function<void(const CallPtr&)>;

struct RouteSpec {
    std::string method;
    std::string pattern;  // "/api/v1/agents/{id}/state"
    auth::RoleSet roles;  // who may call it; empty with is_public: anyone
    bool is_public = false;
    std::string tag, summary;
    std::string body_schema;         // JSON Schema of the body, as JSON text; empty: no body
    std::vector<std::string> query;  // query parameters it reads
    Handler handler;
};

struct ApiOptions {
    Duration token_ttl{12LL * 3600 * 1000};  // a long shift
    std::string version = "0.1.0";
};

class Api {
  public:
    Api(LiveCenter& live, store::Store& store, ApiOptions options);
    ~Api();

    void Handle(HttpRequest req, Reply reply);
    const std::vector<RouteSpec>& routes() const { return routes_; }
    std::string OpenApiJson() const;

    LiveCenter& live() { return live_; }
    store::Store& store() { return store_; }
    AuthService& auth() { return *auth_; }
    RequestMetrics& metrics() { return metrics_; }
    // The IVR sessions driven over the API; engine thread only.
    IvrCalls& ivr() { return *ivr_; }
    const ApiOptions& options() const { return options_; }
    // Slow work (password hashing, reading the store) off the I/O threads; should it throw, the
    // call is answered 500.
    void Offload(const CallPtr& call, std::function<void()> work);

    // ---- the stream and other views of events, by the caller's scope ----
    // Whether the caller may see this event: agents their own, team leaders their team's.
    // `owner` is the agent the event's contact is (or was last) with, for contact events that
    // name no agent (a hang-up): an agent sees those of its own contacts.
    bool Visible(const Caller& caller, const Event& e, const CenterConfig& center,
                 std::string_view owner = {}) const;
    // The event as JSON for this caller: personal fields masked unless `unmasked`.
    boost::json::object EventJson(int64_t seq, const Event& e, bool unmasked) const;
    // Whether the caller asked for unmasked data (?unmask=true) and may have it; an audit entry
    // is written for every such read. Answers 403 itself (and returns nullopt) when refused.
    std::optional<bool> Unmask(const CallPtr& call, const std::string& what);
    // May this caller read personal data unmasked? If so the read is audited first (`what` was
    // read, at `where`); refused without the right, or without a working audit log.
    Status AuditUnmasked(const Caller& caller, const std::string& what, const std::string& where);

    // A snapshot of the center's configuration, cheap to read from any thread.
    std::shared_ptr<const CenterConfig> center() const;
    std::string center_yaml() const;
    void SetCenter(std::shared_ptr<const CenterConfig> c, std::string yaml);
    // Configuration changes one at a time: read, change, validate, store, apply.
    std::mutex& config_mutex() { return config_write_mu_; }
    // Phone calls' control (serve --sip), used on the engine thread; nullptr when off.
    void SetPhoneCalls(PhoneCalls* calls) { phone_calls_ = calls; }
    PhoneCalls* phone_calls() const { return phone_calls_; }

  private:
    void Register(RouteSpec spec);
    void AddAuthRoutes();
    void AddConfigRoutes();
    void AddContactRoutes();
    void AddAgentRoutes();
    void AddViewRoutes();
    void AddMetaRoutes();
    friend class RouteBuilder;

    LiveCenter& live_;
    store::Store& store_;
    ApiOptions options_;
    std::unique_ptr<AuthService> auth_;
    RequestMetrics metrics_;
    std::unique_ptr<boost::asio::thread_pool> workers_;
    std::unique_ptr<IvrCalls> ivr_;
    PhoneCalls* phone_calls_ = nullptr;
    std::vector<RouteSpec> routes_;
    mutable std::mutex center_mu_;
    std::shared_ptr<const CenterConfig> center_;
    std::string center_yaml_;
    std::mutex config_write_mu_;
};

// Runs `read` on the engine thread for this call; should it throw, the call is answered 500.
void ReadFor(const CallPtr& call, std::function<void(LiveView&)> read);

// {"error": {"code", "message"}} with the status (ARCHITECTURE.md §6), the message made UTF-8.
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message);

// Maps an engine or store status to an HTTP status and error code.
int HttpStatusOf(const Status& st);
std::string_view ErrorCodeOf(const Status& st);

}  // namespace hotline::api
