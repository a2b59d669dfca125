// File: session.h — parents' sign-in, shared by the API (POST /api/v1/session) and the portal.
//
// Case reference + NI number + 7-digit PIN (Argon2id). Every wrong part gets the same answer;
// five failures in a row lock that (reference, NI number) pair for 30 minutes, even for the right
// PIN (api.md, service.md §9; the figures are in law/service/portal_security.yaml, attempts.h).
// A session id is stored only as its SHA-256; the cookie is HttpOnly, SameSite=Strict, Secure
// behind TLS. Every sign-in, failure and lockout is audited.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/context.h"

namespace childmaint::api {

struct SignInResult {
  enum class Outcome : std::uint8_t { kSignedIn, kWrongDetails, kLocked };
  Outcome outcome = Outcome::kWrongDetails;
  std::string session;          // the new session id (kSignedIn)
  std::string case_reference;   // normalised (kSignedIn)
  std::int64_t retry_after = 0;  // seconds (kLocked)
};

inline constexpr std::string_view kWrongDetailsMessage =
    "We could not sign you in with those details.";

Result<SignInResult> SignInParent(Context& ctx, std::string_view reference, std::string_view ni,
                                  std::string_view pin);
// A new PIN is 7 digits: kInvalidArgument naming new_pin otherwise (ChangePin, pin_codes.h).
Status CheckNewPin(std::string_view new_pin);
// A signed-in parent changes their PIN: the current one must match; the new one is 7 digits and
// different. Errors: kInvalidArgument naming current_pin or new_pin.
Status ChangePin(Context& ctx, std::int64_t party_id, std::string_view current_pin,
                 std::string_view new_pin);

// Ends every session of the party signed in with this session id.
void EndSession(Context& ctx, std::string_view session);
// The Set-Cookie value for a session id ("" ends it).
std::string SessionCookieHeader(const std::string& session, bool tls);
// Any of our cookies: HttpOnly, SameSite=Strict, Secure behind TLS; an empty value ends it.
std::string CookieHeader(std::string_view name, const std::string& value, std::string_view path,
                         bool tls);

}  // namespace childmaint::api
