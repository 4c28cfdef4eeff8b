#pragma once
// A thin RAII layer over SQLite's C API: a connection and prepared statements that say which
// statement failed and why.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hotline/core/status.h"

namespace hotline::store {

class Stmt {
  public:
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool prepared() const { return stmt_ != nullptr; }
    const Status& prepare_status() const { return prepare_status_; }

    Stmt& Bind(int index, int64_t v);
    Stmt& Bind(int index, std::string_view v);
    Stmt& BindNull(int index);
    Stmt& BindOptional(int index, std::string_view v);  // "" binds NULL

    // true: a row is ready; false: done. Errors become the Status of Done().
    bool Step();
    Status Done();  // runs to the end and reports the first error
    void Reset();

    int64_t Int(int col) const;
    std::string Text(int col) const;
    bool IsNull(int col) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    Status prepare_status_;
    Status step_status_;
};

class Db {
  public:
    static Result<Db> Open(const std::string& path, bool read_only);
    Db() = default;
    ~Db();
    Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    Db& operator=(Db&& o) noexcept;

    sqlite3* get() const { return db_; }
    Status Exec(std::string_view sql);

  private:
    explicit Db(sqlite3* db) : db_(db) {}
    sqlite3* db_ = nullptr;
};

Status SqliteError(sqlite3* db, std::string_view what);

// Applies the numbered migrations the database lacks, each in its own transaction.
Status Migrate(Db& db);
int LatestSchemaVersion();

}  // namespace hotline::store
