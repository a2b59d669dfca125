// Time limits for challenging a decision and the end of qualifying-child status.
// Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 14:
//   https://www.legislation.gov.uk/uksi/2012/2677/regulation/14
// Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 (SI 2008/2685)
//   r 22: https://www.legislation.gov.uk/uksi/2008/2685/rule/22
// Child Support Act 1991 s 55: https://www.legislation.gov.uk/ukpga/1991/48/section/55
// Parameters: law/service/time_limits.yaml, law/service/qualifying_child.yaml.
// Text checked: legislation.gov.uk extracts of r 22 and reg 76 (stored copies), Nov 2026; reg 14
// and s 55 as summarised in rules.md sections 8.5 and 8.8. Status of every figure: unverified.
#include "cases/time_limits.h"

#include <algorithm>
#include <string>

namespace childmaint::cases {

namespace {

constexpr std::string_view kReconsiderationKey = "service.time_limits.reconsideration_within";
constexpr std::string_view kOnlineChangeKey =
    "service.time_limits.online_change_as_reconsideration_within";
constexpr std::string_view kAppealKey = "service.time_limits.appeal_within";
constexpr std::string_view kAppealAbsoluteKey = "service.time_limits.appeal_absolute_within";
constexpr std::string_view kAgeLimitKey = "service.qualifying_child.age_limit";
constexpr std::string_view kEducationAgeLimitKey = "service.qualifying_child.education_age_limit";

// Larger figures than these are data errors, not periods (and keep the int conversions exact).
constexpr std::int64_t kMaxDays = 3660;
constexpr std::int64_t kMaxMonths = 1200;
constexpr std::int64_t kMaxYears = 100;
constexpr int kMonthsPerYear = 12;

Error BadValue(std::string_view key, std::int64_t v) {
  return Error::Make(ErrorCode::kInvalidArgument, "law.bad_value",
                     std::string(key) + ": " + std::to_string(v) + " is not a usable period");
}

Result<std::int64_t> Bounded(std::string_view key, Date on, std::int64_t max,
                             const law::ParameterSet& law) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t v, law.Count(key, on));
  if (v > max) {
    return BadValue(key, v);
  }
  return v;
}

Result<Date> AddDaysFromLaw(Date from, std::string_view key, const law::ParameterSet& law) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t days, Bounded(key, from, kMaxDays, law));
  return from.AddDays(days);
}

Result<int> AgeLimit(std::string_view key, Date on, const law::ParameterSet& law) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t years, Bounded(key, on, kMaxYears, law));
  return static_cast<int>(years);
}

}  // namespace

Result<Date> AddMonthsFromLaw(Date from, std::string_view key, const law::ParameterSet& law) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t months, Bounded(key, from, kMaxMonths, law));
  return AddMonths(from, static_cast<int>(months), MonthEnd::kClampToLastDay);
}

Result<Date> Birthday(Date born, int years) {
  // 29 Feb + n years in a non-leap year: no such day; AgeOn counts the birthday on 1 March.
  if (auto exact = AddMonths(born, years * kMonthsPerYear, MonthEnd::kFail); exact) {
    return *exact;
  }
  CMS_ASSIGN_OR_RETURN(const Date clamped,
                       AddMonths(born, years * kMonthsPerYear, MonthEnd::kClampToLastDay));
  return clamped.AddDays(1);
}

Result<Date> ReconsiderationDeadline(Date notified_on, const law::ParameterSet& law) {
  // reg 14(1)(a): within 30 days of the date of notification; that date itself is day 0.
  return AddDaysFromLaw(notified_on, kReconsiderationKey, law);
}

Result<Date> OnlineChangeReconsiderationDeadline(Date decision_notified_on,
                                                 const law::ParameterSet& law) {
  return AddDaysFromLaw(decision_notified_on, kOnlineChangeKey, law);
}

bool OnlineChangeCountsAsReconsideration(Date decision_notified_on, Date change_reported_on,
                                         const law::ParameterSet& law) {
  const auto last = OnlineChangeReconsiderationDeadline(decision_notified_on, law);
  return last.has_value() && decision_notified_on <= change_reported_on &&
         change_reported_on <= *last;
}

Result<Date> AppealDeadline(Date mr_notice_on, const law::ParameterSet& law) {
  // r 22(2)(d)(i): within 1 month after the date the MR notice was sent.
  return AddMonthsFromLaw(mr_notice_on, kAppealKey, law);
}

Result<Date> AppealAbsoluteDeadline(Date mr_notice_on, const law::ParameterSet& law) {
  // r 22(8): the 1-month limit extended by at most 12 months; counted as 13 months in one step.
  return AddMonthsFromLaw(mr_notice_on, kAppealAbsoluteKey, law);
}

Result<Date> ChildStopsQualifying(Date born, bool in_full_time_non_advanced_education,
                                  std::optional<Date> education_ends,
                                  const law::ParameterSet& law) {
  if (in_full_time_non_advanced_education && education_ends && *education_ends < born) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_education_end",
                       "education cannot end before the child was born", "education_ends");
  }
  // s 55(1)(a): a person who has not attained the age of 16. The limits are read as in force on
  // the later of the birth and the scheme's opening (no figure exists before it).
  const Date read_on = std::max(born, law.scheme_start());
  CMS_ASSIGN_OR_RETURN(const int age_limit, AgeLimit(kAgeLimitKey, read_on, law));
  CMS_ASSIGN_OR_RETURN(const int education_limit, AgeLimit(kEducationAgeLimitKey, read_on, law));
  CMS_ASSIGN_OR_RETURN(const Date sixteenth, Birthday(born, age_limit));
  Date result = sixteenth;
  if (in_full_time_non_advanced_education) {
    // s 55(1)(b): has not attained the age of 20 and satisfies the prescribed conditions
    // (2012 Regs reg 76: a qualifying young person for Child Benefit).
    CMS_ASSIGN_OR_RETURN(const Date twentieth, Birthday(born, education_limit));
    const Date education_end = education_ends ? std::min(*education_ends, twentieth) : twentieth;
    result = std::max(sixteenth, education_end);
  }
  // IMPLICIT: a change of either age limit after read_on would move the answer; refuse to guess.
  if (result > read_on) {
    CMS_ASSIGN_OR_RETURN(const int later_age, AgeLimit(kAgeLimitKey, result, law));
    CMS_ASSIGN_OR_RETURN(const int later_education, AgeLimit(kEducationAgeLimitKey, result, law));
    if (later_age != age_limit || later_education != education_limit) {
      return Error::Make(ErrorCode::kUnimplemented, "law.age_limit_changed",
                         "a qualifying age changes between the 16th birthday and the end date");
    }
  }
  return result;
}

}  // namespace childmaint::cases
