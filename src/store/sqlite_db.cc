// The SQLite adapter: the only file that includes sqlite3.h. WAL mode, foreign keys on,
// synchronous=FULL (a committed payment survives a crash or power cut), a busy timeout, every
// statement prepared once per connection and cached.
#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <unordered_map>

#include "store/connection_pool.h"
#include "store/db.h"
#include "store/migrations.h"

namespace childmaint::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kRetrySleepMs = 5;

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xFF;
  std::string msg = std::string(what) + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Error::Make(ErrorCode::kAlreadyExists, "store.duplicate", msg);
  }
  if (primary == SQLITE_CONSTRAINT) {
    return Error::Make(ErrorCode::kFailedPrecondition, "store.constraint", msg);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error::Make(ErrorCode::kUnavailable, "store.busy", msg);
  }
  return Error::Make(ErrorCode::kInternal, "store.error", msg);
}

class SqliteDb final : public Db {
 public:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  ~SqliteDb() override {
    for (auto& [sql, stmt] : cache_) {
      sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(db_);
  }
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  Status Exec(std::string_view sql, const std::vector<Value>& params) override {
    CMS_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      return SqliteError(db_, rc, "exec");
    }
    return Ok();
  }

  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) override {
    CMS_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    std::vector<Row> rows;
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) {
        break;
      }
      if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt);
        return SqliteError(db_, rc, "query");
      }
      const int n = sqlite3_column_count(stmt);
      std::vector<Value> values(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER:
            values[static_cast<std::size_t>(i)] = Value(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
            break;
          case SQLITE_NULL:
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            const int len = sqlite3_column_bytes(stmt, i);
            values[static_cast<std::size_t>(i)] =
                Value(std::string(text == nullptr ? "" : text, static_cast<std::size_t>(len)));
          }
        }
      }
      rows.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  Result<std::int64_t> Insert(std::string_view sql, const std::vector<Value>& params) override {
    CMS_TRY(Exec(sql, params));
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err != nullptr ? err : "script failed";
      sqlite3_free(err);
      const int primary = rc & 0xFF;
      if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {  // another program: try again
        return Error::Make(ErrorCode::kUnavailable, "store.busy", msg);
      }
      return Error::Make(ErrorCode::kInternal, "store.migration", msg);
    }
    return Ok();
  }

  Status Begin() override { return Simple("BEGIN IMMEDIATE"); }
  Status Commit() override { return Simple("COMMIT"); }
  void Rollback() override { (void)Simple("ROLLBACK"); }
  std::string_view Dialect() const override { return "sqlite"; }

 private:
  Status Simple(const char* sql) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      return SqliteError(db_, rc, sql);
    }
    return Ok();
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql, const std::vector<Value>& params) {
    sqlite3_stmt* stmt = nullptr;
    const std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) {
      stmt = it->second;
    } else {
      const int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) {
        return SqliteError(db_, rc, "prepare");
      }
      cache_.emplace(key, stmt);
    }
    sqlite3_clear_bindings(stmt);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<std::int64_t>(&params[i].v)) {
        rc = sqlite3_bind_int64(stmt, at, *n);
      } else if (const auto* s = std::get_if<std::string>(&params[i].v)) {
        rc = sqlite3_bind_text(stmt, at, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, at);
      }
      if (rc != SQLITE_OK) {
        return SqliteError(db_, rc, "bind");
      }
    }
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

Result<std::unique_ptr<Db>> OpenSqlite(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(raw, rc, "open " + path);
    sqlite3_close_v2(raw);
    return e;
  }
  auto db = std::make_unique<SqliteDb>(raw);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  sqlite3_extended_result_codes(raw, 1);
  // Switching a new database to WAL needs it to itself, and SQLite answers "locked" at once
  // (without the busy handler) while another program is creating it: try again until the busy
  // timeout has passed.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    Status s =
        db->ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (s || s.error().code != ErrorCode::kUnavailable ||
        std::chrono::steady_clock::now() > deadline) {
      CMS_TRY(std::move(s));
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kRetrySleepMs));
  }
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace

Result<std::unique_ptr<Pool>> OpenSqlitePool(const std::string& path, std::size_t size) {
  auto pool = std::make_unique<ConnectionPool>();
  for (std::size_t i = 0; i < size; ++i) {
    CMS_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, OpenSqlite(path));
    if (i == 0) {
      CMS_TRY(Migrate(*db));
    }
    pool->Add(std::move(db));
  }
  return std::unique_ptr<Pool>(std::move(pool));
}

}  // namespace childmaint::store
