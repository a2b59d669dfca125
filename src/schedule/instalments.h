// File: instalments.h — how much each instalment is, and the initial arrears. Amounts only: the
// dates are due_dates.h.
//
//   // W = £87.56 a week, monthly: 12 instalments a reference period.
//   Money a = InstalmentAmount(Money::Pence(8756), 52, Frequency::kMonthly, 0);    // 37943
//   Money z = InstalmentAmount(Money::Pence(8756), 52, Frequency::kMonthly, 11);   // 37939
//   // 11 x 37943 + 37939 = 455312 = 8756 x 52 exactly.
//   CMS_ASSIGN_OR_RETURN(const Money arrears, InitialArrears(weekly, effective, first_payment));
//
// Units: integer pence. `reference_weeks` is the length of the reference period in weeks, 52
// (Child Support Act 1991 s.29(3A); C&E Regs reg 4, SI 1992/1989 as substituted by SI 2012/2785
// reg 4), passed in by the caller rather than written here as a constant (style.md §3).
// Rounding: RoundHalfUpToPenny only, where api.md rounds (each instalment; initial arrears once).
// Thread safety: pure functions of their arguments.
#pragma once

#include <cstdint>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "schedule/frequency.h"

namespace childmaint::schedule {

// W x reference_weeks / n rounded half-up to the penny: every instalment except the last of each
// block of n. Requires reference_weeks > 0 (checked).
Money RegularInstalmentAmount(Money weekly, std::int64_t reference_weeks, Frequency f);

// The amount of instalment j (j = 0, 1, ...), where n = InstalmentsPerYear(f): the regular amount
// above, except that the last instalment of each block of n (j = n-1, 2n-1, ...) takes the
// difference, so that every block of n adds up to exactly W x reference_weeks. W may be 0.
// Requires j >= 0, reference_weeks > 0 and W x reference_weeks within int64 (checked: a caller's
// bug; schedule.h validates terms from input before calling).
Money InstalmentAmount(Money weekly, std::int64_t reference_weeks, Frequency f, std::int64_t j);

// Initial arrears: W / 7 for each day from effective_date up to, not including,
// first_payment_date, rounded half-up once; 0 when the two dates are equal (api.md).
// Errors: kInvalidArgument "schedule.first_payment_before_effective" (field
// "first_payment_date") when first_payment_date is before effective_date; kInvalidArgument
// "schedule.negative_weekly" (field "weekly_pence") when W < 0; kOutOfRange
// "schedule.amount_overflow" when the amount does not fit in 64-bit pence.
Result<Money> InitialArrears(Money weekly, Date effective_date, Date first_payment_date);

}  // namespace childmaint::schedule
