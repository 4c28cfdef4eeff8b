#include "auth_service.h"

#include <cstdlib>

namespace hotline::api {
namespace {

constexpr int kFreeFailures = 5;           // tries before a lockout
constexpr Duration kFirstLockout{30'000};  // then 30 s, 60 s, 120 s … up to 15 min
constexpr Duration kMaxLockout{15 * 60'000};

std::string CookieValue(const std::string& cookies, std::string_view name) {
    size_t pos = 0;
    while (pos < cookies.size()) {
        size_t end = cookies.find(';', pos);
        if (end == std::string::npos) {
            end = cookies.size();
        }
        std::string_view part(cookies.data() + pos, end - pos);
        while (!part.empty() && part.front() == ' ') {
            part.remove_prefix(1);
        }
        if (part.size() > name.size() && part.substr(0, name.size()) == name &&
            part[name.size()] == '=') {
            return std::string(part.substr(name.size() + 1));
        }
        pos = end + 1;
    }
    return "";
}

}  // namespace

AuthService::AuthService(store::Store& store, Duration token_ttl)
    : store_(store), ttl_(token_ttl) {}

Timestamp AuthService::WallNow() {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

Caller AuthService::CallerOf(const store::User& u, std::string token_hash) {
    Caller c;
    c.username = u.username;
    c.role = auth::ParseRole(u.role).value_or(auth::Role::kAgent);
    c.agent = u.agent;
    c.team = u.team;
    c.display_name = u.display_name;
    c.token_hash = std::move(token_hash);
    return c;
}

std::string AuthService::TokenFrom(const HttpRequest& req) {
    constexpr std::string_view kBearer = "Bearer ";
    if (req.authorization.size() > kBearer.size() &&
        std::string_view(req.authorization).substr(0, kBearer.size()) == kBearer) {
        return req.authorization.substr(kBearer.size());
    }
    if (std::string c = CookieValue(req.cookie, "hotline_token"); !c.empty()) {
        return c;
    }
    if (auto it = req.query.find("token"); it != req.query.end()) {
        return it->second;
    }
    return "";
}

std::variant<LoginResult, AuthError> AuthService::Login(const std::string& username,
                                                        const std::string& password) {
    const Timestamp now = WallNow();
    {
        std::lock_guard lock(mu_);
        Failures& f = failures_[username];
        if (f.locked_until > now) {
            const auto wait =
                std::chrono::duration_cast<std::chrono::seconds>(f.locked_until - now);
            return AuthError{429, "too_many_attempts",
                             "too many failed logins for this user; try again in " +
                                 std::to_string(wait.count() + 1) + " s",
                             static_cast<int>(wait.count() + 1)};
        }
    }
    auto user = store_.FindUser(username);
    // The hash is checked even for an unknown user, so the answer takes as long either way.
    static const std::string kDummy = auth::HashPassword("not a password").value();
    const bool known = user.ok() && !user->disabled;
    const bool ok = auth::VerifyPassword(known ? user->password_hash : kDummy, password) && known;
    std::lock_guard lock(mu_);
    Failures& f = failures_[username];
    if (!ok) {
        if (++f.count >= kFreeFailures) {
            Duration lock_for = kFirstLockout * (1LL << std::min(f.lockouts, 5));
            lock_for = std::min(lock_for, kMaxLockout);
            f.locked_until = now + lock_for;
            ++f.lockouts;
            f.count = 0;
        }
        return AuthError{401, "bad_credentials", "wrong user name or password", 0};
    }
    failures_.erase(username);
    LoginResult r;
    r.token = auth::NewToken();
    const std::string hash = auth::TokenHash(r.token);
    r.expires = now + ttl_;
    r.caller = CallerOf(*user, hash);
    Status st = store_.PutToken(store::TokenRecord{hash, username, now, r.expires, false});
    if (!st.ok()) {
        return AuthError{503, "unavailable", "cannot record the login: " + st.message(), 0};
    }
    sessions_[hash] = Session{r.caller, r.expires};
    return r;
}

std::variant<Caller, AuthError> AuthService::Authenticate(const HttpRequest& req) {
    const std::string token = TokenFrom(req);
    if (token.empty()) {
        return AuthError{401, "unauthenticated", "log in first: no token given", 0};
    }
    const std::string hash = auth::TokenHash(token);
    const Timestamp now = WallNow();
    {
        std::lock_guard lock(mu_);
        auto it = sessions_.find(hash);
        if (it != sessions_.end()) {
            if (it->second.expires > now) {
                return it->second.caller;
            }
            sessions_.erase(it);
            return AuthError{401, "token_expired", "the login has expired; log in again", 0};
        }
    }
    // Not cached (another node, or a restart): the store knows.
    auto rec = store_.FindToken(hash);
    if (!rec.ok() || rec->revoked) {
        return AuthError{401, "unauthenticated", "unknown or revoked token", 0};
    }
    if (rec->expires <= now) {
        return AuthError{401, "token_expired", "the login has expired; log in again", 0};
    }
    auto user = store_.FindUser(rec->username);
    if (!user.ok() || user->disabled) {
        return AuthError{401, "unauthenticated", "the user no longer exists", 0};
    }
    Caller c = CallerOf(*user, hash);
    std::lock_guard lock(mu_);
    sessions_[hash] = Session{c, rec->expires};
    return c;
}

void AuthService::Logout(const Caller& caller) {
    {
        std::lock_guard lock(mu_);
        sessions_.erase(caller.token_hash);
    }
    (void)store_.RevokeToken(caller.token_hash);
}

void AuthService::UserChanged(const std::string& username, bool revoke) {
    {
        std::lock_guard lock(mu_);
        std::erase_if(sessions_,
                      [&](const auto& kv) { return kv.second.caller.username == username; });
    }
    if (revoke) {
        (void)store_.RevokeTokensOf(username);
    }
}

Result<std::optional<std::string>> AuthService::EnsureAdmin() {
    ASSIGN_OR_RETURN(auto users, store_.Users());
    if (!users.empty()) {
        return std::optional<std::string>{};
    }
    std::string password;
    std::optional<std::string> printed;
    if (const char* env = std::getenv("HOTLINE_ADMIN_PASSWORD"); env != nullptr && *env != '\0') {
        password = env;
    } else {
        password = auth::RandomPassword();
        printed = password;
    }
    ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(password));
    RETURN_IF_ERROR(store_.PutUser(store::User{"admin", hash, "admin", "", "", "管理员", false}));
    return printed.has_value() ? printed : std::optional<std::string>{std::string()};
}

}  // namespace hotline::api
