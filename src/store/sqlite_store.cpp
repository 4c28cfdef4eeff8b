// The SQLite backend: WAL mode, one writer thread that commits whatever work is waiting in one
// transaction (so a burst of commands costs one fsync, not one each), and a reader connection
// for queries, which WAL lets run beside the writer.

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "hotline/core/event_codec.h"
#include "hotline/store/store.h"
#include "sqlite_db.h"

namespace hotline::store {
namespace {

// The columns an event is found by, besides its type and time.
struct EventKeys {
    std::string interaction, agent, queue;
};

EventKeys KeysOf(const Event& e) {
    EventKeys k;
    std::visit(
        [&k](const auto& body) {
            if constexpr (requires { body.id; }) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(body.id)>,
                                             InteractionId>) {
                    k.interaction = body.id.str();
                }
            }
            if constexpr (requires { body.agent.str(); }) {
                k.agent = body.agent.str();
            }
            if constexpr (requires { body.queue.str(); }) {
                k.queue = body.queue.str();
            }
        },
        e.body);
    return k;
}

class SqliteStore final : public Store {
  public:
    SqliteStore(Db writer, Db reader, Options options)
        : writer_db_(std::move(writer)), reader_db_(std::move(reader)), options_(options) {
        next_seq_ = QueryLastSeqOn(writer_db_) + 1;
        thread_ = std::thread([this] { WriterLoop(); });
    }

