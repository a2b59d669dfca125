// File: complaint_dates.h — due dates for a complaint (service.md s 7; rules.md s 10.3).
//
//   CMS_ASSIGN_OR_RETURN(const ComplaintDates due, ComplaintDueDates(received_on, law));
//   const bool overdue = today > due.respond_by;
//   CMS_ASSIGN_OR_RETURN(const Date ice_by, IndependentCaseExaminerDeadline(responded_on, law));
//
// Figures: law/service/complaints.yaml (acknowledge within 2 working days, answer within 15 working
// days, refer to the Independent Case Examiner within 6 months of the final response), each read as
// in force on the day the period starts. Working days exclude England and Wales bank holidays
// (law/calendars/bank_holidays_england_and_wales.yaml; service.md section 7 names that calendar for
// the whole service). Counting: the day of receipt is day 0 (cases/working_days.h), so the dates
// returned are the last days on which the step is on time.
// Errors: kFailedPrecondition "law.no_value_in_force" before the scheme opened (2012-12-10);
// kFailedPrecondition "law.no_calendar" when the calendar is not loaded; kOutOfRange
// "calendar.not_covered" when a due date would fall outside the calendar (after 2030).
// Thread safety: pure functions.
#pragma once

#include "base/date.h"
#include "base/result.h"
#include "law/parameter_set.h"

namespace childmaint::cases {

inline constexpr std::string_view kWorkingDayCalendar = "calendars.bank_holidays_england_and_wales";

struct ComplaintDates {
  Date acknowledge_by;  // last day to acknowledge (inclusive)
  Date respond_by;      // last day for the Complaints Resolution Team's answer (inclusive)
};

Result<ComplaintDates> ComplaintDueDates(Date received_on, const law::ParameterSet& law);

// The last day (inclusive) on which the complainant may refer the complaint to the Independent
// Case Examiner: the same day of the month, 6 months after the final response, clamped to the
// month's last day when that day does not exist (31 Aug -> 28/29 Feb).
Result<Date> IndependentCaseExaminerDeadline(Date final_response_on, const law::ParameterSet& law);

// The working-day calendar, or kFailedPrecondition "law.no_calendar".
Result<const law::Calendar*> WorkingDayCalendar(const law::ParameterSet& law);

}  // namespace childmaint::cases
