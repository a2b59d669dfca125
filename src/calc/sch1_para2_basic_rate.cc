// Child Support Act 1991, Schedule 1, paragraph 2: basic rate (and basic rate plus).
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/2
// Text checked: rules.md §3.4-3.6 (paraphrase of the substituted text; SI 2012/2678 reg 2).
// Parameters: law/csa1991/sch1/para2_basic_rate.yaml    Golden: tests/golden/calc/sch1_para2_basic_rate/
// Contract: calc-contract.md rule 6.    Interpretation: INTERP-004 (band chosen before the ROC
// reduction; the £800 test on the reduced income).
#include "calc/sch1_para2_basic_rate.h"

namespace childmaint::calc {

BasicRateResult BasicRate(Money income, std::int64_t children, std::int64_t relevant_other_children,
                          const law::LawInForce& law, Trace& trace) {
  const std::size_t col = law::ChildColumn(children, law.basic_percentage.size());
  // para 2(3): income treated as reduced for relevant other children.
  const std::size_t roc = relevant_other_children >= 3 ? 3 : static_cast<std::size_t>(relevant_other_children);
  ExactPence reduced(income);
  if (roc > 0) {
    const Rate cut = law.relevant_other_children_reduction[roc];
    reduced = reduced * cut.Complement();
    trace.Step(kCitePara2_3)
        << "Income reduced by " << cut << " for " << relevant_other_children
        << (relevant_other_children == 1 ? " relevant other child: " : " relevant other children: ")
        << Pounds{income} << " becomes " << ExactPounds{reduced};
  }
  const Rate basic = law.basic_percentage[col];
  const ExactPence threshold(law.basic_plus_threshold);
  if (reduced <= threshold) {
    // para 2(1): the basic rate on the whole (reduced) income.
    const ExactPence amount = reduced * basic;
    trace.Step(kCitePara2_1, RoundHalfUpToPenny(amount))
        << "Basic rate for " << Children{children} << ": " << basic << " of "
        << ExactPounds{reduced};
    return {amount, false};
  }
  // para 2(2): the basic rate on the first £800, the basic-plus rate on the rest.
  const Rate plus = law.basic_plus_percentage[col];
  const ExactPence first = threshold * basic;
  const ExactPence rest = (reduced - threshold) * plus;
  trace.Step(kCitePara2_1, RoundHalfUpToPenny(first))
      << "Basic rate for " << Children{children} << ": " << basic << " of the first "
      << Pounds{law.basic_plus_threshold};
  trace.Step(kCitePara2_2, RoundHalfUpToPenny(rest))
      << "Basic rate plus: " << plus << " of the income above " << Pounds{law.basic_plus_threshold}
      << " (" << ExactPounds{reduced - threshold} << ")";
  return {first + rest, true};
}

}  // namespace childmaint::calc
