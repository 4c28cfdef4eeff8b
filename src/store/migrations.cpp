// Numbered schema migrations. A migration is never edited once released: a change of schema is
// a new entry at the end, so every database, however old, reaches the same schema.

#include <array>
#include <string_view>

#include "sqlite_db.h"

namespace hotline::store {
namespace {

constexpr std::array<std::string_view, 1> kMigrations = {
    // 1: the event log, users, login tokens, audit log, configuration versions.
    R"sql(
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  type TEXT NOT NULL,
  interaction TEXT,
  agent TEXT,
  queue TEXT,
  body TEXT NOT NULL
);
CREATE INDEX events_ts ON events(ts);
CREATE INDEX events_interaction ON events(interaction) WHERE interaction IS NOT NULL;
CREATE INDEX events_agent ON events(agent) WHERE agent IS NOT NULL;

CREATE TABLE users (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  agent TEXT,
  team TEXT,
  display_name TEXT,
  disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  issued INTEGER NOT NULL,
  expires INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_user ON tokens(username);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);

CREATE TABLE config_versions (
  version INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  username TEXT NOT NULL,
  yaml TEXT NOT NULL
);
)sql",
};

}  // namespace

int LatestSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

Status Migrate(Db& db) {
    RETURN_IF_ERROR(
        db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "applied INTEGER NOT NULL DEFAULT (strftime('%s','now')))"));
    int have = 0;
    {
        Stmt q(db.get(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (q.Step()) {
            have = static_cast<int>(q.Int(0));
        }
        RETURN_IF_ERROR(q.Done());
    }
    if (have > LatestSchemaVersion()) {
        return FailedPrecondition("database schema version " + std::to_string(have) +
                                  " is newer than this hotline knows (" +
                                  std::to_string(LatestSchemaVersion()) + "); upgrade hotline");
    }
    for (int v = have + 1; v <= LatestSchemaVersion(); ++v) {
        RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
        Status st = db.Exec(kMigrations[static_cast<size_t>(v - 1)]);
        if (st.ok()) {
            st = db.Exec("INSERT INTO schema_migrations(version) VALUES (" + std::to_string(v) +
                         ")");
        }
        if (!st.ok()) {
            (void)db.Exec("ROLLBACK");
            return Internal("migration " + std::to_string(v) + ": " + st.message());
        }
        RETURN_IF_ERROR(db.Exec("COMMIT"));
    }
    return Status::Ok();
}

}  // namespace hotline::store
