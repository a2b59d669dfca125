// Mandatory reconsideration and appeal rules (SI 2012/2677 regs 14-15; SI 2008/2685 r 22).
#include "cases/reconsideration.h"

#include "cases/time_limits.h"

namespace childmaint::cases {

Result<bool> ReconsiderationInTime(Date notified_on, Date requested_on,
                                   const law::ParameterSet& law) {
  if (requested_on < notified_on) {
    return Error::Make(ErrorCode::kInvalidArgument, "requested_on.before_notice",
                       "a reconsideration cannot be requested before the decision was notified",
                       "requested_on");
  }
  CMS_ASSIGN_OR_RETURN(const Date by, ReconsiderationDeadline(notified_on, law));
  return requested_on <= by;
}

Result<bool> AppealInTime(Date mr_decided_on, Date lodged_on, const law::ParameterSet& law) {
  if (lodged_on < mr_decided_on) {
    return Error::Make(ErrorCode::kInvalidArgument, "lodged_on.before_outcome",
                       "an appeal cannot be lodged before the reconsideration's outcome",
                       "lodged_on");
  }
  CMS_ASSIGN_OR_RETURN(const Date by, AppealDeadline(mr_decided_on, law));
  if (lodged_on <= by) {
    return true;
  }
  CMS_ASSIGN_OR_RETURN(const Date absolute, AppealAbsoluteDeadline(mr_decided_on, law));
  if (lodged_on > absolute) {
    return Error::Make(ErrorCode::kFailedPrecondition, "appeal.out_of_time",
                       "the appeal is beyond the absolute time limit of 13 months after the "
                       "reconsideration notice (" + absolute.ToIso() + ")");
  }
  return false;
}

Result<std::string> ReconsiderationOutcome(std::string_view status, std::string_view outcome) {
  if (outcome != "revised" && outcome != "upheld") {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "outcome must be revised or upheld", "outcome");
  }
  if (status != "open") {
    return Error::Make(ErrorCode::kFailedPrecondition, "reconsideration.decided",
                       "this reconsideration already has an outcome (" + std::string(status) + ")");
  }
  return std::string(outcome);
}

Result<std::string> AppealOutcome(std::string_view status, std::string_view outcome) {
  if (outcome != "allowed" && outcome != "dismissed") {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "outcome must be allowed or dismissed", "outcome");
  }
  if (status != "lodged") {
    return Error::Make(ErrorCode::kFailedPrecondition, "appeal.decided",
                       "this appeal already has an outcome (" + std::string(status) + ")");
  }
  return std::string(outcome);
}

}  // namespace childmaint::cases
