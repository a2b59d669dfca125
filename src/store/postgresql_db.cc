// The PostgreSQL adapter: the only file that includes libpq-fe.h.
//
// URL: postgresql://user@host:port/db (or postgres://, with libpq's URI parameters such as
// ?host=/run/postgresql or ?sslmode=require), handed to libpq unchanged. Every statement is
// prepared once per connection (`?` rewritten to `$1, $2, ...`) and cached; parameters travel as
// text with their types inferred by the server from the SQL, results come back as text and are
// turned into whole numbers for integer, boolean and whole numeric columns.
//
// Begin(): BEGIN (READ COMMITTED) then pg_advisory_xact_lock on one fixed key, so write
// transactions run one at a time, exactly as SQLite's BEGIN IMMEDIATE does. Chosen over
// SERIALIZABLE because the application's read-check-write steps (idempotency keys, counters,
// sign-in lockouts, "one open reconsideration") were written for a single writer: with the lock
// they stay correct without SELECT ... FOR UPDATE, a transaction can never deadlock upgrading or
// fail to serialize (one lock, always taken first), and reads outside transactions still run in
// parallel. Transactions are short (one request), so the cost is small; a lock that is not free
// within kLockTimeout is kUnavailable (like SQLite's busy timeout) and InTransaction retries.
#include <libpq-fe.h>

#include <charconv>
#include <memory>
#include <unordered_map>

#include "store/connection_pool.h"
#include "store/db.h"
#include "store/migrations.h"

namespace childmaint::store {

namespace {

// Type OIDs (catalog/pg_type_d.h; fixed since PostgreSQL 7).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kNumericOid = 1700;

constexpr std::string_view kWriteLock = "SELECT pg_advisory_xact_lock(4242420001)";
constexpr std::string_view kSessionSetup =
    "SET lock_timeout = 5000; SET client_min_messages = warning; SET TIME ZONE 'UTC'";

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// Maps SQLSTATEs as db.h documents. Only the primary message is kept: PostgreSQL's DETAIL line
// can quote the row's values, and those may be a protected party's details.
Error PgError(const PGresult* res, PGconn* conn, std::string_view what) {
  const char* field = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = field != nullptr ? field : "";
  const char* primary = res != nullptr ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string msg = std::string(what) + ": " + (primary != nullptr ? primary : PQerrorMessage(conn));
  while (!msg.empty() && msg.back() == '\n') {
    msg.pop_back();
  }
  if (state == "23505") {
    return Error::Make(ErrorCode::kAlreadyExists, "store.duplicate", msg);
  }
  if (state == "23503" || state == "23514" || state == "23502") {
    return Error::Make(ErrorCode::kFailedPrecondition, "store.constraint", msg);
  }
  if (state == "40001" || state == "40P01" || state == "55P03" ||
      (state.empty() && PQstatus(conn) == CONNECTION_BAD)) {
    return Error::Make(ErrorCode::kUnavailable, "store.busy", msg);
  }
  if (state == "22021" || state == "22P05") {  // not valid UTF-8 (SQLite would store it)
    return Error::Make(ErrorCode::kInvalidArgument, "store.encoding", msg);
  }
  return Error::Make(ErrorCode::kInternal, "store.error", msg);
}

// `?` → `$1`, `$2`, ... except inside '...' literals, "..." identifiers and -- comments.
std::string Positional(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int n = 0;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (comment) {
      comment = c != '\n';
    } else if (quote != 0) {
      quote = c == quote ? 0 : quote;  // a doubled quote closes then reopens: same result
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      comment = true;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
      continue;
    }
    out += c;
  }
  return out;
}

Value ColumnValue(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col) != 0) {
    return Value();
  }
  const char* text = PQgetvalue(res, row, col);
  const auto len = static_cast<std::size_t>(PQgetlength(res, row, col));
  const Oid type = PQftype(res, col);
  if (type == kBoolOid) {
    return Value(std::int64_t{text[0] == 't' ? 1 : 0});
  }
  if (type == kInt8Oid || type == kInt4Oid || type == kInt2Oid || type == kOidOid ||
      type == kNumericOid) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text, text + len, v);
    if (ec == std::errc() && end == text + len) {
      return Value(v);
    }
  }
  return Value(std::string(text, len));  // text, and numerics with a fraction
}

class PostgresqlDb final : public Db {
 public:
  explicit PostgresqlDb(PGconn* conn) : conn_(conn) {}
  ~PostgresqlDb() override { PQfinish(conn_); }
  PostgresqlDb(const PostgresqlDb&) = delete;
  PostgresqlDb& operator=(const PostgresqlDb&) = delete;

