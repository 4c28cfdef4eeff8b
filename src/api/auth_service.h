#pragma once
// Logins, tokens and the callers behind them. Tokens are random, expire, and are revocable (log
// out, a user deleted or disabled); only their hashes are stored. Repeated failed logins for a
// user name lock it out for a while, doubling each time.

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "hotline/auth/auth.h"
#include "hotline/core/status.h"
#include "hotline/store/store.h"
#include "http_types.h"

namespace hotline::api {

struct Caller {
    std::string username;
    auth::Role role = auth::Role::kAgent;
    std::string agent;  // the agent id of an agent user
    std::string team;   // the team of an agent or a team leader
    std::string display_name;
    std::string token_hash;
};

struct LoginResult {
    std::string token;
    Caller caller;
    Timestamp expires;
};

// Errors of authentication, distinct from the engine's statuses.
struct AuthError {
    int http_status = 401;
    std::string code = "unauthenticated";
    std::string message;
    int retry_after_s = 0;
};

class AuthService {
  public:
    AuthService(store::Store& store, Duration token_ttl);

    // Verifies the password (argon2id; slow by design: call it off the I/O threads).
    std::variant<LoginResult, AuthError> Login(const std::string& username,
                                               const std::string& password);
    // From "Authorization: Bearer …" or the hotline_token cookie (or a ?token= for WebSockets,
    // which cannot set headers from a browser).
    std::variant<Caller, AuthError> Authenticate(const HttpRequest& req);
    void Logout(const Caller& caller);
    // A user changed: its cached sessions are dropped, and its tokens revoked when it was deleted
    // or disabled.
    void UserChanged(const std::string& username, bool revoke);

    // The first start: creates `admin` with the password from HOTLINE_ADMIN_PASSWORD, or a
    // random one. Returns nullopt when users exist already; otherwise the generated password (to
    // be printed once), or "" when it came from the environment.
    Result<std::optional<std::string>> EnsureAdmin();

    static Caller CallerOf(const store::User& u, std::string token_hash);
    static std::string TokenFrom(const HttpRequest& req);

  private:
    struct Session {
        Caller caller;
        Timestamp expires;
    };
    struct Failures {
        int count = 0;
        Timestamp locked_until{};
        int lockouts = 0;
    };
    static Timestamp WallNow();

    store::Store& store_;
    Duration ttl_;
    std::mutex mu_;
    std::map<std::string, Session> sessions_;   // by token hash
    std::map<std::string, Failures> failures_;  // by user name
};

}  // namespace hotline::api
