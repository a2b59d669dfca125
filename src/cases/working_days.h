// File: working_days.h — counting working days: Monday to Friday, except the holidays a calendar
// (law/calendars/, law::Calendar) lists.
//
//   const law::Calendar* ew = law.FindCalendar("calendars.bank_holidays_england_and_wales");
//   CMS_ASSIGN_OR_RETURN(const Date due, AddWorkingDays(received_on, 15, *ew));
//   const std::int64_t late_by = WorkingDaysBetween(due, today, *ew);   // > 0: overdue
//
// Counting convention: the starting date is day 0 and is never counted, whether or not it is a
// working day; day 1 is the first working day after it. So a complaint received on Friday
// 2 May 2025 (bank holiday Monday 5 May) is 2 working days old on Wednesday 7 May.
// Coverage: a calendar only knows the holidays inside [covers_from, covers_until). AddWorkingDays
// refuses to answer outside it; IsWorkingDay and WorkingDaysBetween are total and treat a weekday
// outside it as a working day (no holiday is known there), so check Calendar::Covers() first when
// that matters.
// Thread safety: pure functions.
#pragma once

#include <cstdint>

#include "base/date.h"
#include "base/result.h"
#include "law/calendar.h"

namespace childmaint::cases {

// Monday to Friday and not a listed holiday.
bool IsWorkingDay(Date d, const law::Calendar& calendar);

// The n-th working day after `from` (n > 0), the |n|-th working day before it (n < 0), or `from`
// itself (n == 0). Errors: kOutOfRange "calendar.not_covered" when `from` or any day the count
// passes through lies outside the calendar's coverage.
Result<Date> AddWorkingDays(Date from, std::int64_t n, const law::Calendar& calendar);

// Working days d with a < d <= b (so WorkingDaysBetween(x, AddWorkingDays(x, n)) == n); the
// negative of the count over b < d <= a when b is before a; 0 when a == b.
std::int64_t WorkingDaysBetween(Date a, Date b, const law::Calendar& calendar);

}  // namespace childmaint::cases
