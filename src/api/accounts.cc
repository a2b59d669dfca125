#include "api/accounts.h"

#include "api/attempts.h"
#include "api/crypto.h"
#include "api/handler_util.h"
#include "api/router.h"
#include "api/session.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr std::size_t kMaxNameLength = 64;
constexpr std::int64_t kTouchEverySeconds = 60;

bool ValidName(std::string_view name) {
  return !name.empty() && name.size() <= kMaxNameLength &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
             std::string_view::npos;
}

std::string AccountActor(std::string_view role, std::string_view name) {
  return std::string(role) + ":account:" + std::string(name);
}

}  // namespace

Result<std::string> CreateAccount(Context& ctx, std::string_view role, std::string_view name) {
  if (role != "caseworker" && role != "team_leader" && role != "auditor") {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_choice",
                       "one of caseworker, team_leader, auditor", "role");
  }
  if (!ValidName(name)) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "1 to 64 letters, digits, '.', '-' or '_'", "name");
  }
  const std::string password = RandomToken();
  CMS_ASSIGN_OR_RETURN(const std::string hash, HashPin(password, ctx.pin_strength));
  auto db = ctx.pool.Acquire();
  CMS_TRY(store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(auto taken, db->MaybeOne("SELECT id FROM accounts WHERE name = ?",
                                                  {store::Value(name)}));
    if (taken) {
      return Error::Make(ErrorCode::kAlreadyExists, "account.name_taken",
                         "that name is already in use", "name");
    }
    CMS_TRY(db->Exec("INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?, ?, "
                     "?, ?)",
                     {store::Value(name), store::Value(role), store::Value(hash),
                      store::Value(NowIso(ctx))}));
    Json detail = Json::Object();
    detail.Set("role", Json(role)).Set("name", Json(name));
    return store::Audit(*db, "admin", "account_created", std::nullopt, detail, NowIso(ctx));
  }));
  return password;
}

Result<AccountSignIn> SignInAccount(Context& ctx, std::string_view name,
                                    std::string_view password) {
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  // Counted by the name as typed (bounded), so unknown names lock like known ones.
  const std::string key(name.substr(0, kMaxNameLength));
  AccountSignIn result;
  auto db = ctx.pool.Acquire();
  CMS_TRY(store::InTransaction(*db, [&]() -> Status {
    const AttemptKey attempt_key = ConsoleAttemptKey(key);
    Json who = Json::Object();
    who.Set("name", Json(key));
    CMS_ASSIGN_OR_RETURN(const std::int64_t locked_for, SecondsLocked(*db, attempt_key, now));
    if (locked_for > 0) {
      result.outcome = AccountSignIn::Outcome::kLocked;
      result.retry_after = locked_for;
      return store::Audit(*db, "anonymous", "console_sign_in_locked", std::nullopt, who,
                          NowIso(ctx));
    }
    CMS_ASSIGN_OR_RETURN(auto account, db->MaybeOne("SELECT id, role, password_hash FROM "
                                                    "accounts WHERE name = ?",
                                                    {store::Value(key)}));
    const bool right = account && key == name && VerifyPin(account->Text(2), password);
    if (!right) {
      CMS_ASSIGN_OR_RETURN(const FailureCount count, CountFailure(ctx, *db, attempt_key, now));
      who.Set("failures", Json(count.failures)).Set("locked", Json(count.locked));
      result.outcome = AccountSignIn::Outcome::kWrongDetails;
      return store::Audit(*db, "anonymous", "console_sign_in_failed", std::nullopt, who,
                          NowIso(ctx));
    }
    CMS_TRY(ClearFailures(*db, attempt_key));
    result.session = RandomToken();  // a new id at every sign-in
    CMS_TRY(db->Exec("INSERT INTO console_sessions (id_hash, account_id, created_at, "
                     "last_seen_at) VALUES (?, ?, ?, ?)",
                     {store::Value(Sha256Hex(result.session)), store::Value(account->Int(0)),
                      store::Value(now), store::Value(now)}));
    result.outcome = AccountSignIn::Outcome::kSignedIn;
    return store::Audit(*db, AccountActor(account->Text(1), key), "console_signed_in",
                        std::nullopt, Json::Object(), NowIso(ctx));
  }));
  return result;
}

Result<std::optional<Caller>> ConsoleCaller(Context& ctx, store::Db& db,
                                            std::string_view session) {
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  const std::string id_hash = Sha256Hex(session);
  CMS_ASSIGN_OR_RETURN(auto row, db.MaybeOne("SELECT a.id, a.name, a.role, s.last_seen_at FROM "
                                             "console_sessions s JOIN accounts a ON a.id = "
                                             "s.account_id WHERE s.id_hash = ?",
                                             {store::Value(id_hash)}));
  if (!row) {
    return std::optional<Caller>();
  }
  CMS_ASSIGN_OR_RETURN(const std::int64_t idle_limit, SessionIdleSeconds(ctx));
  if (now - row->Int(3) > idle_limit) {
    CMS_TRY(db.Exec("DELETE FROM console_sessions WHERE id_hash = ?", {store::Value(id_hash)}));
    return std::optional<Caller>();
  }
  // A console page makes many API calls: last-seen is written at most once a minute.
  if (now - row->Int(3) >= kTouchEverySeconds) {
    CMS_TRY(db.Exec("UPDATE console_sessions SET last_seen_at = ? WHERE id_hash = ?",
                    {store::Value(now), store::Value(id_hash)}));
  }
  Caller caller;
  caller.kind = Caller::Kind::kCaseworker;
  caller.account_id = row->Int(0);
  caller.account_name = row->Text(1);
  caller.role = row->Text(2);
  return std::optional<Caller>(std::move(caller));
}

void EndConsoleSession(Context& ctx, std::string_view session) {
  auto db = ctx.pool.Acquire();
  (void)store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(auto row, db->MaybeOne("SELECT a.name, a.role FROM console_sessions s "
                                                "JOIN accounts a ON a.id = s.account_id WHERE "
                                                "s.id_hash = ?",
                                                {store::Value(Sha256Hex(session))}));
    if (!row) {
      return Ok();
    }
    CMS_TRY(db->Exec("DELETE FROM console_sessions WHERE id_hash = ?",
                     {store::Value(Sha256Hex(session))}));
    return store::Audit(*db, AccountActor(row->Text(1), row->Text(0)), "console_signed_out",
                        std::nullopt, Json::Object(), NowIso(ctx));
  });
}

std::string ConsoleCookieHeader(const std::string& session, bool tls) {
  return CookieHeader(kConsoleCookie, session, "/console", tls);
}

}  // namespace childmaint::api
