// File: due_dates.h — when each instalment falls due. Dates only: the amounts are instalments.h
// (cf. Fineract's ScheduledDateGenerator, which produces due dates and nothing else).
//
//   CMS_ASSIGN_OR_RETURN(const Date d, DueDate(first_payment_date, Frequency::kMonthly, 1));
//   // first payment 31 Jan 2024: d is 29 Feb 2024; j = 2 gives 31 Mar 2024, never 29 Mar.
//   CMS_ASSIGN_OR_RETURN(const std::int64_t k, CountDueBy(first_payment_date, f, as_of));
//
// Every date is anchored to the first payment date, so a schedule never drifts (api.md "How the
// schedule and the statement follow from a decision"; C&E Regs reg 4(b), SI 1992/1989 as
// substituted by SI 2012/2785 reg 4, leaves the intervals to the Secretary of State).
// Thread safety: pure functions of their arguments.
#pragma once

#include <cstdint>

#include "base/date.h"
#include "base/result.h"
#include "schedule/frequency.h"

namespace childmaint::schedule {

// The due date of instalment j (j = 0, 1, ...): first_payment_date plus 7j, 14j or 28j days, or,
// monthly, j calendar months later on the first payment's day of the month, or on that month's
// last day where the day does not exist (31 Jan -> 29 Feb 2024 -> 31 Mar -> 30 Apr).
// Errors: kInvalidArgument "schedule.negative_index" (field "index") when j < 0; kOutOfRange
// "schedule.due_date_out_of_range" when the date would fall after 9999-12-31.
Result<Date> DueDate(Date first_payment_date, Frequency f, std::int64_t j);

// How many instalments fall due on or before as_of: the number of j >= 0 with
// DueDate(first_payment_date, f, j) <= as_of (0 when as_of is before the first payment date).
// Computed directly, in constant time, however far away as_of is. Never fails: every date up to
// as_of is representable.
std::int64_t CountDueBy(Date first_payment_date, Frequency f, Date as_of);

}  // namespace childmaint::schedule
