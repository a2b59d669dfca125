#include "api/attempts.h"

#include "cases/references.h"

namespace childmaint::api {

namespace {
constexpr std::string_view kLockAfterKey = "service.portal_security.lock_after_failures";
constexpr std::string_view kLockMinutesKey = "service.portal_security.lock_minutes";
constexpr std::string_view kIdleMinutesKey = "service.portal_security.session_idle_minutes";
constexpr std::int64_t kSecondsPerMinute = 60;
}  // namespace

AttemptKey AttemptKeyFor(std::string_view reference, std::string_view ni) {
  return AttemptKey{cases::ParseCaseReference(reference).value_or(std::string(reference)),
                    cases::ParseNiNumber(ni).value_or(std::string(ni))};
}

AttemptKey ConsoleAttemptKey(std::string_view name) {
  return AttemptKey{"console", std::string(name)};
}

Result<std::int64_t> SessionIdleSeconds(const Context& ctx) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t minutes, ctx.law.Count(kIdleMinutesKey, ctx.clock.Today()));
  return minutes * kSecondsPerMinute;
}

Result<std::int64_t> SecondsLocked(store::Db& db, const AttemptKey& key, std::int64_t now) {
  CMS_ASSIGN_OR_RETURN(auto row,
                       db.MaybeOne("SELECT locked_until FROM sign_in_attempts WHERE "
                                   "case_reference = ? AND ni_number = ?",
                                   {store::Value(key.reference), store::Value(key.ni_number)}));
  return row && row->Int(0) > now ? row->Int(0) - now : 0;
}

Result<std::int64_t> LockMinutes(const Context& ctx) {
  return ctx.law.Count(kLockMinutesKey, ctx.clock.Today());
}

Result<FailureCount> CountFailure(const Context& ctx, store::Db& db, const AttemptKey& key,
                                  std::int64_t now) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t limit, ctx.law.Count(kLockAfterKey, ctx.clock.Today()));
  CMS_ASSIGN_OR_RETURN(const std::int64_t minutes, LockMinutes(ctx));
  CMS_ASSIGN_OR_RETURN(auto row,
                       db.MaybeOne("SELECT failures FROM sign_in_attempts WHERE "
                                   "case_reference = ? AND ni_number = ?",
                                   {store::Value(key.reference), store::Value(key.ni_number)}));
  FailureCount out;
  out.failures = (row ? row->Int(0) : 0) + 1;
  out.locked = out.failures >= limit;
  const std::int64_t locked_until = out.locked ? now + minutes * kSecondsPerMinute : 0;
  CMS_TRY(
      db.Exec("INSERT INTO sign_in_attempts (case_reference, ni_number, failures, "
              "locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (case_reference, ni_number) "
              "DO UPDATE SET failures = excluded.failures, locked_until = "
              "excluded.locked_until",
              {store::Value(key.reference), store::Value(key.ni_number), store::Value(out.failures),
               store::Value(locked_until)}));
  return out;
}

Status ClearFailures(store::Db& db, const AttemptKey& key) {
  return db.Exec("DELETE FROM sign_in_attempts WHERE case_reference = ? AND ni_number = ?",
                 {store::Value(key.reference), store::Value(key.ni_number)});
}

}  // namespace childmaint::api
