// File: annual_review.h — the dates of the annual review (service.md §5): each anniversary of the
// initial effective date (IED), the latest one due, and where the new schedule starts.
//
//   CMS_ASSIGN_OR_RETURN(const auto due, LatestAnniversaryOnOrBefore(ied, as_of));  // nullopt: none
//   CMS_ASSIGN_OR_RETURN(const Date next, NextAnniversaryAfter(ied, *due));
//   CMS_ASSIGN_OR_RETURN(const Date first, FirstPaymentOnOrAfter(old_first, freq, *due));
//
// Anniversary k is AddMonths(ied, 12k, kClampToLastDay) counted from the IED itself, never chained,
// so an IED of 29 Feb gives 28 Feb in common years and 29 Feb again in leap years.
// Thread safety: pure functions of their arguments.
#pragma once

#include <optional>
#include <span>

#include "base/date.h"
#include "base/result.h"
#include "schedule/frequency.h"

namespace childmaint::cases {

// Anniversary k >= 1 of the IED.
Result<Date> Anniversary(Date ied, int k);

// The latest anniversary (k >= 1) on or before as_of; nullopt when the first is after as_of.
// However many anniversaries are due, a case is brought up to date once, from the latest.
Result<std::optional<Date>> LatestAnniversaryOnOrBefore(Date ied, Date as_of);

// The first anniversary strictly after `date`: the case's next review date.
Result<Date> NextAnniversaryAfter(Date ied, Date date);

// The first instalment date of the schedule anchored at first_payment_date that falls on or after
// `date` (first_payment_date itself when `date` is on or before it).
Result<Date> FirstPaymentOnOrAfter(Date first_payment_date, schedule::Frequency f, Date date);

// Linked cases (one paying parent, several receiving parents) share a review date: the
// anniversaries of the earliest IED among them (service.md §2, INTERP-111). `effective` is the
// latest of those on or before as_of, `next_review` the one after; nullopt when none is due yet.
struct SharedReview {
  Date effective;
  Date next_review;
};
Result<std::optional<SharedReview>> SharedReviewDates(std::span<const Date> ieds, Date as_of);

}  // namespace childmaint::cases
