#include "registrar.h"

#include <iostream>
#include <random>

#include "adapter.h"

namespace hotline::telephony::sip {
namespace {

constexpr uint64_t kNonceLife = uint64_t{5} * 60 * 1000;
constexpr uint32_t kMinExpires = 60, kMaxExpires = 3600;

std::string Text(const struct pl& p) {
    return p.p == nullptr ? std::string() : std::string(p.p, p.l);
}

}  // namespace

Registrar::Registrar(const std::map<std::string, std::string>& users, std::string realm)
    : realm_(std::move(realm)) {
    for (const auto& [user, password] : users) {
        const std::string a1 = user + ":" + realm_ + ":" + password;
        std::array<uint8_t, 16> digest{};
        md5(reinterpret_cast<const uint8_t*>(a1.data()), a1.size(), digest.data());
        ha1_[user] = digest;
    }
}

std::string Registrar::NewNonce(uint64_t now_ms) {
    static std::random_device device;
    char buf[64];
    re_snprintf(buf, sizeof(buf), "%016llx%08x%08x", static_cast<unsigned long long>(now_ms),
                static_cast<unsigned>(device()), static_cast<unsigned>(++counter_));
    // Forget what has expired, so the table stays as small as the phones that are registering.
    std::erase_if(nonces_, [&](const auto& kv) { return kv.second + kNonceLife < now_ms; });
    nonces_[buf] = now_ms;
    return buf;
}

bool Registrar::FreshNonce(const std::string& nonce, uint64_t now_ms) {
    auto it = nonces_.find(nonce);
    return it != nonces_.end() && it->second + kNonceLife >= now_ms;
}

void Registrar::Challenge(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms,
                          bool stale) {
    const std::string nonce = NewNonce(now_ms);
    (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 401, "Unauthorized",
                      "WWW-Authenticate: Digest realm=\"%s\", nonce=\"%s\", algorithm=MD5%s\r\n"
                      "Content-Length: 0\r\n\r\n",
                      realm_.c_str(), nonce.c_str(), stale ? ", stale=true" : "");
}

bool Registrar::Authenticate(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms) {
    const std::string user = Text(msg->to.uri.user);
    const struct sip_hdr* auth = sip_msg_hdr(msg, SIP_HDR_AUTHORIZATION);
    if (auth == nullptr) {
        Challenge(sip, msg, now_ms, false);
        return false;
    }
    struct httpauth_digest_resp resp {};
    if (httpauth_digest_response_decode(&resp, &auth->val) != 0) {
        (void)sip_treply(nullptr, sip, msg, 400, "Bad Request (Authorization)");
        return false;
    }
    auto ha1 = ha1_.find(user);
    if (ha1 == ha1_.end() || Text(resp.username) != user || Text(resp.realm) != realm_) {
        std::cerr << "hotline: sip: REGISTER refused for \"" << user << "\" from "
                  << Text(msg->via.sentby) << " (unknown user)\n";
        (void)sip_treply(nullptr, sip, msg, 403, "Forbidden");
        return false;
    }
    if (!FreshNonce(Text(resp.nonce), now_ms)) {
        Challenge(sip, msg, now_ms, true);  // an old or unknown nonce: try again with a new one
        return false;
    }
    if (httpauth_digest_response_auth(&resp, &msg->met, ha1->second.data()) != 0) {
        std::cerr << "hotline: sip: REGISTER refused for \"" << user << "\" (wrong password)\n";
        (void)sip_treply(nullptr, sip, msg, 403, "Forbidden");
        return false;
    }
    return true;
}

void Registrar::Handle(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms) {
    if (!enabled()) {
        (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 501, "Not Implemented",
                          "Content-Length: 0\r\n\r\n");
        return;
    }
    if (Authenticate(sip, msg, now_ms)) {
        Bind(sip, msg, now_ms);
    }
}

void Registrar::Bind(struct ::sip* sip, const struct ::sip_msg* msg, uint64_t now_ms) {
    const std::string user = Text(msg->to.uri.user);
    uint32_t expires = 3600;
    if (pl_isset(&msg->expires)) {
        expires = pl_u32(&msg->expires);
    }
    const struct sip_hdr* contact_hdr = sip_msg_hdr(msg, SIP_HDR_CONTACT);
    if (contact_hdr == nullptr) {
        // A query: the current binding.
        auto b = bindings_.find(user);
        if (b == bindings_.end() || b->second.expires_ms <= now_ms) {
            (void)sip_treply(nullptr, sip, msg, 200, "OK");
        } else {
            (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 200, "OK",
                              "Contact: <%s>;expires=%u\r\nContent-Length: 0\r\n\r\n",
                              b->second.contact.c_str(),
                              static_cast<unsigned>((b->second.expires_ms - now_ms) / 1000));
        }
        return;
    }
    struct sip_addr addr {};
    if (pl_strcmp(&contact_hdr->val, "*") == 0) {
        bindings_.erase(user);
        (void)sip_treply(nullptr, sip, msg, 200, "OK");
        return;
    }
    if (sip_addr_decode(&addr, &contact_hdr->val) != 0) {
        (void)sip_treply(nullptr, sip, msg, 400, "Bad Request (Contact)");
        return;
    }
    struct pl param {};
    if (msg_param_decode(&addr.params, "expires", &param) == 0) {
        expires = pl_u32(&param);
    }
    if (expires == 0) {
        bindings_.erase(user);
        std::cerr << "hotline: sip: " << user << " unregistered\n";
        (void)sip_treply(nullptr, sip, msg, 200, "OK");
        return;
    }
    if (expires < kMinExpires) {
        (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 423, "Interval Too Brief",
                          "Min-Expires: %u\r\nContent-Length: 0\r\n\r\n", kMinExpires);
        return;
    }
    expires = std::min(expires, kMaxExpires);
    const std::string contact = Text(addr.auri);
    const bool fresh = !bindings_.contains(user);
    bindings_[user] = {contact, now_ms + uint64_t{expires} * 1000};
    if (fresh) {
        std::cerr << "hotline: sip: " << user << " registered at " << contact << "\n";
    }
    (void)sip_treplyf(nullptr, nullptr, sip, msg, false, 200, "OK",
                      "Contact: <%s>;expires=%u\r\nContent-Length: 0\r\n\r\n", contact.c_str(),
                      expires);
}

std::optional<std::string> Registrar::Contact(const std::string& user, uint64_t now_ms) const {
    auto it = bindings_.find(user);
    if (it == bindings_.end() || it->second.expires_ms <= now_ms) {
        return std::nullopt;
    }
    return it->second.contact;
}

}  // namespace hotline::telephony::sip
