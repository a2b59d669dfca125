// Due dates of a schedule of instalments.
// Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989), regulation 4
// ("Payments to be scheduled over reference period"), as substituted by SI 2012/2785 reg 4(2):
// reg 4(b) lets the Secretary of State require equal instalments "at such intervals as the
// Secretary of State may decide".
// https://www.legislation.gov.uk/uksi/1992/1989/regulation/4
// https://www.legislation.gov.uk/uksi/2012/2785/regulation/4
// Contract: api.md "How the schedule and the statement follow from a decision" (the intervals and
// the month-end rule).    Research: rules.md §8.4.    Golden: tests/golden/schedule/
#include "schedule/due_dates.h"

#include <chrono>

#include "base/check.h"

namespace childmaint::schedule {

namespace {

constexpr std::int64_t kMonthsPerYear = 12;
// The last date Date can hold (Date::FromYmd accepts years 1..9999).
constexpr std::chrono::sys_days kLastDate{std::chrono::year{9999} / std::chrono::December / 31};

// Days between instalments at a fixed-interval frequency; 0 for monthly.
constexpr std::int64_t DaysPerInstalment(Frequency f) {
  switch (f) {
    case Frequency::kWeekly:
      return 7;
    case Frequency::kFortnightly:
      return 14;
    case Frequency::kFourWeekly:
      return 28;
    case Frequency::kMonthly:
      return 0;
  }
  return 0;
}

// Calendar months from the month of `from` to the month of `to` (negative when `to` is earlier).
std::int64_t MonthsBetween(Date from, Date to) {
  return (std::int64_t{to.year()} - from.year()) * kMonthsPerYear +
         (std::int64_t{to.month()} - std::int64_t{from.month()});
}

Error OutOfRange() {
  return Error::Make(ErrorCode::kOutOfRange, "schedule.due_date_out_of_range",
                     "the instalment would fall due after the last date the service can hold");
}

}  // namespace

Result<Date> DueDate(Date first_payment_date, Frequency f, std::int64_t j) {
  if (j < 0) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.negative_index",
                       "instalments are numbered from 0", "index");
  }
  const Date last = Date::FromDays(kLastDate);
  const std::int64_t step = DaysPerInstalment(f);
  if (step > 0) {
    // api.md: "the j-th instalment (j = 0, 1, …) is due 7j, 14j or 28j days later".
    if (j > DaysBetween(first_payment_date, last) / step) {
      return OutOfRange();
    }
    return first_payment_date.AddDays(step * j);
  }
  // api.md: "or, monthly, j months later on the same day of the month, or that month's last day
  // where the day does not exist". Counting j months from the anchor each time (never one month
  // from the previous due date) is what keeps 31 Jan -> 29 Feb -> 31 Mar from drifting to 29 Mar.
  if (j > MonthsBetween(first_payment_date, last)) {
    return OutOfRange();
  }
  return AddMonths(first_payment_date, static_cast<int>(j), MonthEnd::kClampToLastDay);
}

std::int64_t CountDueBy(Date first_payment_date, Frequency f, Date as_of) {
  if (as_of < first_payment_date) {
    return 0;
  }
  const std::int64_t step = DaysPerInstalment(f);
  if (step > 0) {
    return DaysBetween(first_payment_date, as_of) / step + 1;
  }
  // Instalment m falls due in as_of's own month; it counts only if it is not after as_of.
  const std::int64_t m = MonthsBetween(first_payment_date, as_of);
  const Result<Date> due = DueDate(first_payment_date, f, m);
  CMS_CHECK(due.has_value()) << "a due date in the month of a valid date is representable";
  return *due <= as_of ? m + 1 : m;
}

}  // namespace childmaint::schedule
