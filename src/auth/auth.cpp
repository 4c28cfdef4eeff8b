#include "hotline/auth/auth.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace hotline::auth {
namespace {

struct RoleInfo {
    Role role;
    std::string_view name, zh;
};

constexpr std::array<RoleInfo, kRoleCount> kRoles = {{
    {Role::kAgent, "agent", "客服代表"},
    {Role::kTeamLeader, "team_leader", "班长"},
    {Role::kShiftLeader, "shift_leader", "值班长"},
    {Role::kSupervisor, "supervisor", "主管"},
    {Role::kManager, "manager", "经理"},
    {Role::kQa, "qa", "质检"},
    {Role::kAdmin, "admin", "管理员"},
}};

// libsodium must be initialised once before use; sodium_init is itself idempotent and
// thread-safe.
void EnsureSodium() {
    static const bool ok = sodium_init() >= 0;
    if (!ok) {
        throw std::runtime_error("libsodium failed to initialise");
    }
}

}  // namespace

std::string_view RoleName(Role r) {
    return kRoles[static_cast<size_t>(r)].name;
}

std::string_view RoleLabelZh(Role r) {
    return kRoles[static_cast<size_t>(r)].zh;
}

std::optional<Role> ParseRole(std::string_view name) {
    for (const auto& info : kRoles) {
        if (info.name == name) {
            return info.role;
        }
    }
    return std::nullopt;
}

std::vector<Role> AllRoles() {
    std::vector<Role> out;
    for (const auto& info : kRoles) {
        out.push_back(info.role);
    }
    return out;
}

RoleSet::RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) {
        bits_ |= 1U << static_cast<int>(r);
    }
}

RoleSet RoleSet::All() {
    RoleSet s;
    s.bits_ = (1U << kRoleCount) - 1;
    return s;
}

std::vector<Role> RoleSet::roles() const {
    std::vector<Role> out;
    for (Role r : AllRoles()) {
        if (Has(r)) {
            out.push_back(r);
        }
    }
    return out;
}

bool MaySeePersonalData(Role r) {
    return r == Role::kSupervisor || r == Role::kManager || r == Role::kAdmin || r == Role::kQa;
}

bool SeesWholeCenter(Role r) {
    return r != Role::kAgent && r != Role::kTeamLeader;
}

Result<std::string> HashPassword(std::string_view password) {
    EnsureSodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(
            out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Internal("password hashing ran out of memory");
    }
    return std::string(out.data());
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
    EnsureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomPassword() {
    EnsureSodium();
    static constexpr std::string_view kAlphabet =
        "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        out += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
    }
    return out;
}

std::string NewToken() {
    EnsureSodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data());
}

std::string TokenHash(std::string_view token) {
    EnsureSodium();
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

std::string MaskPhone(std::string_view number) {
    if (number.empty()) {
        return "";
    }
    const size_t n = number.size();
    if (n >= 11) {  // mobile 13812345678 → 138****5678; longer keep 3 + 4 as well
        return std::string(number.substr(0, 3)) + std::string(n - 7, '*') +
               std::string(number.substr(n - 4));
    }
    // Short numbers show at most a quarter at each end.
    const size_t keep = n / 4;
    return std::string(number.substr(0, keep)) + std::string(n - 2 * keep, '*') +
           std::string(number.substr(n - keep));
}

std::string MaskText(std::string_view text) {
    if (text.empty()) {
        return "";
    }
    // Keep the first UTF-8 character whole.
    size_t first = 1;
    const auto lead = static_cast<unsigned char>(text[0]);
    if (lead >= 0xF0) {
        first = 4;
    } else if (lead >= 0xE0) {
        first = 3;
    } else if (lead >= 0xC0) {
        first = 2;
    }
    first = std::min(first, text.size());
    return std::string(text.substr(0, first)) + "***";
}

}  // namespace hotline::auth
