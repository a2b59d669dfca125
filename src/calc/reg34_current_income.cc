// Child Support Maintenance Calculation Regulations 2012, regulations 34 (historic or current
// income) and 35 (historic income: the HMRC figure ÷ 365 × 7, less relievable pension
// contributions). https://www.legislation.gov.uk/uksi/2012/2677/part/4
// Parameters: law/si2012_2677/reg34_35_income.yaml    Golden: tests/golden/calc/reg34_current_income/
// Contract: calc-contract.md income forms 2 and 3, rule 12.    Interpretation: INTERP-005.
#include "calc/reg34_current_income.h"

#include "base/exact_pence.h"

namespace childmaint::calc {

Money WeeklyFromAnnual(Money annual, const law::LawInForce& law) {
  return RoundHalfUpToPenny(ExactPence(annual) * law.annual_to_weekly);
}

Money GrossWeeklyIncome(const Income& income, const law::LawInForce& law, Trace& trace) {
  switch (income.form) {
    case Income::Form::kNone:
      return Money();
    case Income::Form::kWeekly:
      trace.Step(kCiteReg34, income.weekly) << "Gross weekly income: " << Pounds{income.weekly};
      return income.weekly;
    case Income::Form::kAnnual: {
      // reg 35(1)-(2): the annual HMRC figure less relievable pension contributions, to weekly.
      const Money net = income.annual - income.pension_contributions;
      const Money weekly = WeeklyFromAnnual(net, law);
      auto step = trace.Step(kCiteReg35, weekly);
      step << "Historic income: " << Pounds{income.annual} << " a year";
      if (income.pension_contributions.pence() > 0) {
        step << " less pension contributions of " << Pounds{income.pension_contributions};
      }
      step << ", " << Pounds{net} << " \xC3\x97 " << law.annual_to_weekly
           << ", rounded to the nearest penny: " << Pounds{weekly} << " a week";
      return weekly;
    }
    case Income::Form::kHistoricAndCurrent: {
      const Money historic = WeeklyFromAnnual(income.historic_annual, law);
      trace.Step(kCiteReg35, historic)
          << "Historic income: " << Pounds{income.historic_annual} << " a year \xC3\x97 "
          << law.annual_to_weekly << ", rounded to the nearest penny: " << Pounds{historic}
          << " a week";
      // reg 34(2): current income is used when it differs from historic income by at least 25 %
      // of it, either way; reg 34(2A): a nil historic figure and a current figure above nil.
      const Money difference = income.current_weekly > historic ? income.current_weekly - historic
                                                                : historic - income.current_weekly;
      const bool use_current =
          ExactPence(difference) >= ExactPence(historic) * law.current_income_difference;
      const Money used = use_current ? income.current_weekly : historic;
      trace.Step(kCiteReg34, used)
          << "Current income " << Pounds{income.current_weekly} << " a week differs from "
          << "historic income by " << Pounds{difference} << ", which is "
          << (use_current ? "at least " : "less than ") << law.current_income_difference
          << " of it, so " << (use_current ? "current" : "historic") << " income is used";
      return used;
    }
  }
  return Money();
}

}  // namespace childmaint::calc
