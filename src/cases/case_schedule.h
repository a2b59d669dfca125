// File: case_schedule.h — what falls due on a case, from its decisions (api.md "How the schedule
// and the statement follow from a decision").
//
// Each decision's schedule runs from its first payment date until the next decision takes effect:
// instalments of the earlier schedule due on or after the next decision's effective date are
// replaced by the next decision's own initial arrears and instalments (INTERP-101). Nothing falls
// due on or after the day the case closed.
#pragma once

#include <vector>

#include "cases/model.h"
#include "ledger/due.h"
#include "schedule/schedule.h"

namespace childmaint::cases {

// The terms of one decision's schedule.
schedule::ScheduleTerms TermsOf(const Case& c, const Decision& d, std::int64_t reference_weeks);

// Every due with due_on <= as_of, oldest first.
Result<std::vector<ledger::Due>> DuesUpTo(const Case& c, Date as_of, std::int64_t reference_weeks);

}  // namespace childmaint::cases
