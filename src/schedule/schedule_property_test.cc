// Properties of the schedule (style.md §5: "any n consecutive instalments sum to exactly W x 52").
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "schedule/due_dates.h"
#include "schedule/frequency.h"
#include "schedule/instalments.h"
#include "schedule/schedule.h"

namespace childmaint::schedule {
namespace {

constexpr std::int64_t kRefWeeks = 52;
constexpr std::int64_t kMaxWeekly = 10'000'000'000;  // the contract's bound on amounts: £100m

rc::Gen<Frequency> AnyFrequency() {
  return rc::gen::element(Frequency::kWeekly, Frequency::kFortnightly, Frequency::kFourWeekly,
                          Frequency::kMonthly);
}

// A date between 1 Jan 2000 and 31 Dec 2060.
Date AnyDate() {
  const auto from = std::chrono::sys_days{std::chrono::year{2000} / 1 / 1};
  const auto span = *rc::gen::inRange<int>(0, 61 * 366);
  return Date::FromDays(from + std::chrono::days(span));
}

// Often the month-end days that clamp; otherwise any day.
Date AnyAnchor() {
  if (*rc::gen::inRange(0, 3) == 0) {
    const int year = *rc::gen::inRange(2000, 2061);
    const auto month = *rc::gen::inRange<unsigned>(1, 13);
    const auto last = std::chrono::year_month_day_last{
        std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}};
    const auto back = *rc::gen::inRange<unsigned>(0, 3);
    return *Date::FromYmd(year, month, static_cast<unsigned>(last.day()) - back);
  }
  return AnyDate();
}

std::int64_t Amount(std::int64_t w, std::int64_t r, Frequency f, std::int64_t j) {
  return InstalmentAmount(Money::Pence(w), r, f, j).pence();
}

std::int64_t Abs(std::int64_t x) { return x < 0 ? -x : x; }

RC_GTEST_PROP(ScheduleProperty, EveryBlockSumsToExactlyWTimes52, ()) {
  const auto w = *rc::gen::inRange<std::int64_t>(0, kMaxWeekly);
  const Frequency f = *AnyFrequency();
  const std::int64_t n = InstalmentsPerYear(f);
  const auto block = *rc::gen::inRange<std::int64_t>(0, 2000);
  std::int64_t sum = 0;
  for (std::int64_t j = block * n; j < (block + 1) * n; ++j) {
    sum += Amount(w, kRefWeeks, f, j);
  }
  RC_ASSERT(sum == w * kRefWeeks);
}

RC_GTEST_PROP(ScheduleProperty, BlocksSumExactlyForAnyReferencePeriod, ()) {
  const auto w = *rc::gen::inRange<std::int64_t>(0, kMaxWeekly);
  const auto r = *rc::gen::inRange<std::int64_t>(1, 105);
  const Frequency f = *AnyFrequency();
  const std::int64_t n = InstalmentsPerYear(f);
  const auto block = *rc::gen::inRange<std::int64_t>(0, 100);
  std::int64_t sum = 0;
  for (std::int64_t j = block * n; j < (block + 1) * n; ++j) {
    sum += Amount(w, r, f, j);
  }
  RC_ASSERT(sum == w * r);
}

// Let T = W x R and a = round(T / n). Each regular instalment is within half a penny of T / n:
// |n a - T| <= n / 2. The last is T - (n-1) a, so n last - T = (n-1)(T - n a), giving
// |n last - T| <= (n-1) n / 2, i.e. within (n-1)/2 pence of T / n.
RC_GTEST_PROP(ScheduleProperty, InstalmentsStayCloseToTheExactShare, ()) {
  const auto w = *rc::gen::inRange<std::int64_t>(0, kMaxWeekly);
  const auto r = *rc::gen::element<std::int64_t>(52, 52, 52, 1, 7, 53, 104);
  const Frequency f = *AnyFrequency();
  const std::int64_t n = InstalmentsPerYear(f);
  const std::int64_t t = w * r;
  const std::int64_t a = Amount(w, r, f, 0);
  RC_ASSERT(2 * Abs(n * a - t) <= n);  // within half a penny, so within one
  for (std::int64_t j = 0; j < n - 1; ++j) {
    RC_ASSERT(Amount(w, r, f, j) == a);
  }
  const std::int64_t last = Amount(w, r, f, n - 1);
  RC_ASSERT(2 * Abs(n * last - t) <= (n - 1) * n);
}

// With the real reference period of 52 weeks the bounds are tighter: 52 W / n is whole for
// n = 52, 26, 13, so every instalment is exact; monthly, 52 W / 12 = 13 W / 3 is off a whole
// penny by 0 or 1/3, so the twelfth differs from the others by exactly 0 or 4 pence
// (12 x 1/3), and lies within 11/3 pence of 13 W / 3.
RC_GTEST_PROP(ScheduleProperty, With52WeeksOnlyMonthlyHasARemainderOfFourPence, ()) {
  const auto w = *rc::gen::inRange<std::int64_t>(0, kMaxWeekly);
  const Frequency f = *AnyFrequency();
  const std::int64_t n = InstalmentsPerYear(f);
  const std::int64_t a = Amount(w, kRefWeeks, f, 0);
  const std::int64_t last = Amount(w, kRefWeeks, f, n - 1);
  if (f != Frequency::kMonthly) {
    RC_ASSERT(a * n == w * kRefWeeks);
    RC_ASSERT(last == a);
    return;
  }
  RC_ASSERT(Abs(3 * a - 13 * w) <= 1);
  RC_ASSERT(Abs(last - a) == 4 * Abs(3 * a - 13 * w));  // last - a = 52 W - 12 a
  RC_ASSERT(Abs(3 * last - 13 * w) <= 11);
}

RC_GTEST_PROP(ScheduleProperty, DueOnOrBeforeEqualsTheIterativeSum, ()) {
  ScheduleTerms t;
  t.weekly = Money::Pence(*rc::gen::inRange<std::int64_t>(0, 100'000'000));
  t.frequency = *AnyFrequency();
  t.first_payment_date = AnyAnchor();
  t.effective_date = t.first_payment_date.AddDays(-*rc::gen::inRange<std::int64_t>(0, 400));
  t.reference_weeks = kRefWeeks;
  const Date as_of = t.effective_date.AddDays(*rc::gen::inRange<std::int64_t>(-40, 30 * 366));

  std::int64_t want = 0;
  std::int64_t count = 0;
  if (t.first_payment_date <= as_of) {
    want += InitialArrearsOf(t)->pence();
  }
  for (std::int64_t j = 0;; ++j) {
    const Date due = *DueDate(t.first_payment_date, t.frequency, j);
    if (due > as_of) {
      break;
    }
    want += InstalmentAmount(t.weekly, t.reference_weeks, t.frequency, j).pence();
    ++count;
  }
  const auto got = DueOnOrBefore(t, as_of);
  RC_ASSERT(got.has_value());
  RC_ASSERT(got->pence() == want);
  RC_ASSERT(*InstalmentsDueBy(t, as_of) == count);
}

RC_GTEST_PROP(ScheduleProperty, DueDatesStrictlyIncrease, ()) {
  const Date first = AnyAnchor();
  const Frequency f = *AnyFrequency();
  auto j = *rc::gen::inRange<std::int64_t>(0, 500);
  Date prev = *DueDate(first, f, j);
  for (int k = 0; k < 30; ++k) {
    ++j;
    const Date next = *DueDate(first, f, j);
    RC_ASSERT(prev < next);
    prev = next;
  }
}

RC_GTEST_PROP(ScheduleProperty, MonthlyDueDatesNeverDriftFromTheAnchorDay, ()) {
  const Date first = AnyAnchor();
  const auto j = *rc::gen::inRange<std::int64_t>(0, 1200);
  const Date due = *DueDate(first, Frequency::kMonthly, j);
  const std::int64_t months = (std::int64_t{due.year()} - first.year()) * 12 +
                              (std::int64_t{due.month()} - std::int64_t{first.month()});
  RC_ASSERT(months == j);
  const auto last = std::chrono::year_month_day_last{
      std::chrono::year{due.year()}, std::chrono::month_day_last{std::chrono::month{due.month()}}};
  RC_ASSERT(due.day() == std::min(first.day(), static_cast<unsigned>(last.day())));
}

RC_GTEST_PROP(ScheduleProperty, FixedIntervalDueDatesAreExactMultiplesOfTheStep, ()) {
  const Date first = AnyDate();
  const auto j = *rc::gen::inRange<std::int64_t>(0, 5000);
  const Frequency f =
      *rc::gen::element(Frequency::kWeekly, Frequency::kFortnightly, Frequency::kFourWeekly);
  const std::int64_t step = 364 / InstalmentsPerYear(f);
  RC_ASSERT(DaysBetween(first, *DueDate(first, f, j)) == step * j);
}

}  // namespace
}  // namespace childmaint::schedule
