#include "store/db.h"

#include <chrono>
#include <thread>

#include "store/migrations.h"

namespace childmaint::store {

std::int64_t Row::Int(std::size_t i) const {
  const auto* p = std::get_if<std::int64_t>(&values_.at(i).v);
  return p == nullptr ? 0 : *p;
}

std::string Row::Text(std::size_t i) const {
  const auto* p = std::get_if<std::string>(&values_.at(i).v);
  return p == nullptr ? std::string() : *p;
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Int(i);
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Text(i);
}

Result<Row> Db::One(std::string_view sql, const std::vector<Value>& params) {
  CMS_ASSIGN_OR_RETURN(std::optional<Row> row, MaybeOne(sql, params));
  if (!row) {
    return Error::Make(ErrorCode::kNotFound, "store.not_found", "no such record");
  }
  return std::move(*row);
}

Result<std::optional<Row>> Db::MaybeOne(std::string_view sql, const std::vector<Value>& params) {
  CMS_ASSIGN_OR_RETURN(std::vector<Row> rows, Query(sql, params));
  if (rows.empty()) {
    return std::optional<Row>();
  }
  return std::optional<Row>(std::move(rows.front()));
}

Result<std::unique_ptr<Pool>> OpenPool(std::string_view url, std::size_t size) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite) && url.size() > kSqlite.size()) {
    return OpenSqlitePool(std::string(url.substr(kSqlite.size())), size);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return OpenPostgresqlPool(std::string(url), size);
  }
  return Error::Make(ErrorCode::kInvalidArgument, "store.url",
                     "--db must be sqlite:PATH or postgresql://user@host/db", "db");
}

void Pool::Deleter::operator()(Db* db) const { pool->Release(db); }

Status InTransaction(Db& db, const std::function<Status()>& fn) {
  constexpr int kAttempts = 5;
  constexpr auto kBackoff = std::chrono::milliseconds(20);
  for (int attempt = 1;; ++attempt) {
    Status begun = db.Begin();
    if (!begun) {
      if (begun.error().code == ErrorCode::kUnavailable && attempt < kAttempts) {
        std::this_thread::sleep_for(kBackoff * attempt);
        continue;
      }
      return begun;
    }
    Status s = fn();
    if (s) {
      s = db.Commit();
      if (s) {
        return s;
      }
    }
    db.Rollback();
    if (s.error().code != ErrorCode::kUnavailable || attempt >= kAttempts) {
      return s;
    }
    std::this_thread::sleep_for(kBackoff * attempt);
  }
}

}  // namespace childmaint::store
