// Child Support Maintenance Calculation Regulations 2012, Part 5: special expenses (regs 63-67,
// thresholds reg 68, effect reg 72) and additional income (regs 69-71, effect reg 73(1)).
// https://www.legislation.gov.uk/uksi/2012/2677/part/5
// Parameters: law/si2012_2677/regs63_74_variations.yaml, law/csa1991/sch1/para10_capped_amount.yaml
// Golden: tests/golden/calc/regs63_74_variations/    Contract: calc-contract.md rules 4 and 7.
// Interpretation: INTERP-007 (the £10 is a gate per kind; the whole total counts).
#include "calc/regs63_74_variations.h"

#include "calc/sch1_para2_basic_rate.h"

namespace childmaint::calc {

namespace {
constexpr std::string_view kCiteCap = "Child Support Act 1991 Sch 1 para 10(3)";
constexpr std::array<std::string_view, law::kExpenseKinds> kKindText = {
    "contact costs", "costs of a relevant other child's illness or disability",
    "prior debts of the relationship", "boarding school fees",
    "mortgage on the former family home"};
}  // namespace

Money CountedSpecialExpenses(const Request& req, const law::LawInForce& law, Trace& trace) {
  Money counted;
  for (std::size_t k = 0; k < law::kExpenseKinds; ++k) {
    if (req.special_expense_entries[k] == 0) {
      continue;
    }
    const Money total = req.special_expenses[k];
    const Money threshold = law.special_expense_threshold[k];
    const bool counts = total >= threshold;
    auto step = trace.Step(kCiteReg68, counts ? total : Money());
    step << "Special expenses for " << kKindText[k] << ": " << Pounds{total} << " a week";
    if (threshold.pence() == 0) {
      step << " (no threshold for this kind)";
    } else {
      step << (counts ? " reaches" : " is below") << " the threshold of " << Pounds{threshold}
           << (counts ? ", so it counts" : ", so it does not count");
    }
    if (counts) {
      counted += total;
    }
  }
  return counted;
}

Money IncomeWithAdditional(Money gross, Money additional, const law::LawInForce& law,
                           Trace& trace) {
  const Money sum = gross + additional;
  if (additional.pence() > 0) {
    trace.Step(kCiteReg73, sum) << "Additional income of " << Pounds{additional}
                                << " a week added to gross weekly income of " << Pounds{gross};
  }
  if (sum > law.capped_amount) {
    trace.Step(kCiteCap, law.capped_amount)
        << "Income above " << Pounds{law.capped_amount} << " a week is ignored (capped amount)";
    return law.capped_amount;
  }
  return sum;
}

Money IncomeLessExpenses(Money gross, Money additional, Money expenses, const law::LawInForce& law,
                         Trace& trace) {
  const Money uncapped = gross + additional;
  Money net = uncapped - expenses;
  if (net.pence() < 0) {
    net = Money();
  }
  const Money used = net > law.capped_amount ? law.capped_amount : net;
  auto step = trace.Step(kCiteReg72, used);
  step << "Special expenses of " << Pounds{expenses} << " deducted from income of "
       << Pounds{uncapped} << ": " << Pounds{net};
  if (used != net) {
    step << ", capped at " << Pounds{law.capped_amount};
  }
  return used;
}

}  // namespace childmaint::calc
