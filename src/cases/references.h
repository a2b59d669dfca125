// File: references.h — the identifiers parents and caseworkers type: case references,
// National Insurance numbers, Get-help (GHACM) references and unique reference indicators (URIs).
//
//   std::string ref = CaseReference(42);                 // "121000000428"-style, check digit last
//   CMS_ASSIGN_OR_RETURN(std::string r, ParseCaseReference("121 0000 0042 8"));
//   CMS_ASSIGN_OR_RETURN(std::string ni, ParseNiNumber("ab 12 34 56 c"));   // "AB123456C"
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace childmaint::cases {

// "121" + the sequence as 8 digits + a Luhn check digit: 12 digits. sequence in [1, 99999999].
std::string CaseReference(std::int64_t sequence);

// Spaces removed; 12 digits beginning 121 with a valid check digit. Anything else is kNotFound
// "case.not_found", exactly like a reference that does not exist (api.md: never probeable).
Result<std::string> ParseCaseReference(std::string_view text);

// HMRC's format: two prefix letters, six digits, a suffix A-D. Case- and space-insensitive.
// Prefix rules: the first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V;
// BG, GB, KN, NK, NT, TN and ZZ are never issued. kInvalidArgument "invalid_field" otherwise.
Result<std::string> ParseNiNumber(std::string_view text);

// 1-32 letters, digits and hyphens.
bool IsGhacmReference(std::string_view text);

// "URI" + the sequence as 9 digits.
std::string UniqueReferenceIndicator(std::int64_t sequence);

}  // namespace childmaint::cases
