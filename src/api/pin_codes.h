// File: pin_codes.h — one-time codes for choosing a PIN: set-up codes for parties without a PIN
// when their case is created (api.md), and reset codes on request (service.md §9).
//
//   CMS_TRY(IssueSetUpCodes(ctx, db, c, caller.Actor()));          // inside CreateCase's
//   transaction CMS_TRY(RequestPinReset(ctx, "121 0000 0042 8", "ab 12 34 56 c"));   // same answer
//   either way CMS_ASSIGN_OR_RETURN(CodeResult r, SetPinWithCode(ctx, ref, ni, "K7QM-4TXR-9PLC",
//   "4827163"));
//
// A code is 12 characters from an alphabet without look-alikes (60 bits), shown as XXXX-XXXX-XXXX
// and typed with or without hyphens, spaces or capitals. Only its SHA-256 is stored
// (one_time_codes); it goes to the party's contact on file through the outbox (email if on file,
// else an SMS to the phone, else a letter to the address) and never into the audit trail or logs.
// Lifetimes are law figures (law/service/portal_security.yaml): set-up 28 days, reset 30 minutes.
// A new code supersedes the party's older unused codes of the same purpose; a code is used once.
// Either purpose sets the PIN. A wrong, expired, used or superseded code is one answer, and counts
// as a failed attempt for the (reference, NI number) pair like a wrong PIN (attempts.h).
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/context.h"
#include "cases/model.h"

namespace childmaint::api {

enum class CodePurpose : std::uint8_t { kSetUp, kReset };
std::string_view PurposeName(CodePurpose p);  // "set_up", "reset"

inline constexpr std::string_view kResetRequestedMessage =
    "If the details match our records we have sent a code to the email address, phone or postal "
    "address we hold for you. Use it to choose a new PIN.";
inline constexpr std::string_view kWrongCodeMessage =
    "That code is not valid. Check it, or ask for a new code.";

// Minutes a reset code stays valid, in force today (for what pages tell parents).
Result<std::int64_t> ResetCodeMinutes(const Context& ctx);

// A typed code as stored: letters in capitals, spaces and hyphens dropped.
std::string NormaliseCode(std::string_view typed);

// Issues a code of this purpose to the party (of case c) through the outbox and audits it. Returns
// the code as sent, or nothing when the party has no contact on file (audited as not sent).
// Runs inside the caller's transaction.
Result<std::optional<std::string>> IssueCode(const Context& ctx, store::Db& db,
                                             const cases::Case& c, const cases::Party& party,
                                             CodePurpose purpose, std::string_view actor);

// A new case: a set-up code for each party without a PIN. Inside the caller's transaction.
Status IssueSetUpCodes(const Context& ctx, store::Db& db, const cases::Case& c,
                       std::string_view actor);

// A reset code for the party these details name, unless nothing matches or the pair is locked;
// the caller answers the same in every case. One transaction.
Status RequestPinReset(Context& ctx, std::string_view reference, std::string_view ni);

struct CodeResult {
  enum class Outcome : std::uint8_t { kPinSet, kWrongCode, kLocked };
  Outcome outcome = Outcome::kWrongCode;
  std::int64_t retry_after = 0;  // seconds (kLocked)
  std::string case_reference;    // normalised (kPinSet)
};
// Sets the PIN of the party the details name when the code is theirs, unexpired and unused: marks
// it used (and the party's other codes superseded), ends the party's sessions and clears the
// pair's failures. Errors: kInvalidArgument naming new_pin when it is not 7 digits. One
// transaction.
Result<CodeResult> SetPinWithCode(Context& ctx, std::string_view reference, std::string_view ni,
                                  std::string_view code, std::string_view new_pin);

}  // namespace childmaint::api
