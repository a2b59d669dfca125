// File: accounts.h — caseworker console accounts: creation, sign-in, sessions (service.md §9).
//
//   CMS_ASSIGN_OR_RETURN(std::string password, CreateAccount(ctx, "caseworker", "casey.w"));
//   CMS_ASSIGN_OR_RETURN(AccountSignIn r, SignInAccount(ctx, "casey.w", password));
//   // r.session goes in the cms_console cookie; Authenticate (router.cc) turns it into a Caller.
//
// Passwords are generated, never chosen, and stored only as Argon2id hashes; session ids only as
// SHA-256. Every wrong part gets the same answer; the parents' lockout figures apply to the name
// as typed (attempts.h: 5 failures in a row lock it for 30 minutes, even for the right password).
// A session ends after the idle time in force (attempts.h SessionIdleSeconds: 30 minutes). Every account creation, sign-in, failure,
// lockout and sign-out is audited with the account as actor.
// Thread safety: reentrant; each call uses its own connection and transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/context.h"

namespace childmaint::api {

// The console session cookie: HttpOnly, SameSite=Strict, Path=/console, Secure behind TLS.
inline constexpr std::string_view kConsoleCookie = "cms_console";

// A new account with a generated password, which is returned (and stored only hashed).
// Errors: kInvalidArgument for a bad role or name (1-64 letters, digits, '.', '-', '_');
// kAlreadyExists "account.name_taken" when the name is in use.
Result<std::string> CreateAccount(Context& ctx, std::string_view role, std::string_view name);

struct AccountSignIn {
  enum class Outcome : std::uint8_t { kSignedIn, kWrongDetails, kLocked };
  Outcome outcome = Outcome::kWrongDetails;
  std::string session;           // the new session id (kSignedIn)
  std::int64_t retry_after = 0;  // seconds (kLocked)
};
Result<AccountSignIn> SignInAccount(Context& ctx, std::string_view name, std::string_view password);

// The signed-in account for a console session id, or nothing when it is unknown or idle for longer
// than the idle time in force (an idle session is deleted); refreshes its last-seen time.
Result<std::optional<Caller>> ConsoleCaller(Context& ctx, store::Db& db, std::string_view session);

// Ends this console session (audited).
void EndConsoleSession(Context& ctx, std::string_view session);

// The Set-Cookie value for a console session id ("" ends it).
std::string ConsoleCookieHeader(const std::string& session, bool tls);

}  // namespace childmaint::api
