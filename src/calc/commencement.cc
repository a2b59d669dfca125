// Child Maintenance and Other Payments Act 2008, Schedule 4 paragraph 2, as commenced case type by
// case type: SI 2012/3042 (10 Dec 2012, 4 or more qualifying children), SI 2013/1860 (29 Jul 2013,
// 2 or more), SI 2013/2947 (25 Nov 2013, all cases).
// Parameters: law/commencement/scheme_stages.yaml    Golden: tests/golden/calc/scheme_commencement/
// Contract: calc-contract.md rule 1.    Interpretation: INTERP-003 (counted per receiving parent).
#include "calc/commencement.h"

#include <string>

namespace childmaint::calc {

childmaint::Result<const law::LawInForce*> SchemeInForce(const Request& req,
                                                         const law::ParameterSet& law,
                                                         Trace& trace) {
  auto in_force = law.InForce(req.effective_date);
  if (!in_force) {
    return Error::Make(ErrorCode::kFailedPrecondition, "scheme_not_in_force",
                       "the 2012 scheme was not in force on " + req.effective_date.ToIso() +
                           " (it opened on " + law.scheme_start().ToIso() + ")",
                       "effective_date");
  }
  const law::LawInForce* l = *in_force;
  const std::int64_t min = l->min_qualifying_children_per_receiving_parent;
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const auto n = static_cast<std::int64_t>(req.receiving_parents[i].child_count);
    if (n < min) {
      return Error::Make(
          ErrorCode::kFailedPrecondition, "scheme_not_in_force",
          "on " + req.effective_date.ToIso() + " the 2012 scheme took only cases where each " +
              "receiving parent had at least " + std::to_string(min) + " qualifying children",
          "receiving_parents[" + std::to_string(i) + "].children");
    }
  }
  if (min > 1) {
    trace.Step(kCiteCommencement) << "The 2012 scheme was open to cases where each receiving "
                                     "parent has at least "
                                  << min << " qualifying children";
  }
  return l;
}

}  // namespace childmaint::calc
