// File: calc_test_util.h — building calculation requests in tests.
//
//   Request r = Req("2025-04-07").Weekly(60000).Rp("A", {0, 110}).Build();
//   Result res = MustCalculate(r);
#pragma once

#include <initializer_list>
#include <string>

#include "calc/calculate.h"
#include "law/parameter_set.h"

namespace childmaint::calc::testing {

const law::ParameterSet& TestLaw();

class Req {
 public:
  explicit Req(const char* date);
  Req& Weekly(std::int64_t pence);
  Req& Annual(std::int64_t pence, std::int64_t pension = 0);
  Req& HistoricCurrent(std::int64_t historic_annual, std::int64_t current_weekly);
  Req& Benefit(const char* name);
  Req& PartnerBenefit(const char* name);
  Req& Nil(NilRateReason reason);
  Req& RelevantOther(std::int64_t n);
  Req& OtherSupported(std::int64_t n);
  Req& PartnerIsPayingParent();
  // A receiving parent with one child per entry, each entry its nights a year.
  Req& Rp(const char* id, std::initializer_list<std::int64_t> nights);
  Req& Expense(law::ExpenseKind kind, std::int64_t weekly);
  Req& Additional(std::int64_t weekly);
  Req& CollectAndPay();
  Request Build() const { return r_; }

 private:
  Request r_;
};

struct Outcome {
  Result result;
  Trace trace{true};
  bool Cites(std::string_view citation_part) const;
};

// Calculates, failing the test (and returning an empty outcome) on an error.
Outcome MustCalculate(const Request& r);
// The error reason, or "" when the calculation succeeded.
std::string ErrorOf(const Request& r);

}  // namespace childmaint::calc::testing
