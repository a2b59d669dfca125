// Instalment amounts and initial arrears.
// Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989), regulation 4
// ("Payments to be scheduled over reference period"), as substituted by SI 2012/2785 reg 4(2):
// (a) the amount payable over the reference period is worked out assuming the weekly rate will
// not change; (b) it is paid by equal instalments over that period. The reference period is 52
// weeks: Child Support Act 1991 s.29(3A).
// https://www.legislation.gov.uk/uksi/1992/1989/regulation/4
// https://www.legislation.gov.uk/uksi/2012/2785/regulation/4
// https://www.legislation.gov.uk/ukpga/1991/48/section/29
// Contract: api.md "How the schedule and the statement follow from a decision" (the rounding of
// each instalment, the remainder in the last of each block, initial arrears by the day).
// Research: rules.md §8.4 (penny remainder handling UNCONFIRMED in law; api.md fixes it).
// Golden: tests/golden/schedule/
#include "schedule/instalments.h"

#include <limits>

#include "base/check.h"
#include "base/exact_pence.h"

namespace childmaint::schedule {

namespace {
// Initial arrears accrue W / 7 a day (api.md; a day is a seventh of the weekly rate).
constexpr std::int64_t kDaysPerWeek = 7;
}  // namespace

Money RegularInstalmentAmount(Money weekly, std::int64_t reference_weeks, Frequency f) {
  CMS_CHECK(reference_weeks > 0) << "reference_weeks must be positive";
  // reg 4(a): the total for the reference period at an unchanged weekly rate, kept exact.
  const ExactPence period_total = ExactPence(weekly) * reference_weeks;
  // reg 4(b) and api.md: "each is W × 52 ÷ n rounded half-up to the penny".
  return RoundHalfUpToPenny(period_total / InstalmentsPerYear(f));
}

Money InstalmentAmount(Money weekly, std::int64_t reference_weeks, Frequency f, std::int64_t j) {
  CMS_CHECK(j >= 0) << "instalments are numbered from 0";
  const Money regular = RegularInstalmentAmount(weekly, reference_weeks, f);
  const std::int64_t n = InstalmentsPerYear(f);
  if (j % n != n - 1) {
    return regular;
  }
  // api.md: "except the last of each block of n consecutive instalments (j = n−1, 2n−1, …), which
  // takes the difference so that every block adds up to exactly W × 52".
  return weekly * reference_weeks - regular * (n - 1);
}

Result<Money> InitialArrears(Money weekly, Date effective_date, Date first_payment_date) {
  if (first_payment_date < effective_date) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.first_payment_before_effective",
                       "the first payment date must not be before the effective date",
                       "first_payment_date");
  }
  if (weekly < Money()) {
    return Error::Make(ErrorCode::kInvalidArgument, "schedule.negative_weekly",
                       "the weekly amount must not be negative", "weekly_pence");
  }
  // api.md: "W ÷ 7 for each day from effective_date up to, not including, first_payment_date"
  // — exactly the half-open DateRange's Days().
  const std::int64_t days = DateRange{effective_date, first_payment_date}.Days();
  const ExactPence exact = ExactPence(weekly) * days / kDaysPerWeek;
  if (exact > ExactPence::Pence(std::numeric_limits<std::int64_t>::max() - 1)) {
    return Error::Make(ErrorCode::kOutOfRange, "schedule.amount_overflow",
                       "the initial arrears are too large to hold");
  }
  // api.md: "rounded half-up once".
  return RoundHalfUpToPenny(exact);
}

}  // namespace childmaint::schedule
