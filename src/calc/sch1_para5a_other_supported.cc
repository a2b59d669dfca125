// Child Support Act 1991, Schedule 1, paragraph 5A (as modified by SI 2012/2678 reg 3 and
// SI 2013/1654 reg 2); qualifying maintenance arrangements: 2012 Regs reg 48.
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/5A
// Parameters: law/csa1991/sch1/para5a_other_supported.yaml
// Golden: tests/golden/calc/sch1_para5a_other_supported/    Contract: calc-contract.md rule 8.
// Interpretation: INTERP-006 (formula and minimum; para 5A(2) text not retrieved).
#include "calc/sch1_para5a_other_supported.h"

namespace childmaint::calc {

ExactPence ScaleForOtherSupportedChildren(const ExactPence& amount, std::int64_t qualifying,
                                          std::int64_t other_supported, const law::LawInForce& law,
                                          Trace& trace) {
  const std::int64_t all = qualifying + other_supported;
  const ExactPence scaled = amount * Rate::Of(qualifying, all);
  const ExactPence result = Max(scaled, ExactPence(law.para5a_minimum));
  auto step = trace.Step(kCitePara5A, RoundHalfUpToPenny(result));
  step << "Other children supported under a maintenance arrangement: the rate for " << all
       << " children (" << ExactPounds{amount} << ") \xC3\x97 " << qualifying << "/" << all
       << " = " << ExactPounds{scaled};
  if (result != scaled) {
    step << ", raised to the minimum of " << Pounds{law.para5a_minimum};
  }
  return result;
}

}  // namespace childmaint::calc
