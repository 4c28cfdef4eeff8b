#pragma once
// REGISTER with digest authentication (RFC 3261 §10, RFC 2617 with MD5): an agent's phone
// registers under the agent's id, with the password given to `serve --sip-users`; an offer to
// that agent then rings the registered contact instead of (or without) a static `sip` URI.
// Bindings live in memory: phones re-register well within the expiry (at most an hour).
// Loop thread only.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

struct sip;
struct sip_msg;

namespace hotline::telephony::sip {

class Registrar {
  public:
    // users: user → password.
    Registrar(const std::map<std::string, std::string>& users, std::string realm);
    bool enabled() const { return !ha1_.empty(); }
    // Answers a REGISTER: 401 with a challenge, 403 for a wrong user or password, 400 for a
    // broken request, 200 with the binding.
    void Handle(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms);
    // The contact registered for `user`, if any and not expired.
    std::optional<std::string> Contact(const std::string& user, uint64_t now_ms) const;

  private:
    std::string NewNonce(uint64_t now_ms);
    bool FreshNonce(const std::string& nonce, uint64_t now_ms);
    void Challenge(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms, bool stale);
    // Checks the digest; answers (401, 403, 400) and returns false when it does not hold.
    bool Authenticate(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms);
    // Adds, refreshes, removes or reports the binding, and answers.
    void Bind(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms);

    struct Binding {
        std::string contact;
        uint64_t expires_ms = 0;
    };
    std::string realm_;
    std::map<std::string, std::array<uint8_t, 16>> ha1_;
    std::map<std::string, Binding> bindings_;
    std::map<std::string, uint64_t> nonces_;  // issued nonce → when
    uint64_t counter_ = 0;
};

}  // namespace hotline::telephony::sip
