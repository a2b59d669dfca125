#include "api/session.h"

#include "api/attempts.h"
#include "api/crypto.h"
#include "api/handler_util.h"
#include "api/router.h"
#include "cases/references.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {
constexpr std::size_t kPinDigits = 7;
}  // namespace

Result<SignInResult> SignInParent(Context& ctx, std::string_view reference, std::string_view ni,
                                  std::string_view pin) {
  const AttemptKey key = AttemptKeyFor(reference, ni);
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  SignInResult result;
  auto db = ctx.pool.Acquire();
  CMS_TRY(store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(const std::int64_t locked, SecondsLocked(*db, key, now));
    if (locked > 0) {
      result.outcome = SignInResult::Outcome::kLocked;
      result.retry_after = locked;
      return store::Audit(*db, "anonymous", "sign_in_locked", std::nullopt, Json::Object(),
                          NowIso(ctx));
    }
    std::int64_t case_id = 0;
    std::int64_t party_id = 0;
    if (auto ref = cases::ParseCaseReference(reference); ref && pin.size() == kPinDigits) {
      if (auto c = store::LoadCase(*db, *ref); c) {
        for (const cases::Party& p : c->parties) {
          if (p.ni_number && *p.ni_number == key.ni_number && p.pin_hash &&
              VerifyPin(*p.pin_hash, pin)) {
            case_id = c->id;
            party_id = p.id;
          }
        }
      }
    }
    if (case_id == 0) {
      CMS_ASSIGN_OR_RETURN(const FailureCount count, CountFailure(ctx, *db, key, now));
      Json detail = Json::Object();
      detail.Set("failures", Json(count.failures)).Set("locked", Json(count.locked));
      result.outcome = SignInResult::Outcome::kWrongDetails;
      return store::Audit(*db, "anonymous", "sign_in_failed", std::nullopt, detail, NowIso(ctx));
    }
    CMS_TRY(ClearFailures(*db, key));
    result.session = RandomToken();  // a new id at every sign-in
    CMS_TRY(db->Exec("INSERT INTO sessions (id_hash, case_id, party_id, csrf_token, created_at, "
                     "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                     {store::Value(Sha256Hex(result.session)), store::Value(case_id),
                      store::Value(party_id), store::Value(RandomToken()), store::Value(now),
                      store::Value(now)}));
    result.outcome = SignInResult::Outcome::kSignedIn;
    result.case_reference = key.reference;
    return store::Audit(*db, "parent:" + std::to_string(party_id), "signed_in", case_id,
                        Json::Object(), NowIso(ctx));
  }));
  return result;
}

Status CheckNewPin(std::string_view new_pin) {
  const bool digits = new_pin.size() == kPinDigits &&
                      new_pin.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field", "must be 7 digits",
                       "new_pin");
  }
  return Ok();
}

Status ChangePin(Context& ctx, std::int64_t party_id, std::string_view current_pin,
                 std::string_view new_pin) {
  CMS_TRY(CheckNewPin(new_pin));
  if (new_pin == current_pin) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "must be different from the current PIN", "new_pin");
  }
  CMS_ASSIGN_OR_RETURN(const std::string hash, HashPin(new_pin, ctx.pin_strength));
  auto db = ctx.pool.Acquire();
  return store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(const store::Row row,
                         db->One("SELECT pin_hash, case_id FROM parties WHERE id = ?",
                                 {store::Value(party_id)}));
    if (row.IsNull(0) || !VerifyPin(row.Text(0), current_pin)) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "is not your current PIN", "current_pin");
    }
    CMS_TRY(db->Exec("UPDATE parties SET pin_hash = ? WHERE id = ?",
                     {store::Value(hash), store::Value(party_id)}));
    return store::Audit(*db, "parent:" + std::to_string(party_id), "pin_changed", row.Int(1),
                        Json::Object(), NowIso(ctx));
  });
}

void EndSession(Context& ctx, std::string_view session) {
  auto db = ctx.pool.Acquire();
  (void)store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(auto row, db->MaybeOne("SELECT party_id, case_id FROM sessions WHERE "
                                                "id_hash = ?",
                                                {store::Value(Sha256Hex(session))}));
    if (!row) {
      return Ok();
    }
    CMS_TRY(db->Exec("DELETE FROM sessions WHERE party_id = ?", {store::Value(row->Int(0))}));
    return store::Audit(*db, "parent:" + std::to_string(row->Int(0)), "signed_out", row->Int(1),
                        Json::Object(), NowIso(ctx));
  });
}

std::string CookieHeader(std::string_view name, const std::string& value, std::string_view path,
                         bool tls) {
  std::string h = std::string(name) + "=" + value + "; Path=" + std::string(path) +
                  "; HttpOnly; SameSite=Strict";
  if (value.empty()) {
    h += "; Max-Age=0";
  }
  if (tls) {
    h += "; Secure";
  }
  return h;
}

std::string SessionCookieHeader(const std::string& session, bool tls) {
  return CookieHeader(kSessionCookie, session, "/", tls);
}

}  // namespace childmaint::api
