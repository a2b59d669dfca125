// Child Support Act 1991, Schedule 1, paragraph 4 (flat rate), and the Child Support Maintenance
// Calculation Regulations 2012, regulation 44 (benefits that give the flat rate; half the flat
// rate for a couple who are both paying parents, reg 44(3)).
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/4
// Parameters: law/csa1991/sch1/para4_flat_rate.yaml, law/si2012_2677/reg44_flat_rate_benefits.yaml
// Golden: tests/golden/calc/sch1_para4_flat_rate/    Contract: calc-contract.md rule 4.
// Interpretation: INTERP-008 (a benefit flat rate even where income is also £100 or less).
#include "calc/sch1_para4_flat_rate.h"

#include "base/exact_pence.h"

namespace childmaint::calc {

namespace {

void AppendNames(StepText& step, std::uint32_t mask, const law::ParameterSet& params) {
  bool first = true;
  const auto& names = params.benefit_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if ((mask >> i) & 1u) {
      step << (first ? "" : ", ") << names[i];
      first = false;
    }
  }
}

}  // namespace

BenefitFacts Benefits(const Request& req, const law::LawInForce& law) {
  BenefitFacts f;
  const std::uint32_t own = req.benefits & law.benefits_in_force;
  // reg 44(2) benefits count whoever receives them; reg 44(1) ones only for the paying parent.
  const std::uint32_t partner = req.partner_benefits & law.partner_benefits;
  f.partner_benefit = ((own & law.partner_benefits) | partner) != 0;
  f.any = own != 0 || partner != 0;
  f.couple = req.partner_is_paying_parent && f.partner_benefit;
  return f;
}

Money BenefitFlatRate(const Request& req, const BenefitFacts& facts, const law::LawInForce& law,
                      const law::ParameterSet& params, Trace& trace) {
  if (facts.couple) {
    const Money half = RoundHalfUpToPenny(ExactPence(law.flat_rate) * law.couple_fraction);
    auto step = trace.Step(kCitePara4_2, half);
    step << "Flat rate for a couple who are both paying parents, one of them getting ";
    AppendNames(step, (req.benefits | req.partner_benefits) & law.partner_benefits, params);
    step << ": " << law.couple_fraction << " of " << Pounds{law.flat_rate};
    return half;
  }
  auto step = trace.Step(kCitePara4_1, law.flat_rate);
  step << "Flat rate because of a benefit (";
  AppendNames(step, (req.benefits & law.benefits_in_force) |
                        (req.partner_benefits & law.partner_benefits),
              params);
  step << "): " << Pounds{law.flat_rate} << " a week";
  return law.flat_rate;
}

Money LowIncomeFlatRate(Money income, const law::LawInForce& law, Trace& trace) {
  trace.Step(kCitePara4_1a, law.flat_rate)
      << "Flat rate because income of " << Pounds{income} << " is "
      << Pounds{law.flat_rate_income_limit} << " a week or less: " << Pounds{law.flat_rate};
  return law.flat_rate;
}

}  // namespace childmaint::calc
