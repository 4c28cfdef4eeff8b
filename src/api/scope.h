#pragma once
// Scopes (ARCHITECTURE.md §6): an agent acts on itself and its own contacts, a team leader on its
// team, everyone above on the whole center. Checked on the engine thread, against the state the
// command is about to change.

#include <string>

#include "auth_service.h"
#include "hotline/core/center.h"
#include "hotline/core/status.h"
#include "hotline/routing/restore.h"

namespace hotline::api {

Status CheckAgentScope(const Caller& caller, const std::string& agent, const CenterConfig& center);
// `contact` is null when the interaction is not in progress.
Status CheckContactScope(const Caller& caller, const std::string& id,
                         const routing::RestoredContact* contact, const CenterConfig& center);

}  // namespace hotline::api
