// File: attempts.h — counting failed attempts per (case reference, NI number) pair, shared by
// sign-in (session.h) and the one-time PIN codes (pin_codes.h), and per account name for the
// caseworker console (accounts.h: the key ConsoleAttemptKey(name)); and how long an idle session
// lasts (service.portal_security.session_idle_minutes).
//
// After law figure service.portal_security.lock_after_failures failures in a row a pair is locked
// for service.portal_security.lock_minutes (law/service/portal_security.yaml: 5 and 30, api.md),
// and every attempt for it meanwhile, even a right one, is refused (429 with Retry-After). Keys are
// the normalised reference and NI number where they parse, else the text as sent.
// Every function runs inside the caller's transaction. Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/context.h"

namespace childmaint::api {

struct AttemptKey {
  std::string reference;
  std::string ni_number;
};
AttemptKey AttemptKeyFor(std::string_view reference, std::string_view ni);
// The console's key for a name as typed (no case reference is "console", so the two never meet).
AttemptKey ConsoleAttemptKey(std::string_view name);

// Seconds until the pair may try again; 0 when it is not locked.
Result<std::int64_t> SecondsLocked(store::Db& db, const AttemptKey& key, std::int64_t now);

struct FailureCount {
  std::int64_t failures = 0;  // in a row, this one included
  bool locked = false;        // this failure locked the pair
};
// Records one failure, locking the pair when it reaches the limit in force today.
Result<FailureCount> CountFailure(const Context& ctx, store::Db& db, const AttemptKey& key,
                                  std::int64_t now);
// A success: the pair starts again from no failures.
Status ClearFailures(store::Db& db, const AttemptKey& key);
// The lock's length in minutes in force today (for messages).
Result<std::int64_t> LockMinutes(const Context& ctx);
// Seconds without a request after which a session (portal or console) ends, in force today.
Result<std::int64_t> SessionIdleSeconds(const Context& ctx);

}  // namespace childmaint::api
