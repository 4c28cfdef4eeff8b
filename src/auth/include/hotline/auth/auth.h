#pragma once
// Who may do what: the roles of the seed, argon2id password hashes (libsodium), random login
// tokens, and the masking of personal data for roles without the right to see it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/core/status.h"

namespace hotline::auth {

// The roles of the seed's organisation (GLOSSARY.md), lowest first.
enum class Role { kAgent, kTeamLeader, kShiftLeader, kSupervisor, kManager, kQa, kAdmin };
inline constexpr int kRoleCount = 7;

std::string_view RoleName(Role r);     // "team_leader"
std::string_view RoleLabelZh(Role r);  // "班长"
std::optional<Role> ParseRole(std::string_view name);
std::vector<Role> AllRoles();

// A set of roles, as a route declares who may call it.
class RoleSet {
  public:
    RoleSet() = default;
    RoleSet(std::initializer_list<Role> roles);
    static RoleSet All();
    bool Has(Role r) const { return (bits_ >> static_cast<int>(r)) & 1U; }
    std::vector<Role> roles() const;

  private:
    unsigned bits_ = 0;
};

// Roles that see personal data (phone numbers, customer ids) unmasked when they ask, each read
// audited. Everyone else sees them masked.
bool MaySeePersonalData(Role r);
// Roles whose scope is the whole center; a team leader's is its team, an agent's itself.
bool SeesWholeCenter(Role r);

// argon2id in libsodium's self-describing string form ("$argon2id$v=19$m=…").
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(const std::string& hash, std::string_view password);
// A password for a person to type: 16 characters from an unambiguous alphabet.
std::string RandomPassword();

// 32 random bytes, hex: handed to the client once. Only its hash is stored.
std::string NewToken();
std::string TokenHash(std::string_view token);

// "13812345678" → "138****5678"; shorter numbers keep less (never more than half) visible.
std::string MaskPhone(std::string_view number);
// Any other personal field: first character, then asterisks.
std::string MaskText(std::string_view text);

}  // namespace hotline::auth
