// Requests as the API receives them: the first line is "METHOD /path?query", the rest the body.
// Sent as an admin (who may call everything), each must get a well-formed answer; one refused
// with 4xx must leave the event log as it was. Password hashing routes (login, users) and
// configuration writes are left to their own targets: they would make every run slow.
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>

#include "api.h"
#include "hotline/config/loader.h"
#include "hotline/store/store.h"

using namespace hotline;

namespace {

constexpr const char* kCenter = R"(center:
  name: fuzz
  timezone: UTC
  ring_timeout: 24h
  reject_delay: 0s
skills: [{id: general}]
queues:
  - {id: general, skills: {general: 1}, wrapup: 0s}
  - {id: other, skills: {general: 2}, wrapup: 0s}
teams: [{id: red}]
agents:
  - {id: a1, team: red, skills: {general: 5}}
  - {id: a2, team: red, skills: {general: 1}}
)";

struct Harness {
    Harness() {
        dir = std::filesystem::temp_directory_path() /
              ("hotline-api-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        store::Options so;
        so.durability = store::Durability::kNormal;
        store = std::move(store::OpenSqlite((dir / "f.db").string(), so)).value();
        auto loaded = config::LoadCenterFromString(kCenter, "fuzz");
        if (!loaded.ok()) {
            std::abort();
        }
        live =
            std::make_unique<api::LiveCenter>(*store, loaded.center, kCenter, api::LiveOptions{});
        if (!live->Start().ok()) {
            std::abort();
        }
        a = std::make_unique<api::Api>(*live, *store, api::ApiOptions{});
        a->SetCenter(std::make_shared<const CenterConfig>(loaded.center), kCenter);
        ::setenv("HOTLINE_ADMIN_PASSWORD", "fuzz-admin-password", 1);
        (void)a->auth().EnsureAdmin();
        auto login = a->auth().Login("admin", "fuzz-admin-password");
        token = std::get<api::LoginResult>(login).token;
    }
    std::filesystem::path dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<api::LiveCenter> live;
    std::unique_ptr<api::Api> a;
    std::string token;
};

bool Skipped(const std::string& method, const std::string& path) {
    if (method == "GET") {
        return false;
    }
    return path.rfind("/api/v1/config", 0) == 0 || path.rfind("/api/v1/users", 0) == 0 ||
           path.rfind("/api/v1/auth", 0) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Harness* h = new Harness();
    std::string input(reinterpret_cast<const char*>(data), size);
    const size_t nl = input.find('\n');
    const std::string line = input.substr(0, nl);
    const std::string body = nl == std::string::npos ? "" : input.substr(nl + 1);
    const size_t sp = line.find(' ');
    if (sp == std::string::npos) {
        return 0;
    }
    api::HttpRequest req;
    req.method = line.substr(0, sp);
    const std::string target = line.substr(sp + 1);
    const size_t q = target.find('?');
    if (!api::PercentDecode(target.substr(0, q), false, req.path)) {
        return 0;
    }
    std::string error;
    if (q != std::string::npos && !api::ParseQueryString(target.substr(q + 1), req.query, error)) {
        if (error.empty()) {
            std::abort();  // a refusal always says why
        }
        return 0;
    }
    if (Skipped(req.method, req.path)) {
        return 0;
    }
    req.body = body;
    req.authorization = "Bearer " + h->token;

    h->store->Flush();
    const int64_t before = h->live->events_durable();
    std::promise<api::HttpResponse> answer;
    auto done = answer.get_future();
    h->a->Handle(req, [&answer](api::HttpResponse r) { answer.set_value(std::move(r)); });
    if (done.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
        std::fprintf(stderr, "no answer to %s %s\n", req.method.c_str(), target.c_str());
        std::abort();
    }
    const api::HttpResponse r = done.get();
    if (r.status < 200 || r.status > 599) {
        std::abort();
    }
    if (r.content_type == "application/json") {
        boost::system::error_code ec;
        boost::json::value v = boost::json::parse(r.body, ec);
        if (ec) {
            std::fprintf(stderr, "not JSON: %s\n", r.body.c_str());
            std::abort();
        }
        if (r.status >= 400) {
            const auto* err = v.is_object() ? v.as_object().if_contains("error") : nullptr;
            if (err == nullptr || !err->is_object() ||
                err->as_object().at("message").as_string().empty()) {
                std::fprintf(stderr, "error without a message: %s\n", r.body.c_str());
                std::abort();
            }
        }
    }
    if (r.status >= 400 && r.status < 500) {
        h->store->Flush();
        if (h->live->events_durable() != before) {
            std::fprintf(stderr, "%d for %s %s, yet events were written\n", r.status,
                         req.method.c_str(), target.c_str());
            std::abort();
        }
    }
    return 0;
}
