// Child Support Act 1991, Schedule 1, paragraph 5 (nil rate), and the Child Support Maintenance
// Calculation Regulations 2012, regulation 45 (who pays nil).
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/5
// https://legislation.gov.uk/uksi/2012/2677/regulation/45
// Golden: tests/golden/calc/sch1_para5_nil_rate/    Contract: calc-contract.md rule 3.
#include "calc/sch1_para5_nil_rate.h"

namespace childmaint::calc {

namespace {
constexpr std::array<std::string_view, kNilRateReasonNames.size()> kReasonText = {
    "the paying parent is a child",
    "the paying parent is a prisoner",
    "the paying parent is 16 or 17 and on a qualifying benefit",
    "the paying parent gets an allowance for work-based training for young people",
    "the paying parent lives in a care home or independent hospital",
};
}  // namespace

bool NilRate(const Request& req, Money income, bool any_benefit, const law::LawInForce& law,
             Trace& trace) {
  if (req.nil_rate_reason) {
    trace.Step(kCitePara5, Money())
        << "Nil rate: " << kReasonText[static_cast<std::size_t>(*req.nil_rate_reason)];
    return true;
  }
  if (!any_benefit && income < law.flat_rate) {
    trace.Step(kCitePara5, Money()) << "Nil rate: income of " << Pounds{income}
                                    << " is below the flat rate of " << Pounds{law.flat_rate};
    return true;
  }
  return false;
}

}  // namespace childmaint::calc
