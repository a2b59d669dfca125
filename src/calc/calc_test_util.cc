#include "calc/calc_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace childmaint::calc::testing {

const law::ParameterSet& TestLaw() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

namespace {
std::uint32_t BenefitBit(const char* name) {
  const auto& names = TestLaw().benefit_names();
  const auto it = std::find(names.begin(), names.end(), name);
  EXPECT_NE(it, names.end()) << name;
  return std::uint32_t{1} << (it - names.begin());
}
}  // namespace

Req::Req(const char* date) { r_.effective_date = *Date::ParseIso(date); }
Req& Req::Weekly(std::int64_t pence) {
  r_.income.form = Income::Form::kWeekly;
  r_.income.weekly = Money::Pence(pence);
  return *this;
}
Req& Req::Annual(std::int64_t pence, std::int64_t pension) {
  r_.income.form = Income::Form::kAnnual;
  r_.income.annual = Money::Pence(pence);
  r_.income.pension_contributions = Money::Pence(pension);
  return *this;
}
Req& Req::HistoricCurrent(std::int64_t historic_annual, std::int64_t current_weekly) {
  r_.income.form = Income::Form::kHistoricAndCurrent;
  r_.income.historic_annual = Money::Pence(historic_annual);
  r_.income.current_weekly = Money::Pence(current_weekly);
  return *this;
}
Req& Req::Benefit(const char* name) {
  r_.benefits |= BenefitBit(name);
  return *this;
}
Req& Req::PartnerBenefit(const char* name) {
  r_.partner_benefits |= BenefitBit(name);
  return *this;
}
Req& Req::Nil(NilRateReason reason) {
  r_.nil_rate_reason = reason;
  return *this;
}
Req& Req::RelevantOther(std::int64_t n) {
  r_.relevant_other_children = n;
  return *this;
}
Req& Req::OtherSupported(std::int64_t n) {
  r_.other_supported_children = n;
  return *this;
}
Req& Req::PartnerIsPayingParent() {
  r_.partner_is_paying_parent = true;
  return *this;
}
Req& Req::Rp(const char* id, std::initializer_list<std::int64_t> nights) {
  ReceivingParent rp{id, r_.children.size(), nights.size()};
  for (const std::int64_t n : nights) {
    r_.children.push_back(Child{std::string(id) + std::to_string(r_.children.size()), n});
  }
  r_.receiving_parents.push_back(rp);
  return *this;
}
Req& Req::Expense(law::ExpenseKind kind, std::int64_t weekly) {
  const auto k = static_cast<std::size_t>(kind);
  r_.special_expenses[k] += Money::Pence(weekly);
  ++r_.special_expense_entries[k];
  return *this;
}
Req& Req::Additional(std::int64_t weekly) {
  r_.additional_income = Money::Pence(weekly);
  return *this;
}
Req& Req::CollectAndPay() {
  r_.collection = Collection::kCollectAndPay;
  return *this;
}

bool Outcome::Cites(std::string_view citation_part) const {
  return std::any_of(trace.steps().begin(), trace.steps().end(), [&](const Step& s) {
    return s.citation.find(citation_part) != std::string_view::npos;
  });
}

Outcome MustCalculate(const Request& r) {
  Outcome o;
  const Status s = Calculate(r, TestLaw(), o.result, o.trace);
  EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().reason + ": " + s.error().message);
  return o;
}

std::string ErrorOf(const Request& r) {
  Result res;
  Trace trace(false);
  const Status s = Calculate(r, TestLaw(), res, trace);
  return s ? "" : s.error().reason;
}

}  // namespace childmaint::calc::testing
