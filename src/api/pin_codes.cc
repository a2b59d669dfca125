// One-time PIN set-up and reset codes (service.md §9; api.md). Lifetimes:
// law/service/portal_security.yaml. The outbox stands in for GOV.UK Notify and the letters run.
#include "api/pin_codes.h"

#include <array>
#include <cctype>

#include "api/attempts.h"
#include "api/crypto.h"
#include "api/handler_util.h"
#include "api/session.h"
#include "cases/references.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

// No 0/O, 1/I/L look-alikes: 32 symbols, 5 bits each.
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr std::size_t kCodeLength = 12;
constexpr std::size_t kCodeGroup = 4;
constexpr std::int64_t kSecondsPerMinute = 60;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::string_view kSetUpLifetimeKey = "service.portal_security.set_up_code_valid_for";
constexpr std::string_view kResetLifetimeKey = "service.portal_security.reset_code_valid_for";
constexpr std::string_view kResetsPerDayKey = "service.portal_security.reset_codes_per_day";

std::string Grouped(const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % kCodeGroup == 0) {
      out.push_back('-');
    }
    out.push_back(code[i]);
  }
  return out;
}

std::string LongDate(std::int64_t unix_seconds) {
  const Date d =
      Date::FromDays(std::chrono::sys_days(std::chrono::days(unix_seconds / kSecondsPerDay)));
  return d.ToLongText();
}

// Seconds a code of this purpose stays valid, from the law figures in force today.
Result<std::int64_t> Lifetime(const Context& ctx, CodePurpose purpose) {
  if (purpose == CodePurpose::kSetUp) {
    CMS_ASSIGN_OR_RETURN(const std::int64_t days,
                         ctx.law.Count(kSetUpLifetimeKey, ctx.clock.Today()));
    return days * kSecondsPerDay;
  }
  CMS_ASSIGN_OR_RETURN(const std::int64_t minutes, ResetCodeMinutes(ctx));
  return minutes * kSecondsPerMinute;
}

struct Contact {
  std::string channel;
  std::string recipient;
};

// The party's contact on file: email, else phone (SMS), else address (letter).
std::optional<Contact> ContactOf(const cases::Party& p) {
  if (p.email && !p.email->empty()) {
    return Contact{"email", *p.email};
  }
  if (p.phone && !p.phone->empty()) {
    return Contact{"sms", *p.phone};
  }
  if (p.address) {
    return Contact{"letter", p.name + ", " + p.address->line1 + ", " + p.address->town + ", " +
                                 p.address->postcode};
  }
  return std::nullopt;
}

std::string MessageText(const cases::Case& c, const cases::Party& p, CodePurpose purpose,
                        const std::string& code, std::int64_t lifetime, std::int64_t expires_at) {
  if (purpose == CodePurpose::kSetUp) {
    return "Dear " + p.name + ", your child maintenance case " + c.reference +
           " has been set up. To use the online service, choose a 7-digit PIN: go to Set up "
           "your PIN (/set-pin) and enter your case reference, your National Insurance number "
           "and this set-up code: " + Grouped(code) +
           ". The code can be used once and expires on " + LongDate(expires_at) + ".";
  }
  const std::string minutes = std::to_string(lifetime / kSecondsPerMinute);
  return "Dear " + p.name + ", we were asked to reset the PIN for child maintenance case " +
         c.reference + ". Your reset code is " + Grouped(code) +
         ". Enter it at Set your PIN (/set-pin) within " + minutes +
         " minutes. If you did not ask for this, you can ignore this message: your PIN has not "
         "changed.";
}

