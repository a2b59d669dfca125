// File: reconsideration.h — mandatory reconsideration and First-tier Tribunal appeal: whether a
// request is in time and the status moves (service.md section 5; rules.md section 8.5).
//
// Provisions: Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 14(1)(a)
// (30 days from notification) and reg 15 (late application with reasons); Tribunal Procedure
// (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 (SI 2008/2685) r 22(2)(d)(i)
// (1 month after the MR notice) and r 22(8) (absolute limit: 12 months after that). The figures
// are in law/service/time_limits.yaml, read through cases/time_limits.h.
//
// Statuses: reconsideration open -> revised | upheld; appeal lodged -> allowed | dismissed.
// Any other move is kFailedPrecondition. Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/date.h"
#include "base/result.h"
#include "law/parameter_set.h"

namespace childmaint::cases {

// True when requested_on is no later than ReconsiderationDeadline(notified_on) (day 30 in time,
// day 31 late). kInvalidArgument "requested_on.before_notice" when requested before notification.
Result<bool> ReconsiderationInTime(Date notified_on, Date requested_on, const law::ParameterSet& law);

// True when lodged_on is no later than AppealDeadline(mr_decided_on); false when late but within
// AppealAbsoluteDeadline; kFailedPrecondition "appeal.out_of_time" beyond the absolute limit;
// kInvalidArgument "lodged_on.before_outcome" when lodged before the reconsideration's outcome.
Result<bool> AppealInTime(Date mr_decided_on, Date lodged_on, const law::ParameterSet& law);

// The status after `outcome` ("revised" | "upheld") on a reconsideration in `status`.
Result<std::string> ReconsiderationOutcome(std::string_view status, std::string_view outcome);

// The status after `outcome` ("allowed" | "dismissed") on an appeal in `status`.
Result<std::string> AppealOutcome(std::string_view status, std::string_view outcome);

}  // namespace childmaint::cases
