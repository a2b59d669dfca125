// File: frequency.h — how often a paying parent's instalments fall due.
//
//   CMS_ASSIGN_OR_RETURN(const Frequency f, ParseFrequency("four_weekly"));
//   std::int64_t n = InstalmentsPerYear(f);        // 13
//   std::string_view name = FrequencyName(f);      // "four_weekly"
//
// The names are api.md's ("weekly", "fortnightly", "four_weekly", "monthly"); the set of four is
// rules.md §8.4 (the DEO pay periods, the NI application checklist). The law leaves the interval
// to the Secretary of State: C&E Regs reg 4(b) (SI 1992/1989, substituted by SI 2012/2785 reg 4).
// Thread safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/result.h"

namespace childmaint::schedule {

enum class Frequency : std::uint8_t { kWeekly, kFortnightly, kFourWeekly, kMonthly };

// n, the number of instalments in one 52-week reference period: 52, 26, 13 or 12 (api.md).
constexpr std::int64_t InstalmentsPerYear(Frequency f) {
  switch (f) {
    case Frequency::kWeekly:
      return 52;
    case Frequency::kFortnightly:
      return 26;
    case Frequency::kFourWeekly:
      return 13;
    case Frequency::kMonthly:
      return 12;
  }
  return 12;  // unreachable: every enumerator is handled above
}

// The api.md name of f.
constexpr std::string_view FrequencyName(Frequency f) {
  switch (f) {
    case Frequency::kWeekly:
      return "weekly";
    case Frequency::kFortnightly:
      return "fortnightly";
    case Frequency::kFourWeekly:
      return "four_weekly";
    case Frequency::kMonthly:
      return "monthly";
  }
  return "monthly";  // unreachable: every enumerator is handled above
}

// The frequency named `name`, exactly as api.md spells it (case-sensitive).
// Errors: kInvalidArgument, reason "schedule.unknown_frequency", field "frequency".
inline Result<Frequency> ParseFrequency(std::string_view name) {
  for (const Frequency f :
       {Frequency::kWeekly, Frequency::kFortnightly, Frequency::kFourWeekly, Frequency::kMonthly}) {
    if (name == FrequencyName(f)) {
      return f;
    }
  }
  return Error::Make(ErrorCode::kInvalidArgument, "schedule.unknown_frequency",
                     "frequency must be weekly, fortnightly, four_weekly or monthly", "frequency");
}

}  // namespace childmaint::schedule