    ~SqliteStore() override {
        {
            std::lock_guard lock(mu_);
            stopping_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

    void AppendEvents(std::vector<Event> events,
                      std::function<void(const Status&, int64_t)> done) override {
        auto shared = std::make_shared<std::vector<Event>>(std::move(events));
        auto last = std::make_shared<int64_t>(0);
        Submit(
            [this, shared, last](Db& db) -> Status {
                if (!insert_event_) {  // prepared once, on the writer thread
                    insert_event_ = std::make_unique<Stmt>(
                        db.get(),
                        "INSERT INTO events(seq, ts, type, interaction, agent, queue, body) "
                        "VALUES (?,?,?,?,?,?,?)");
                }
                Stmt& ins = *insert_event_;
                RETURN_IF_ERROR(ins.prepare_status());
                int64_t seq = next_seq_;
                for (const Event& e : *shared) {
                    const EventKeys k = KeysOf(e);
                    ins.Reset();
                    ins.Bind(1, seq)
                        .Bind(2, ToMillis(e.ts))
                        .Bind(3, e.type())
                        .BindOptional(4, k.interaction)
                        .BindOptional(5, k.agent)
                        .BindOptional(6, k.queue)
                        .Bind(7, EventToJson(e));
                    RETURN_IF_ERROR(ins.Done());
                    ++seq;
                }
                next_seq_ = seq;
                *last = seq - 1;
                return Status::Ok();
            },
            [done = std::move(done), last](const Status& st) { done(st, *last); },
            /*isolated=*/false);
    }

    Result<std::vector<StoredEvent>> Events(const EventQuery& q) const override {
        std::string sql = "SELECT seq, body FROM events WHERE seq > ?1";
        if (q.from) {
            sql += " AND ts >= ?2";
        }
        if (q.to) {
            sql += " AND ts < ?3";
        }
        if (!q.type.empty()) {
            sql += " AND type = ?4";
        }
        if (!q.interaction.empty()) {
            sql += " AND interaction = ?5";
        }
        if (!q.agent.empty()) {
            sql += " AND agent = ?6";
        }
        if (!q.queue.empty()) {
            sql += " AND queue = ?7";
        }
        sql += " ORDER BY seq LIMIT ?8";
        std::lock_guard lock(read_mu_);
        Stmt s(reader_db_.get(), sql);
        RETURN_IF_ERROR(s.prepare_status());
        s.Bind(1, q.after_seq);
        if (q.from) {
            s.Bind(2, ToMillis(*q.from));
        }
        if (q.to) {
            s.Bind(3, ToMillis(*q.to));
        }
        if (!q.type.empty()) {
            s.Bind(4, q.type);
        }
        if (!q.interaction.empty()) {
            s.Bind(5, q.interaction);
        }
        if (!q.agent.empty()) {
            s.Bind(6, q.agent);
        }
        if (!q.queue.empty()) {
            s.Bind(7, q.queue);
        }
        s.Bind(8, static_cast<int64_t>(q.limit));
        std::vector<StoredEvent> out;
        while (s.Step()) {
            auto e = EventFromJson(s.Text(1));
            if (!e.ok()) {
                return Internal("stored event " + std::to_string(s.Int(0)) +
                                " is unreadable: " + e.status().message());
            }
            out.push_back(StoredEvent{s.Int(0), std::move(e).value()});
        }
        RETURN_IF_ERROR(s.Done());
        return out;
    }

    Status ForEachEvent(const std::function<bool(const StoredEvent&)>& fn) const override {
        std::lock_guard lock(read_mu_);
        Stmt s(reader_db_.get(), "SELECT seq, body FROM events ORDER BY seq");
        RETURN_IF_ERROR(s.prepare_status());
        while (s.Step()) {
            auto e = EventFromJson(s.Text(1));
            if (!e.ok()) {
                return Internal("stored event " + std::to_string(s.Int(0)) +
                                " is unreadable: " + e.status().message());
            }
            if (!fn(StoredEvent{s.Int(0), std::move(e).value()})) {
                return Status::Ok();
            }
        }
        return s.Done();
    }

    int64_t LastSeq() const override { return QueryLastSeq(); }

    Status PutUser(const User& u) override {
        return Write([u](Db& db) {
            Stmt s(db.get(),
                   "INSERT OR REPLACE INTO users(username, password_hash, role, agent, team, "
                   "display_name, disabled) VALUES (?,?,?,?,?,?,?)");
            s.Bind(1, u.username)
                .Bind(2, u.password_hash)
                .Bind(3, u.role)
                .BindOptional(4, u.agent)
                .BindOptional(5, u.team)
                .BindOptional(6, u.display_name)
                .Bind(7, int64_t{u.disabled});
            return s.Done();
        });
    }

    Status DeleteUser(const std::string& username) override {
        return Write([username](Db& db) {
            Stmt s(db.get(), "DELETE FROM users WHERE username = ?");
            s.Bind(1, username);
            RETURN_IF_ERROR(s.Done());
            if (sqlite3_changes(db.get()) == 0) {
                return NotFound("no user '" + username + "'");
            }
            Stmt t(db.get(), "UPDATE tokens SET revoked = 1 WHERE username = ?");
            t.Bind(1, username);
            return t.Done();
        });
    }

    Result<User> FindUser(const std::string& username) const override {
        auto users = SelectUsers(" WHERE username = ?1", username);
        if (!users.ok()) {
            return users.status();
        }
        if (users->empty()) {
            return NotFound("no user '" + username + "'");
        }
        return users->front();
    }

    Result<std::vector<User>> Users() const override { return SelectUsers("", ""); }

    Status PutToken(const TokenRecord& t) override {
        return Write([t](Db& db) {
            Stmt s(db.get(),
                   "INSERT OR REPLACE INTO tokens(token_hash, username, issued, expires, revoked) "
                   "VALUES (?,?,?,?,?)");
            s.Bind(1, t.token_hash)
                .Bind(2, t.username)
                .Bind(3, ToMillis(t.issued))
                .Bind(4, ToMillis(t.expires))
                .Bind(5, int64_t{t.revoked});
            return s.Done();
        });
    }

    Status RevokeToken(const std::string& token_hash) override {
        return Write([token_hash](Db& db) {
            Stmt s(db.get(), "UPDATE tokens SET revoked = 1 WHERE token_hash = ?");
            s.Bind(1, token_hash);
            return s.Done();
        });
    }

    Status RevokeTokensOf(const std::string& username) override {
        return Write([username](Db& db) {
            Stmt s(db.get(), "UPDATE tokens SET revoked = 1 WHERE username = ?");
            s.Bind(1, username);
            return s.Done();
        });
    }

    Result<TokenRecord> FindToken(const std::string& token_hash) const override {
        std::lock_guard lock(read_mu_);
        Stmt s(reader_db_.get(),
               "SELECT token_hash, username, issued, expires, revoked FROM tokens "
               "WHERE token_hash = ?");
        RETURN_IF_ERROR(s.prepare_status());
        s.Bind(1, token_hash);
        if (!s.Step()) {
            RETURN_IF_ERROR(s.Done());
            return NotFound("unknown token");
        }
        TokenRecord t{s.Text(0), s.Text(1), FromMillis(s.Int(2)), FromMillis(s.Int(3)),
                      s.Int(4) != 0};
        return t;
    }

    Status Audit(const AuditEntry& a) override {
        return Write([a](Db& db) {
            Stmt s(db.get(),
                   "INSERT INTO audit(ts, username, action, target, detail) VALUES (?,?,?,?,?)");
            s.Bind(1, ToMillis(a.ts))
                .Bind(2, a.username)
                .Bind(3, a.action)
                .BindOptional(4, a.target)
                .BindOptional(5, a.detail);
            return s.Done();
        });
    }

    Result<std::vector<AuditEntry>> AuditLog(const AuditQuery& q) const override {
        std::string sql =
            "SELECT id, ts, username, action, target, detail FROM audit WHERE id > ?1";
        if (!q.username.empty()) {
            sql += " AND username = ?2";
        }
        if (!q.action.empty()) {
            sql += " AND action = ?3";
        }
        sql += " ORDER BY id LIMIT ?4";
        std::lock_guard lock(read_mu_);
        Stmt s(reader_db_.get(), sql);
        RETURN_IF_ERROR(s.prepare_status());
        s.Bind(1, q.after_id);
        if (!q.username.empty()) {
            s.Bind(2, q.username);
        }
        if (!q.action.empty()) {
            s.Bind(3, q.action);
        }
        s.Bind(4, static_cast<int64_t>(q.limit));
        std::vector<AuditEntry> out;
        while (s.Step()) {
            out.push_back(AuditEntry{s.Int(0), FromMillis(s.Int(1)), s.Text(2), s.Text(3),
                                     s.Text(4), s.Text(5)});
        }
        RETURN_IF_ERROR(s.Done());
        return out;
    }

    Status PutConfig(const std::string& yaml, const std::string& username, Timestamp at) override {
        return Write([yaml, username, at](Db& db) {
            Stmt s(db.get(), "INSERT INTO config_versions(ts, username, yaml) VALUES (?,?,?)");
            s.Bind(1, ToMillis(at)).Bind(2, username).Bind(3, yaml);
            return s.Done();
        });
    }

    Result<std::optional<std::string>> LatestConfig() const override {
        std::lock_guard lock(read_mu_);
        Stmt s(reader_db_.get(), "SELECT yaml FROM config_versions ORDER BY version DESC LIMIT 1");
        RETURN_IF_ERROR(s.prepare_status());
        std::optional<std::string> out;
        if (s.Step()) {
            out = s.Text(0);
        }
        RETURN_IF_ERROR(s.Done());
        return out;
    }

    void Flush() override {
        (void)Write([](Db&) { return Status::Ok(); });
    }

  private:
    struct Job {
        std::function<Status(Db&)> work;
        std::function<void(const Status&)> done;
        bool isolated = true;  // under a savepoint of its own: its failure is undone alone
    };

    // Event appends are not isolated: they cannot fail but with the database itself, and a
    // savepoint each would cost two statements per command.
    void Submit(std::function<Status(Db&)> work, std::function<void(const Status&)> done,
                bool isolated = true) {
        {
            std::lock_guard lock(mu_);
            jobs_.push_back(Job{std::move(work), std::move(done), isolated});
        }
        cv_.notify_one();
    }

    // A synchronous write: waits for the batch that carries it.
    Status Write(std::function<Status(Db&)> work) {
        std::promise<Status> p;
        auto f = p.get_future();
        Submit(std::move(work), [&p](const Status& st) { p.set_value(st); });
        return f.get();
    }

    void WriterLoop() {
        for (;;) {
            std::deque<Job> batch;
            {
                std::unique_lock lock(mu_);
                cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
                if (jobs_.empty() && stopping_) {
                    return;
                }
                const size_t n = std::min(jobs_.size(), options_.max_batch);
                for (size_t i = 0; i < n; ++i) {
                    batch.push_back(std::move(jobs_.front()));
                    jobs_.pop_front();
                }
            }
            RunBatch(batch);
        }
    }

    // One transaction; each job under its own savepoint, so a failing job is undone alone and
    // the others still commit.
    void RunBatch(std::deque<Job>& batch) {
        std::vector<Status> results(batch.size());
        Status begin = writer_db_.Exec("BEGIN IMMEDIATE");
        if (begin.ok()) {
            Status failed;
            for (size_t i = 0; i < batch.size(); ++i) {
                if (!batch[i].isolated) {
                    results[i] = batch[i].work(writer_db_);
                    if (!results[i].ok()) {
                        failed = results[i];
                    }
                    continue;
                }
                const int64_t seq_before = next_seq_;
                (void)writer_db_.Exec("SAVEPOINT job");
                results[i] = batch[i].work(writer_db_);
                if (results[i].ok()) {
                    (void)writer_db_.Exec("RELEASE job");
                } else {
                    next_seq_ = seq_before;
                    (void)writer_db_.Exec("ROLLBACK TO job");
                    (void)writer_db_.Exec("RELEASE job");
                }
            }
            // A failed append leaves the log with a gap: the whole batch is undone instead.
            Status commit = failed.ok() ? writer_db_.Exec("COMMIT") : failed;
            if (!commit.ok()) {
                (void)writer_db_.Exec("ROLLBACK");
                next_seq_ = QueryLastSeqOn(writer_db_) + 1;
                for (auto& r : results) {
                    r = commit;
                }
            }
        } else {
            for (auto& r : results) {
                r = begin;
            }
        }
        for (size_t i = 0; i < batch.size(); ++i) {
            if (batch[i].done) {
                batch[i].done(results[i]);
            }
        }
    }

    Result<std::vector<User>> SelectUsers(const std::string& where, const std::string& arg) const {
        std::lock_guard lock(read_mu_);
        Stmt s(reader_db_.get(),
               "SELECT username, password_hash, role, agent, team, display_name, disabled "
               "FROM users" +
                   where + " ORDER BY username");
        RETURN_IF_ERROR(s.prepare_status());
        if (!where.empty()) {
            s.Bind(1, arg);
        }
        std::vector<User> out;
        while (s.Step()) {
            out.push_back(User{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5),
                               s.Int(6) != 0});
        }
        RETURN_IF_ERROR(s.Done());
        return out;
    }

    static int64_t QueryLastSeqOn(const Db& db) {
        Stmt s(db.get(), "SELECT COALESCE(MAX(seq), 0) FROM events");
        return s.Step() ? s.Int(0) : 0;
    }

    int64_t QueryLastSeq() const {
        std::lock_guard lock(read_mu_);
        return QueryLastSeqOn(reader_db_);
    }

    Db writer_db_;
    std::unique_ptr<Stmt> insert_event_;  // the writer thread's
    Db reader_db_;
    mutable std::mutex read_mu_;
    Options options_;
    int64_t next_seq_ = 1;  // the writer thread's, once it runs

    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, Options options) {
    ASSIGN_OR_RETURN(Db writer, Db::Open(path, false));
    RETURN_IF_ERROR(writer.Exec("PRAGMA journal_mode=WAL"));
    RETURN_IF_ERROR(writer.Exec(options.durability == Durability::kFull
                                    ? "PRAGMA synchronous=FULL"
                                    : "PRAGMA synchronous=NORMAL"));
    RETURN_IF_ERROR(Migrate(writer));
    ASSIGN_OR_RETURN(Db reader, Db::Open(path, true));
    return std::unique_ptr<Store>(
        std::make_unique<SqliteStore>(std::move(writer), std::move(reader), options));
}

}  // namespace hotline::store
