// File: db.h — one database connection behind a small interface (SQLite and PostgreSQL).
//
//   CMS_ASSIGN_OR_RETURN(auto pool, OpenPool("sqlite:childmaint.db", 4));
//   auto db = pool->Acquire();                       // returned to the pool when it goes
//   CMS_TRY(db->Begin());
//   CMS_ASSIGN_OR_RETURN(auto rows, db->Query("SELECT id FROM cases WHERE reference = ?",
//                                             {Value(ref)}));
//   CMS_TRY(db->Commit());
//
// SQL is written once, portably: `?` placeholders, INTEGER/TEXT columns, no vendor functions;
// the PostgreSQL adapter rewrites placeholders. Every statement is prepared (and cached per
// connection). Errors: a UNIQUE violation is kAlreadyExists "store.duplicate", a foreign-key,
// CHECK or NOT NULL violation (or an append-only trigger) kFailedPrecondition "store.constraint",
// a busy/locked database (PostgreSQL: serialization failure, deadlock, lock timeout, lost
// connection) kUnavailable.
// Thread safety: a Db is used by one thread at a time; the Pool is thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"

namespace childmaint::store {

// A parameter or column value: NULL, a whole number or text.
struct Value {
  std::variant<std::monostate, std::int64_t, std::string> v;
  Value() = default;
  Value(std::int64_t i) : v(i) {}                 // NOLINT: implicit by design
  Value(int i) : v(static_cast<std::int64_t>(i)) {}  // NOLINT
  Value(std::string s) : v(std::move(s)) {}        // NOLINT
  Value(std::string_view s) : v(std::string(s)) {}  // NOLINT
  Value(const char* s) : v(std::string(s)) {}      // NOLINT
  template <typename T>
  Value(const std::optional<T>& o) {  // NOLINT
    if (o) {
      *this = Value(*o);
    }
  }
  bool IsNull() const { return std::holds_alternative<std::monostate>(v); }
};

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  bool IsNull(std::size_t i) const { return values_.at(i).IsNull(); }
  std::int64_t Int(std::size_t i) const;            // NULL reads as 0
  std::string Text(std::size_t i) const;            // NULL reads as ""
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

using Params = std::initializer_list<Value>;

class Db {
 public:
  virtual ~Db() = default;
  virtual Status Exec(std::string_view sql, const std::vector<Value>& params) = 0;
  virtual Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) = 0;
  // INSERT ... ; returns the new row's id.
  virtual Result<std::int64_t> Insert(std::string_view sql, const std::vector<Value>& params) = 0;
  // Runs a script of several statements (migrations only).
  virtual Status ExecScript(std::string_view sql) = 0;
  // A write transaction that never deadlocks upgrading (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN
  // then one transaction-level advisory lock, so writers take turns as they do in SQLite).
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  virtual std::string_view Dialect() const = 0;  // "sqlite" | "postgresql"

  // Convenience overloads.
  Status Exec(std::string_view sql, Params p = {}) { return Exec(sql, std::vector<Value>(p)); }
  Result<std::vector<Row>> Query(std::string_view sql, Params p = {}) {
    return Query(sql, std::vector<Value>(p));
  }
  Result<std::int64_t> Insert(std::string_view sql, Params p) {
    return Insert(sql, std::vector<Value>(p));
  }
  // The single row of a query, or kNotFound.
  Result<Row> One(std::string_view sql, const std::vector<Value>& params);
  Result<Row> One(std::string_view sql, Params p = {}) { return One(sql, std::vector<Value>(p)); }
  Result<std::optional<Row>> MaybeOne(std::string_view sql, const std::vector<Value>& params);
  Result<std::optional<Row>> MaybeOne(std::string_view sql, Params p = {}) {
    return MaybeOne(sql, std::vector<Value>(p));
  }
};

class Pool {
 public:
  struct Deleter {
    Pool* pool;
    void operator()(Db* db) const;
  };
  using Handle = std::unique_ptr<Db, Deleter>;

  virtual ~Pool() = default;
  // Blocks until a connection is free.
  virtual Handle Acquire() = 0;

 protected:
  virtual void Release(Db* db) = 0;
};

// "sqlite:PATH" (the file is created if missing) or "postgresql://user@host:port/db" (also
// "postgres://", with libpq's URI parameters; the database must exist). Opens `size` connections
// and brings the schema up to date (migrations under src/store/migrations/<dialect>/, each applied
// once, in order).
Result<std::unique_ptr<Pool>> OpenPool(std::string_view url, std::size_t size);

// Runs fn inside a transaction: commits when it succeeds, rolls back when it fails (so a request
// that fails changes nothing), retries a few times when the database is busy.
Status InTransaction(Db& db, const std::function<Status()>& fn);

}  // namespace childmaint::store
