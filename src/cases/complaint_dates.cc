// Complaint due dates. No legislation sets these: they are the service's published standards,
// cited in law/service/complaints.yaml (GOV.UK complaints pages; Commons written answer 26617).
#include "cases/complaint_dates.h"

#include <string>

#include "cases/time_limits.h"
#include "cases/working_days.h"

namespace childmaint::cases {

namespace {

constexpr std::string_view kAcknowledgeKey = "service.complaints.acknowledge_within";
constexpr std::string_view kRespondKey = "service.complaints.respond_within";
constexpr std::string_view kIndependentCaseExaminerKey =
    "service.complaints.independent_case_examiner_within";

}  // namespace

Result<const law::Calendar*> WorkingDayCalendar(const law::ParameterSet& law) {
  const law::Calendar* calendar = law.FindCalendar(kWorkingDayCalendar);
  if (calendar == nullptr) {
    return Error::Make(
        ErrorCode::kFailedPrecondition, "law.no_calendar",
        "the working-day calendar " + std::string(kWorkingDayCalendar) + " is not loaded");
  }
  return calendar;
}

Result<ComplaintDates> ComplaintDueDates(Date received_on, const law::ParameterSet& law) {
  CMS_ASSIGN_OR_RETURN(const law::Calendar* calendar, WorkingDayCalendar(law));
  CMS_ASSIGN_OR_RETURN(const std::int64_t acknowledge, law.Count(kAcknowledgeKey, received_on));
  CMS_ASSIGN_OR_RETURN(const std::int64_t respond, law.Count(kRespondKey, received_on));
  ComplaintDates out;
  CMS_ASSIGN_OR_RETURN(out.acknowledge_by, AddWorkingDays(received_on, acknowledge, *calendar));
  CMS_ASSIGN_OR_RETURN(out.respond_by, AddWorkingDays(received_on, respond, *calendar));
  return out;
}

Result<Date> IndependentCaseExaminerDeadline(Date final_response_on, const law::ParameterSet& law) {
  return AddMonthsFromLaw(final_response_on, kIndependentCaseExaminerKey, law);
}

}  // namespace childmaint::cases