  Status Exec(std::string_view sql, const std::vector<Value>& params) override {
    CMS_ASSIGN_OR_RETURN(const PgResult res, Run(sql, params));
    return Ok();
  }

  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params) override {
    CMS_ASSIGN_OR_RETURN(const PgResult res, Run(sql, params));
    const int rows = PQntuples(res.get());
    const int cols = PQnfields(res.get());
    std::vector<Row> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        values.push_back(ColumnValue(res.get(), r, c));
      }
      out.emplace_back(std::move(values));
    }
    return out;
  }

  // Every table written with Insert has an `id` column (an identity).
  Result<std::int64_t> Insert(std::string_view sql, const std::vector<Value>& params) override {
    CMS_ASSIGN_OR_RETURN(const std::vector<Row> rows,
                         Query(std::string(sql) + " RETURNING id", params));
    if (rows.size() != 1 || rows[0].IsNull(0)) {
      return Error::Make(ErrorCode::kInternal, "store.error", "insert returned no id");
    }
    return rows[0].Int(0);
  }

  Status ExecScript(std::string_view sql) override { return Simple(sql); }

  Status Begin() override {
    CMS_TRY(Simple("BEGIN"));
    in_transaction_ = true;
    if (Status locked = Simple(kWriteLock); !locked) {
      Rollback();
      return locked;
    }
    return Ok();
  }

  // COMMIT of a transaction in which a statement failed rolls back (and says so in its tag).
  Status Commit() override {
    in_transaction_ = false;
    const PgResult res(PQexec(conn_, "COMMIT"));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return PgError(res.get(), conn_, "COMMIT");
    }
    if (std::string_view(PQcmdStatus(res.get())) == "ROLLBACK") {
      return Error::Make(ErrorCode::kInternal, "store.error", "COMMIT: the transaction was aborted");
    }
    return Ok();
  }

  void Rollback() override {
    in_transaction_ = false;
    (void)PgResult(PQexec(conn_, "ROLLBACK"));
  }
  std::string_view Dialect() const override { return "postgresql"; }

  Status SetUpSession() {
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // no NOTICEs on stderr
    return Simple(kSessionSetup);
  }

 private:
  // A connection that broke (server restart, network) is reset before the next statement; its
  // prepared statements went with it.
  Status Ready() {
    if (PQstatus(conn_) == CONNECTION_OK) {
      return Ok();
    }
    PQreset(conn_);
    cache_.clear();
    if (PQstatus(conn_) != CONNECTION_OK) {
      return PgError(nullptr, conn_, "reconnect");
    }
    return SetUpSession();
  }

  Status Simple(std::string_view sql) {
    CMS_TRY(Ready());
    const PgResult res(PQexec(conn_, std::string(sql).c_str()));
    const ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return PgError(res.get(), conn_, sql.substr(0, sql.find_first_of(" ;\n")));
    }
    return Ok();
  }

  Result<std::string> Prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) {
      return it->second;
    }
    std::string name = "cm" + std::to_string(++prepared_);
    const PgResult res(PQprepare(conn_, name.c_str(), Positional(sql).c_str(), 0, nullptr));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return PgError(res.get(), conn_, "prepare");
    }
    cache_.emplace(std::move(key), name);
    return name;
  }

  // A statement outside a transaction that finds its connection gone is tried once more on a new
  // one (inside a transaction the error goes up and InTransaction starts again).
  Result<PgResult> Run(std::string_view sql, const std::vector<Value>& params) {
    Result<PgResult> res = RunOnce(sql, params);
    if (!res && !in_transaction_ && PQstatus(conn_) == CONNECTION_BAD) {
      res = RunOnce(sql, params);
    }
    return res;
  }

  Result<PgResult> RunOnce(std::string_view sql, const std::vector<Value>& params) {
    CMS_TRY(Ready());
    CMS_ASSIGN_OR_RETURN(const std::string name, Prepare(sql));
    std::vector<std::string> numbers(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i].v)) {
        numbers[i] = std::to_string(*n);
        values[i] = numbers[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i].v)) {
        if (s->find('\0') != std::string::npos) {
          return Error::Make(ErrorCode::kInvalidArgument, "store.encoding",
                             "text cannot contain a NUL character");
        }
        values[i] = s->c_str();
      }
    }
    PgResult res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                values.data(), nullptr, nullptr, 0));
    const ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return PgError(res.get(), conn_, "exec");
    }
    return res;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> cache_;
  int prepared_ = 0;
  bool in_transaction_ = false;
};

Result<std::unique_ptr<Db>> Connect(const std::string& url) {
  // The URL is expanded by libpq (expand_dbname); the keywords after it override it.
  const char* const keys[] = {"dbname", "fallback_application_name", "client_encoding", nullptr};
  const char* const values[] = {url.c_str(), "childmaint", "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (conn == nullptr) {
    return Error::Make(ErrorCode::kUnavailable, "store.connect", "out of memory");
  }
  auto db = std::make_unique<PostgresqlDb>(conn);  // owns conn from here
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    while (!msg.empty() && msg.back() == '\n') {
      msg.pop_back();
    }
    return Error::Make(ErrorCode::kUnavailable, "store.connect", "connect: " + msg);
  }
  CMS_TRY(db->SetUpSession());
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace

Result<std::unique_ptr<Pool>> OpenPostgresqlPool(const std::string& url, std::size_t size) {
  auto pool = std::make_unique<ConnectionPool>();
  for (std::size_t i = 0; i < size; ++i) {
    CMS_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Connect(url));
    if (i == 0) {
      CMS_TRY(Migrate(*db));
    }
    pool->Add(std::move(db));
  }
  return std::unique_ptr<Pool>(std::move(pool));
}

}  // namespace childmaint::store
