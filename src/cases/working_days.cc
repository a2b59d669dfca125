#include "cases/working_days.h"

#include <algorithm>
#include <string>

namespace childmaint::cases {

namespace {

constexpr unsigned kSaturday = 5;  // Date::WeekdayIso(): 0 = Monday ... 6 = Sunday
constexpr std::int64_t kDaysPerWeek = 7;
constexpr std::int64_t kWorkingDaysPerWeek = 5;

Error NotCovered(const law::Calendar& calendar, Date d) {
  return Error::Make(ErrorCode::kOutOfRange, "calendar.not_covered",
                     calendar.id + " lists holidays only from " + calendar.covers_from.ToIso() +
                         " until " + calendar.covers_until.ToIso() + ", not for " + d.ToIso());
}

bool IsWeekday(Date d) { return d.WeekdayIso() < kSaturday; }

// Monday-to-Friday days d with a < d <= b (a <= b).
std::int64_t WeekdaysAfterUpTo(Date a, Date b) {
  const std::int64_t span = DaysBetween(a, b);
  std::int64_t n = span / kDaysPerWeek * kWorkingDaysPerWeek;
  for (Date d = a.AddDays(span / kDaysPerWeek * kDaysPerWeek + 1); d <= b; d = d.AddDays(1)) {
    n += IsWeekday(d) ? 1 : 0;
  }
  return n;
}

// Listed weekday holidays d with a < d <= b (a <= b); `holidays` is sorted (lint).
std::int64_t HolidaysAfterUpTo(Date a, Date b, const law::Calendar& calendar) {
  const auto first = std::upper_bound(calendar.holidays.begin(), calendar.holidays.end(), a);
  const auto last = std::upper_bound(first, calendar.holidays.end(), b);
  return std::count_if(first, last, IsWeekday);
}

}  // namespace

bool IsWorkingDay(Date d, const law::Calendar& calendar) {
  return IsWeekday(d) && !calendar.IsHoliday(d);
}

Result<Date> AddWorkingDays(Date from, std::int64_t n, const law::Calendar& calendar) {
  if (!calendar.Covers(from)) {
    return NotCovered(calendar, from);
  }
  const std::int64_t step = n < 0 ? -1 : 1;
  // Count down towards zero without negating n (which overflows for INT64_MIN).
  Date d = from;
  for (std::int64_t left = n; left != 0;) {
    d = d.AddDays(step);
    if (!calendar.Covers(d)) {
      return NotCovered(calendar, d);
    }
    if (IsWorkingDay(d, calendar)) {
      left -= step;
    }
  }
  return d;
}

std::int64_t WorkingDaysBetween(Date a, Date b, const law::Calendar& calendar) {
  if (b < a) {
    return -WorkingDaysBetween(b, a, calendar);
  }
  return WeekdaysAfterUpTo(a, b) - HolidaysAfterUpTo(a, b, calendar);
}

}  // namespace childmaint::cases