// The party these details name, if any: (case, party id).
Result<std::optional<std::pair<cases::Case, std::int64_t>>> FindParty(store::Db& db,
                                                                      std::string_view reference,
                                                                      const AttemptKey& key) {
  auto ref = cases::ParseCaseReference(reference);
  if (!ref) {
    return std::nullopt;
  }
  auto c = store::LoadCase(db, *ref);
  if (!c) {
    if (c.error().code == ErrorCode::kNotFound) {
      return std::nullopt;
    }
    return std::unexpected(c.error());
  }
  for (const cases::Party& p : c->parties) {
    if (p.ni_number && *p.ni_number == key.ni_number) {
      const std::int64_t id = p.id;
      return std::make_pair(std::move(*c), id);
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view PurposeName(CodePurpose p) {
  return p == CodePurpose::kSetUp ? "set_up" : "reset";
}

Result<std::int64_t> ResetCodeMinutes(const Context& ctx) {
  return ctx.law.Count(kResetLifetimeKey, ctx.clock.Today());
}

std::string NormaliseCode(std::string_view typed) {
  std::string out;
  for (const char ch : typed) {
    if (ch == ' ' || ch == '-') {
      continue;
    }
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  return out;
}

Result<std::optional<std::string>> IssueCode(const Context& ctx, store::Db& db,
                                             const cases::Case& c, const cases::Party& party,
                                             CodePurpose purpose, std::string_view actor) {
  const std::string purpose_name(PurposeName(purpose));
  Json detail = Json::Object();  // never the code, nor the contact
  detail.Set("party_id", Json(party.id)).Set("purpose", Json(purpose_name));
  const std::optional<Contact> contact = ContactOf(party);
  if (!contact) {
    detail.Set("reason", Json("no_contact_on_file"));
    CMS_TRY(store::Audit(db, actor, "pin_code_not_sent", c.id, detail, NowIso(ctx)));
    return std::optional<std::string>();
  }
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  CMS_ASSIGN_OR_RETURN(const std::int64_t lifetime, Lifetime(ctx, purpose));
  const std::string code = RandomFrom(kCodeAlphabet, kCodeLength);
  CMS_TRY(
      db.Exec("UPDATE one_time_codes SET superseded_at = ? WHERE party_id = ? AND purpose = ? "
              "AND used_at IS NULL AND superseded_at IS NULL",
              {store::Value(now), store::Value(party.id), store::Value(purpose_name)}));
  CMS_TRY(
      db.Insert("INSERT INTO one_time_codes (party_id, purpose, code_hash, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?)",
                {store::Value(party.id), store::Value(purpose_name), store::Value(Sha256Hex(code)),
                 store::Value(now), store::Value(now + lifetime)}));
  const std::string template_name =
      purpose == CodePurpose::kSetUp ? "pin_set_up_code" : "pin_reset_code";
  CMS_TRY(
      db.Insert("INSERT INTO outbox (case_id, party_id, channel, recipient, template, body, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {store::Value(c.id), store::Value(party.id), store::Value(contact->channel),
                 store::Value(contact->recipient), store::Value(template_name),
                 store::Value(MessageText(c, party, purpose, code, lifetime, now + lifetime)),
                 store::Value(NowIso(ctx))}));
  detail.Set("channel", Json(contact->channel))
      .Set("expires_at", Json(IsoTimestamp(now + lifetime)));
  CMS_TRY(store::Audit(db, actor, "pin_code_issued", c.id, detail, NowIso(ctx)));
  return std::optional<std::string>(code);
}

Status IssueSetUpCodes(const Context& ctx, store::Db& db, const cases::Case& c,
                       std::string_view actor) {
  for (const cases::Party& p : c.parties) {
    if (!p.pin_hash) {
      CMS_TRY(IssueCode(ctx, db, c, p, CodePurpose::kSetUp, actor));
    }
  }
  return Ok();
}

Status RequestPinReset(Context& ctx, std::string_view reference, std::string_view ni) {
  const AttemptKey key = AttemptKeyFor(reference, ni);
  auto db = ctx.pool.Acquire();
  return store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(const std::int64_t locked,
                         SecondsLocked(*db, key, ctx.clock.NowUnixSeconds()));
    CMS_ASSIGN_OR_RETURN(auto found, FindParty(*db, reference, key));
    Json detail = Json::Object();
    if (!found || locked > 0) {
      detail.Set("matched", Json(found.has_value())).Set("locked", Json(locked > 0));
      return store::Audit(*db, "anonymous", "pin_reset_refused", std::nullopt, detail, NowIso(ctx));
    }
    const auto& [c, party_id] = *found;
    // Each request sends a message to the parent: only so many a day, so nobody who knows their
    // reference and NI number can flood their phone or inbox.
    const std::int64_t now = ctx.clock.NowUnixSeconds();
    CMS_ASSIGN_OR_RETURN(const std::int64_t limit,
                         ctx.law.Count(kResetsPerDayKey, ctx.clock.Today()));
    CMS_ASSIGN_OR_RETURN(const store::Row sent,
                         db->One("SELECT COUNT(*) FROM one_time_codes WHERE party_id = ? AND "
                                 "purpose = 'reset' AND created_at > ?",
                                 {store::Value(party_id), store::Value(now - kSecondsPerDay)}));
    if (sent.Int(0) >= limit) {
      detail.Set("matched", Json(true)).Set("daily_limit_reached", Json(true));
      return store::Audit(*db, "anonymous", "pin_reset_refused", c.id, detail, NowIso(ctx));
    }
    CMS_TRY(IssueCode(ctx, *db, c, *c.FindParty(party_id), CodePurpose::kReset, "anonymous"));
    return Ok();
  });
}

Result<CodeResult> SetPinWithCode(Context& ctx, std::string_view reference, std::string_view ni,
                                  std::string_view code, std::string_view new_pin) {
  CMS_TRY(CheckNewPin(new_pin));
  CMS_ASSIGN_OR_RETURN(const std::string pin_hash, HashPin(new_pin, ctx.pin_strength));
  const AttemptKey key = AttemptKeyFor(reference, ni);
  const std::string code_hash = Sha256Hex(NormaliseCode(code));
  const std::int64_t now = ctx.clock.NowUnixSeconds();
  CodeResult result;
  auto db = ctx.pool.Acquire();
  CMS_TRY(store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(const std::int64_t locked, SecondsLocked(*db, key, now));
    if (locked > 0) {
      result.outcome = CodeResult::Outcome::kLocked;
      result.retry_after = locked;
      return store::Audit(*db, "anonymous", "pin_code_locked", std::nullopt, Json::Object(),
                          NowIso(ctx));
    }
    CMS_ASSIGN_OR_RETURN(auto found, FindParty(*db, reference, key));
    std::optional<store::Row> match;
    if (found) {
      CMS_ASSIGN_OR_RETURN(
          const auto codes,
          db->Query("SELECT id, purpose, code_hash FROM one_time_codes WHERE party_id = ? AND "
                    "used_at IS NULL AND superseded_at IS NULL AND expires_at > ?",
                    {store::Value(found->second), store::Value(now)}));
      for (const store::Row& r : codes) {
        if (SameSecret(r.Text(2), code_hash)) {
          match = r;
        }
      }
    }
    if (!match) {
      CMS_ASSIGN_OR_RETURN(const FailureCount count, CountFailure(ctx, *db, key, now));
      Json detail = Json::Object();
      detail.Set("failures", Json(count.failures)).Set("locked", Json(count.locked));
      result.outcome = CodeResult::Outcome::kWrongCode;
      return store::Audit(*db, "anonymous", "pin_code_failed", std::nullopt, detail, NowIso(ctx));
    }
    const auto& [c, party_id] = *found;
    CMS_TRY(db->Exec("UPDATE parties SET pin_hash = ? WHERE id = ?",
                     {store::Value(pin_hash), store::Value(party_id)}));
    CMS_TRY(db->Exec("UPDATE one_time_codes SET used_at = ? WHERE id = ?",
                     {store::Value(now), store::Value(match->Int(0))}));
    CMS_TRY(
        db->Exec("UPDATE one_time_codes SET superseded_at = ? WHERE party_id = ? AND used_at "
                 "IS NULL AND superseded_at IS NULL",
                 {store::Value(now), store::Value(party_id)}));
    CMS_TRY(db->Exec("DELETE FROM sessions WHERE party_id = ?", {store::Value(party_id)}));
    CMS_TRY(ClearFailures(*db, key));
    Json detail = Json::Object();
    detail.Set("party_id", Json(party_id)).Set("purpose", Json(match->Text(1)));
    result.outcome = CodeResult::Outcome::kPinSet;
    result.case_reference = c.reference;
    return store::Audit(*db, "parent:" + std::to_string(party_id), "pin_set_with_code", c.id,
                        detail, NowIso(ctx));
  }));
  return result;
}

}  // namespace childmaint::api
