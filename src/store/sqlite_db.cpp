#include "sqlite_db.h"

namespace hotline::store {

Status SqliteError(sqlite3* db, std::string_view what) {
    std::string msg(what);
    msg += ": ";
    msg += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    return Internal(std::move(msg));
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK) {
        prepare_status_ = SqliteError(db, "preparing '" + std::string(sql.substr(0, 60)) + "'");
        stmt_ = nullptr;
        step_status_ = prepare_status_;
    }
}

Stmt::~Stmt() {
    sqlite3_finalize(stmt_);
}

Stmt& Stmt::Bind(int index, int64_t v) {
    if (stmt_ != nullptr) {
        sqlite3_bind_int64(stmt_, index, v);
    }
    return *this;
}

Stmt& Stmt::Bind(int index, std::string_view v) {
    if (stmt_ != nullptr) {
        sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Stmt& Stmt::BindNull(int index) {
    if (stmt_ != nullptr) {
        sqlite3_bind_null(stmt_, index);
    }
    return *this;
}

Stmt& Stmt::BindOptional(int index, std::string_view v) {
    return v.empty() ? BindNull(index) : Bind(index, v);
}

bool Stmt::Step() {
    if (stmt_ == nullptr || !step_status_.ok()) {
        return false;
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        step_status_ = SqliteError(db_, "executing statement");
    }
    return false;
}

Status Stmt::Done() {
    while (Step()) {
    }
    return step_status_;
}

void Stmt::Reset() {
    if (stmt_ != nullptr) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        step_status_ = Status::Ok();
    }
}

int64_t Stmt::Int(int col) const {
    return sqlite3_column_int64(stmt_, col);
}

std::string Stmt::Text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
}

bool Stmt::IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Result<Db> Db::Open(const std::string& path, bool read_only) {
    sqlite3* raw = nullptr;
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &raw, flags, nullptr) != SQLITE_OK) {
        Status st = SqliteError(raw, "opening database " + path);
        sqlite3_close(raw);
        return st;
    }
    sqlite3_busy_timeout(raw, 5000);
    return Db(raw);
}

Db::~Db() {
    sqlite3_close(db_);
}

Db& Db::operator=(Db&& o) noexcept {
    if (this != &o) {
        sqlite3_close(db_);
        db_ = o.db_;
        o.db_ = nullptr;
    }
    return *this;
}

Status Db::Exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = "executing '" + text.substr(0, 60) + "': " + (err ? err : "?");
        sqlite3_free(err);
        return Internal(std::move(msg));
    }
    return Status::Ok();
}

}  // namespace hotline::store
