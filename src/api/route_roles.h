#pragma once
// Who may do what, in one place (docs/server.md has the table).

#include "hotline/auth/auth.h"

namespace hotline::api::roles {

using auth::Role;
using auth::RoleSet;

inline RoleSet Everyone() {
    return RoleSet::All();
}
// Watch the floor: the wallboard, the agents' states, reports.
inline RoleSet Leaders() {
    return {Role::kTeamLeader, Role::kShiftLeader, Role::kSupervisor,
            Role::kManager,    Role::kQa,          Role::kAdmin};
}
// Read the configuration.
inline RoleSet ConfigReaders() {
    return Leaders();
}
// Change it (配置管理).
inline RoleSet ConfigWriters() {
    return {Role::kManager, Role::kAdmin};
}
// Handle contacts: agents their own, leaders their team's, the rest any.
inline RoleSet ContactHandlers() {
    return {Role::kAgent,      Role::kTeamLeader, Role::kShiftLeader,
            Role::kSupervisor, Role::kManager,    Role::kAdmin};
}
// Bring contacts in: the CTI side (a PBX or chat gateway logs in as one of these).
inline RoleSet ContactSources() {
    return {Role::kShiftLeader, Role::kSupervisor, Role::kManager, Role::kAdmin};
}
// Change agents' states: agents themselves, leaders of their team, the floor's leads.
inline RoleSet AgentStateChangers() {
    return {Role::kAgent,      Role::kTeamLeader, Role::kShiftLeader,
            Role::kSupervisor, Role::kManager,    Role::kAdmin};
}
// The history of events and the audit log.
inline RoleSet EventReaders() {
    return {Role::kShiftLeader, Role::kSupervisor, Role::kManager, Role::kQa, Role::kAdmin};
}
inline RoleSet Auditors() {
    return {Role::kManager, Role::kAdmin};
}
inline RoleSet UserAdmins() {
    return {Role::kAdmin};
}
inline RoleSet Operators() {
    return {Role::kSupervisor, Role::kManager, Role::kAdmin};
}

}  // namespace hotline::api::roles
