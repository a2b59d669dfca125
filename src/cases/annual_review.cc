#include "cases/annual_review.h"

#include <algorithm>

#include "schedule/due_dates.h"

namespace childmaint::cases {

namespace {
constexpr int kMonthsPerYear = 12;
}  // namespace

Result<Date> Anniversary(Date ied, int k) {
  return AddMonths(ied, kMonthsPerYear * k, MonthEnd::kClampToLastDay);
}

Result<std::optional<Date>> LatestAnniversaryOnOrBefore(Date ied, Date as_of) {
  // Start from the year difference and step back until the anniversary is not after as_of.
  int k = as_of.year() - ied.year();
  if (k < 1) {
    return std::optional<Date>();
  }
  while (k >= 1) {
    CMS_ASSIGN_OR_RETURN(const Date a, Anniversary(ied, k));
    if (a <= as_of) {
      return std::optional<Date>(a);
    }
    --k;
  }
  return std::optional<Date>();
}

Result<Date> NextAnniversaryAfter(Date ied, Date date) {
  int k = std::max(1, date.year() - ied.year());
  while (true) {
    CMS_ASSIGN_OR_RETURN(const Date a, Anniversary(ied, k));
    if (a > date) {
      return a;
    }
    ++k;
  }
}

Result<Date> FirstPaymentOnOrAfter(Date first_payment_date, schedule::Frequency f, Date date) {
  if (date <= first_payment_date) {
    return first_payment_date;
  }
  // Instalments due strictly before `date` are the ones due on or before the day before it.
  const std::int64_t j = schedule::CountDueBy(first_payment_date, f, date.AddDays(-1));
  return schedule::DueDate(first_payment_date, f, j);
}

Result<std::optional<SharedReview>> SharedReviewDates(std::span<const Date> ieds, Date as_of) {
  if (ieds.empty()) {
    return std::optional<SharedReview>();
  }
  Date earliest = ieds.front();
  for (const Date d : ieds) {
    earliest = std::min(earliest, d);
  }
  CMS_ASSIGN_OR_RETURN(const auto latest, LatestAnniversaryOnOrBefore(earliest, as_of));
  if (!latest) {
    return std::optional<SharedReview>();
  }
  CMS_ASSIGN_OR_RETURN(const Date next, NextAnniversaryAfter(earliest, *latest));
  return std::optional<SharedReview>(SharedReview{*latest, next});
}

}  // namespace childmaint::cases
