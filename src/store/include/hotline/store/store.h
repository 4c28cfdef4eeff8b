#pragma once
// Persistence (ARCHITECTURE.md §5): the event log, users, login tokens, the audit log and the
// center's configuration. One interface, so a PostgreSQL backend can stand beside SQLite
// without its callers changing.
//
// Writes go through one writer thread in batched transactions; `AppendEvents` calls its
// completion once the events are durable (committed), which is when the API may acknowledge the
// command that caused them. The other writes are synchronous: they wait for their batch.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hotline/core/event.h"
#include "hotline/core/status.h"
#include "hotline/core/time.h"

namespace hotline::store {

struct StoredEvent {
    int64_t seq = 0;  // 1, 2, 3… in the order the engine produced them
    Event event;
};

struct EventQuery {
    int64_t after_seq = 0;              // paging: events with seq > after_seq
    std::optional<Timestamp> from, to;  // ts in [from, to)
    std::string type, interaction, agent, queue;
    int limit = 1000;
};

struct User {
    std::string username;
    std::string password_hash;  // argon2id, libsodium's string form
    std::string role;           // agent, team_leader, shift_leader, supervisor, manager, qa, admin
    std::string agent;          // the agent this user is (role agent), if any
    std::string team;           // the team a team leader leads, or an agent belongs to
    std::string display_name;
    bool disabled = false;
};

struct TokenRecord {
    std::string token_hash;  // never the token itself
    std::string username;
    Timestamp issued, expires;
    bool revoked = false;
};

struct AuditEntry {
    int64_t id = 0;
    Timestamp ts;
    std::string username, action, target, detail;
};

struct AuditQuery {
    int64_t after_id = 0;
    std::string username, action;
    int limit = 1000;
};

enum class Durability {
    kFull,    // fsync at every commit: survives power loss
    kNormal,  // survives a crash of the process (kill -9), not of the machine
};

struct Options {
    Durability durability = Durability::kFull;
    // Upper bound on what one transaction carries; more waiting work goes in the next one.
    size_t max_batch = 4096;
};

class Store {
  public:
    virtual ~Store() = default;

    // ---- event log ----
    // Queues `events` for the next batch. `done(status, last_seq)` runs on the writer thread once
    // they are committed (or failed); it must be quick and must not call back into the store.
    virtual void AppendEvents(std::vector<Event> events,
                              std::function<void(const Status&, int64_t last_seq)> done) = 0;
    virtual Result<std::vector<StoredEvent>> Events(const EventQuery& q) const = 0;
    // Every event in order, for rebuilding state at start; stops early when `fn` returns false.
    virtual Status ForEachEvent(const std::function<bool(const StoredEvent&)>& fn) const = 0;
    virtual int64_t LastSeq() const = 0;

    // ---- users ----
    virtual Status PutUser(const User& user) = 0;  // insert or replace
    virtual Status DeleteUser(const std::string& username) = 0;
    virtual Result<User> FindUser(const std::string& username) const = 0;
    virtual Result<std::vector<User>> Users() const = 0;

    // ---- login tokens ----
    virtual Status PutToken(const TokenRecord& token) = 0;
    virtual Status RevokeToken(const std::string& token_hash) = 0;
    virtual Status RevokeTokensOf(const std::string& username) = 0;
    virtual Result<TokenRecord> FindToken(const std::string& token_hash) const = 0;

    // ---- audit ----
    virtual Status Audit(const AuditEntry& entry) = 0;
    virtual Result<std::vector<AuditEntry>> AuditLog(const AuditQuery& q) const = 0;

    // ---- configuration (the center's YAML, every version kept) ----
    virtual Status PutConfig(const std::string& yaml, const std::string& username,
                             Timestamp at) = 0;
    virtual Result<std::optional<std::string>> LatestConfig() const = 0;

    // Waits until everything queued so far is committed.
    virtual void Flush() = 0;
};

// Opens (creating if needed) the SQLite database at `path` (":memory:" for tests), in WAL mode,
// and applies the numbered migrations it lacks.
Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, Options options = {});

}  // namespace hotline::store
