// Child Support Act 1991, Schedule 1, paragraph 3 (reduced rate), with the percentages of the
// Child Support Maintenance Calculation Regulations 2012, regulation 43 (table substituted by
// SI 2013/1654 from 25 Nov 2013).
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/3
// https://www.legislation.gov.uk/uksi/2012/2677/regulation/43
// Parameters: law/csa1991/sch1/para3_reduced_rate.yaml, law/si2012_2677/reg43_reduced_rate.yaml
// Golden: tests/golden/calc/sch1_para3_reduced_rate/    Contract: calc-contract.md rule 5.
#include "calc/sch1_para3_reduced_rate.h"

namespace childmaint::calc {

ExactPence ReducedRate(Money income, std::int64_t children, std::int64_t relevant_other_children,
                       const law::LawInForce& law, Trace& trace) {
  const std::size_t row = law::ChildColumn(children, law.reduced_percentage.size());
  const std::size_t col =
      relevant_other_children >= 3 ? 3 : static_cast<std::size_t>(relevant_other_children);
  const Rate t = law.reduced_percentage[row][col];
  // para 3(2): the flat rate plus T of the income above £100.
  const ExactPence above = ExactPence(income - law.reduced_lower_limit);
  ExactPence amount = ExactPence(law.flat_rate) + above * t;
  // para 3(3): never below the minimum.
  amount = Max(amount, ExactPence(law.reduced_minimum));
  trace.Step(kCitePara3, RoundHalfUpToPenny(amount))
      << "Reduced rate for " << Children{children} << " and " << relevant_other_children
      << (relevant_other_children == 1 ? " relevant other child: " : " relevant other children: ")
      << Pounds{law.flat_rate} << " plus " << t << " of the income above "
      << Pounds{law.reduced_lower_limit} << " (" << Pounds{income - law.reduced_lower_limit}
      << ")";
  return amount;
}

}  // namespace childmaint::calc
