// File: time_limits.h — the time limits for challenging a decision (service.md section 5; rules.md
// section 8.5) and the date a child stops qualifying (service.md section 8; rules.md section 8.8).
//
//   CMS_ASSIGN_OR_RETURN(const Date mr_by, ReconsiderationDeadline(notified_on, law));
//   const bool in_time = requested_on <= mr_by;
//   CMS_ASSIGN_OR_RETURN(const Date appeal_by, AppealDeadline(mr_notice_on, law));
//
// Every deadline returned is the LAST day on which the act is in time (inclusive): the day the
// period runs from is excluded and the period's last day is included, as statutory periods "within
// N days / 1 month of" an event are read (the corresponding-date rule, Dodds v Walker [1981] 1 WLR
// 1027, for months). Months: the same day of the month N months on, clamped to that month's last
// day when it has no such day (31 Jan + 1 month = 28/29 Feb; MonthEnd::kClampToLastDay, never 2 or
// 3 Mar). Days: plain calendar days (weekends and bank holidays count; a deadline falling on one is
// not moved).
// Figures: law/service/time_limits.yaml and law/service/qualifying_child.yaml, read as in force on
// the date the period runs from.
// Errors: kFailedPrecondition "law.no_value_in_force" before the scheme opened (2012-12-10);
// kInvalidArgument "law.bad_value" for an unusable figure; kInvalidArgument "date.invalid" when a
// result would fall outside years 1..9999.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "base/date.h"
#include "base/result.h"
#include "law/parameter_set.h"

namespace childmaint::cases {

// Mandatory reconsideration (2012 Regs reg 14(1)(a): "within 30 days of the date of notification"):
// notified_on + 30 days. Notified 1 March: a request made on 31 March is in time, 1 April is late
// (a late request may still be accepted under reg 15; that is a caseworker decision, not a date).
Result<Date> ReconsiderationDeadline(Date notified_on, const law::ParameterSet& law);

// Last day (inclusive) on which a change reported online counts as a reconsideration request:
// decision_notified_on + 32 days (Commons written answer, April 2024: "within 32 days of the
// original decision"; practice, not legislation). The caller decides that the change is linked to
// the decision; this is only the date test.
Result<Date> OnlineChangeReconsiderationDeadline(Date decision_notified_on,
                                                 const law::ParameterSet& law);
// decision_notified_on <= change_reported_on <= OnlineChangeReconsiderationDeadline(...). False,
// never an error, when no period is in force (a decision before the scheme opened); callers that
// need the reason use OnlineChangeReconsiderationDeadline.
bool OnlineChangeCountsAsReconsideration(Date decision_notified_on, Date change_reported_on,
                                         const law::ParameterSet& law);

// First-tier Tribunal appeal (SI 2008/2685 r 22(2)(d)(i): "within 1 month after the date on which
// the appellant was sent notice of the result of mandatory reconsideration"): mr_notice_on + 1
// month, clamped. Notice sent 31 January 2025: the last day is 28 February 2025.
Result<Date> AppealDeadline(Date mr_notice_on, const law::ParameterSet& law);

// Absolute limit for a late appeal (r 22(8): no extension beyond 12 months after the 1-month
// limit): mr_notice_on + 13 months in one step, clamped. Counting 13 months in one step can be one
// day later than 1 month and then 12 (31 Jan 2023: one step gives 29 Feb 2024, two steps 28 Feb
// 2024); the one step follows the "13 months" the service publishes and favours the appellant.
Result<Date> AppealAbsoluteDeadline(Date mr_notice_on, const law::ParameterSet& law);

// The first day on which the child is no longer a qualifying child by age or education (1991 Act
// s 55(1) as substituted by the 2008 Act s 42):
//  - not in full-time non-advanced education or approved training: the 16th birthday;
//  - in it: the earlier of `education_ends` and the 20th birthday, but never before the 16th
//    birthday (a child under 16 qualifies anyway). `education_ends` is the first day the child is
//    no longer in that education or training; nullopt means no end is known (the 20th birthday).
//    It is ignored when the child is not in such education.
// Birthdays follow AgeOn (base/date.h): someone born on 29 February attains an age on 1 March in a
// year that is not a leap year, so AgeOn(born, result) is the age limit and AgeOn(born, result - 1
// day) is one less. The age limits are read as in force on the later of `born` and the scheme's
// opening, and must still hold on the result; a change of limit in between is not modelled and
// returns kUnimplemented "law.age_limit_changed" rather than guess.
// Errors (besides the above): kInvalidArgument "invalid_education_end" when education_ends is
// before `born`.
Result<Date> ChildStopsQualifying(Date born, bool in_full_time_non_advanced_education,
                                  std::optional<Date> education_ends, const law::ParameterSet& law);

// The date `years` after `born` on which someone born then attains that age (29 Feb -> 1 Mar in a
// non-leap year), as AgeOn counts.
Result<Date> Birthday(Date born, int years);

// `from` plus the number of months the law figure `key` holds on `from`, clamped at a month end.
// Shared by the month-based deadlines here and in complaint_dates.h.
Result<Date> AddMonthsFromLaw(Date from, std::string_view key, const law::ParameterSet& law);

}  // namespace childmaint::cases
