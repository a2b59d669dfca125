// Child Support Act 1991, Schedule 1, paragraph 6: where there is more than one person with care,
// the rate is apportioned between them by the number of qualifying children each cares for.
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/6
// Golden: tests/golden/calc/sch1_para6_apportionment/    Contract: calc-contract.md rules 9-12.
#include "calc/sch1_para6_apportionment.h"

namespace childmaint::calc {

void Apportion(const Request& req, const ExactPence& amount, std::span<ExactPence> out) {
  const auto all = static_cast<std::int64_t>(req.children.size());
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    out[i] = amount * static_cast<std::int64_t>(req.receiving_parents[i].child_count) / all;
  }
}

void TraceApportionment(const Request& req, Money amount, Trace& trace) {
  const auto all = static_cast<std::int64_t>(req.children.size());
  if (all < 2 || !trace.enabled()) {
    return;
  }
  trace.Step(kCitePara6) << Pounds{amount} << " is divided equally between " << Children{all}
                         << ": " << ExactPounds{ExactPence(amount) / all} << " for each child";
}

}  // namespace childmaint::calc
