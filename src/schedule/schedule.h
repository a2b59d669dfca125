// File: schedule.h — the schedule of instalments that follows from a decision, and what is due
// under it by a date (api.md "How the schedule and the statement follow from a decision").
//
//   ScheduleTerms t{.weekly = Money::Pence(9600), .frequency = Frequency::kMonthly,
//                   .effective_date = *Date::ParseIso("2024-01-03"),
//                   .first_payment_date = *Date::ParseIso("2024-01-31"), .reference_weeks = 52};
//   CMS_ASSIGN_OR_RETURN(const auto first12, Instalments(t, 12));   // 31 Jan, 29 Feb, 31 Mar, ...
//   CMS_ASSIGN_OR_RETURN(const Money arrears, InitialArrearsOf(t));  // 28 days: 38400
//   CMS_ASSIGN_OR_RETURN(const Money due, DueOnOrBefore(t, *Date::ParseIso("2024-03-01")));
//   // due == 38400 + 41600 + 41600 == 121600
//
// Units: integer pence. W (`weekly`) is what the paying parent owes this receiving parent each
// week: the contract's paying_parent_pays_pence (with the 20 % fee under Collect and Pay). The
// caller passes reference_weeks = 52 (Child Support Act 1991 s.29(3A); C&E Regs reg 4, SI
// 1992/1989 as substituted by SI 2012/2785 reg 4).
//
// Errors (every function validates the terms first):
//   kInvalidArgument "schedule.first_payment_before_effective", field "first_payment_date";
//   kInvalidArgument "schedule.negative_weekly", field "weekly_pence";
//   kInvalidArgument "schedule.reference_weeks_not_positive", field "reference_weeks";
//   kOutOfRange "schedule.amount_overflow" when W x reference_weeks, or a total, exceeds int64;
//   kOutOfRange "schedule.due_date_out_of_range" for an instalment after 9999-12-31.
// Thread safety: pure functions of their arguments; no I/O, clock or globals.
#pragma once

#include <cstdint>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "schedule/frequency.h"

namespace childmaint::schedule {

struct Instalment {
  Date due_date;
  Money amount;
  friend bool operator==(const Instalment&, const Instalment&) = default;
};

struct ScheduleTerms {
  Money weekly;  // W, pence a week, >= 0
  Frequency frequency = Frequency::kMonthly;
  Date effective_date;               // initial arrears accrue from here
  Date first_payment_date;           // instalment 0 and the initial arrears fall due here
  std::int64_t reference_weeks = 0;  // 52; see above
};

// The first `count` instalments (j = 0 .. count-1), in date order.
// Errors: as above; kInvalidArgument "schedule.negative_count" (field "count") when count < 0.
Result<std::vector<Instalment>> Instalments(const ScheduleTerms& terms, std::int64_t count);

// The initial arrears (due on first_payment_date; never an instalment). 0 when
// effective_date == first_payment_date.
Result<Money> InitialArrearsOf(const ScheduleTerms& terms);

// How many instalments fall due on or before as_of (0 before the first payment date).
Result<std::int64_t> InstalmentsDueBy(const ScheduleTerms& terms, Date as_of);

// The statement's due_pence as_of a date: the initial arrears if first_payment_date <= as_of,
// plus every instalment due on or before as_of. Constant time however far away as_of is (whole
// blocks of n add up to exactly W x reference_weeks), and equal to summing Instalments().
Result<Money> DueOnOrBefore(const ScheduleTerms& terms, Date as_of);

}  // namespace childmaint::schedule
