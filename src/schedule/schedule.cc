// The schedule that follows from a decision, and what is due under it by a date.
// Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989), regulation 4
// ("Payments to be scheduled over reference period"), as substituted by SI 2012/2785 reg 4(2).
// https://www.legislation.gov.uk/uksi/1992/1989/regulation/4
// https://www.legislation.gov.uk/uksi/2012/2785/regulation/4
// Contract: api.md "How the schedule and the statement follow from a decision" (instalments,
// initial arrears, and the statement's due_pence).    Research: rules.md §8.4.
// Golden: tests/golden/schedule/
#include "schedule/schedule.h"

#include <algorithm>

#include "schedule/due_dates.h"
#include "schedule/instalments.h"

namespace childmaint::schedule {

namespace {

// Few callers ask for more than a couple of reference periods; a larger count still works, the
// vector simply grows.
constexpr std::int64_t kReserveAtMost = 1024;

Error Overflow() {
  return Error::Make(ErrorCode::kOutOfRange, "schedule.amount_overflow",
                     "the amounts due are too large to hold");
}

// The checks every entry point makes, so that a bad decision is refused the same way whichever
// figure is asked for first (api.md: "A first_payment_date before effective_date is 422").
Status Validate(const ScheduleTerms& t) {
  if (t.first_payment_date < t.effective_date) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.first_payment_before_effective",
                       "the first payment date must not be before the effective date",
                       "first_payment_date");
  }
  if (t.weekly < Money()) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.negative_weekly",
                       "the weekly amount must not be negative", "weekly_pence");
  }
  if (t.reference_weeks <= 0) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.reference_weeks_not_positive",
                       "the reference period must be a positive number of weeks",
                       "reference_weeks");
  }
  std::int64_t period_total = 0;
  if (__builtin_mul_overflow(t.weekly.pence(), t.reference_weeks, &period_total)) {
    return Overflow();
  }
  return Ok();
}

}  // namespace

Result<std::vector<Instalment>> Instalments(const ScheduleTerms& terms, std::int64_t count) {
  CMS_TRY(Validate(terms));
  if (count < 0) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.negative_count",
                       "the number of instalments must not be negative", "count");
  }
  std::vector<Instalment> out;
  out.reserve(static_cast<std::size_t>(std::min(count, kReserveAtMost)));
  for (std::int64_t j = 0; j < count; ++j) {
    CMS_ASSIGN_OR_RETURN(const Date due, DueDate(terms.first_payment_date, terms.frequency, j));
    out.push_back(
        Instalment{due, InstalmentAmount(terms.weekly, terms.reference_weeks, terms.frequency, j)});
  }
  return out;
}

Result<Money> InitialArrearsOf(const ScheduleTerms& terms) {
  CMS_TRY(Validate(terms));
  return InitialArrears(terms.weekly, terms.effective_date, terms.first_payment_date);
}

Result<std::int64_t> InstalmentsDueBy(const ScheduleTerms& terms, Date as_of) {
  CMS_TRY(Validate(terms));
  return CountDueBy(terms.first_payment_date, terms.frequency, as_of);
}

Result<Money> DueOnOrBefore(const ScheduleTerms& terms, Date as_of) {
  CMS_TRY(Validate(terms));
  // api.md: "due_pence = initial arrears (if due by then)": they fall due on first_payment_date.
  Money arrears;
  if (terms.first_payment_date <= as_of) {
    CMS_ASSIGN_OR_RETURN(arrears, InitialArrearsOf(terms));
  }
  // The k instalments due are k / n whole blocks, each exactly W x reference_weeks (api.md), then
  // k mod n < n instalments of the next block, none of them its last, so each the regular amount.
  const std::int64_t k = CountDueBy(terms.first_payment_date, terms.frequency, as_of);
  const std::int64_t n = InstalmentsPerYear(terms.frequency);
  const std::int64_t regular =
      RegularInstalmentAmount(terms.weekly, terms.reference_weeks, terms.frequency).pence();
  std::int64_t total = arrears.pence();
  std::int64_t blocks = 0;
  std::int64_t partial = 0;
  if (__builtin_mul_overflow(terms.weekly.pence() * terms.reference_weeks, k / n, &blocks) ||
      __builtin_mul_overflow(regular, k % n, &partial) ||
      __builtin_add_overflow(total, blocks, &total) ||
      __builtin_add_overflow(total, partial, &total)) {
    return Overflow();
  }
  return Money::Pence(total);
}

}  // namespace childmaint::schedule
