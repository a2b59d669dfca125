// File: calc_gen.h — rapidcheck generators of valid calculation requests (tests only).
//
//   const calc::Request r = *testing::ValidRequest();
//
// Covers every rate: incomes from nil to above the cap in all three forms, benefits for either
// partner, nil-rate reasons, relevant other and para 5A children, special expenses and additional
// income, 1-6 receiving parents with 1-5 children each at any number of nights, both collection
// types, effective dates from 2012-12-10 (with enough children for the stage then open) to 2030.
#pragma once

#include <rapidcheck.h>

#include <string>

#include "calc/calc_test_util.h"

namespace childmaint::testing {

inline rc::Gen<calc::Request> ValidRequest() {
  return rc::gen::exec([] {
    using calc::Request;
    Request r;
    const auto& law = calc::testing::TestLaw();
    const int day = *rc::gen::inRange(0, 6600);  // 2012-12-10 .. 2030
    r.effective_date = law.scheme_start().AddDays(day);
    const auto in_force = *law.InForce(r.effective_date);
    const auto min_children =
        static_cast<std::size_t>(in_force->min_qualifying_children_per_receiving_parent);
    const std::int64_t money_max = *rc::gen::element<std::int64_t>(1500, 25000, 120000, 400000);
    switch (*rc::gen::inRange(0, 5)) {
      case 0:
        break;
      case 1:
        r.income.form = calc::Income::Form::kAnnual;
        r.income.annual = Money::Pence(*rc::gen::inRange<std::int64_t>(0, money_max * 52));
        r.income.pension_contributions =
            Money::Pence(*rc::gen::inRange<std::int64_t>(0, r.income.annual.pence() / 10 + 1));
        break;
      case 2:
        r.income.form = calc::Income::Form::kHistoricAndCurrent;
        r.income.historic_annual = Money::Pence(*rc::gen::inRange<std::int64_t>(0, money_max * 52));
        r.income.current_weekly = Money::Pence(*rc::gen::inRange<std::int64_t>(0, money_max));
        break;
      default:
        r.income.form = calc::Income::Form::kWeekly;
        r.income.weekly = Money::Pence(*rc::gen::inRange<std::int64_t>(0, money_max));
    }
    const auto benefit_count = law.benefit_names().size();
    // Without an income the contract needs a benefit (or a nil-rate reason).
    if (r.income.form == calc::Income::Form::kNone || *rc::gen::inRange(0, 4) == 0) {
      r.benefits = std::uint32_t{1} << *rc::gen::inRange<std::size_t>(0, benefit_count);
    }
    if (*rc::gen::inRange(0, 6) == 0) {
      r.partner_benefits = std::uint32_t{1} << *rc::gen::inRange<std::size_t>(0, benefit_count);
    }
    if (*rc::gen::inRange(0, 15) == 0) {
      r.nil_rate_reason = static_cast<calc::NilRateReason>(*rc::gen::inRange(0, 5));
    }
    r.partner_is_paying_parent = *rc::gen::inRange(0, 5) == 0;
    r.relevant_other_children = *rc::gen::element<std::int64_t>(0, 0, 0, 1, 2, 3, 4);
    r.other_supported_children = *rc::gen::element<std::int64_t>(0, 0, 0, 0, 1, 2);
    if (*rc::gen::inRange(0, 4) == 0) {
      const auto k = *rc::gen::inRange<std::size_t>(0, law::kExpenseKinds);
      r.special_expenses[k] = Money::Pence(*rc::gen::inRange<std::int64_t>(0, 20000));
      r.special_expense_entries[k] = 1;
    }
    if (*rc::gen::inRange(0, 4) == 0) {
      r.additional_income = Money::Pence(*rc::gen::inRange<std::int64_t>(0, 60000));
    }
    r.collection = *rc::gen::arbitrary<bool>() ? calc::Collection::kCollectAndPay
                                               : calc::Collection::kDirectPay;
    const auto rps = *rc::gen::inRange<std::size_t>(1, 7);
    for (std::size_t i = 0; i < rps; ++i) {
      const auto n = *rc::gen::inRange<std::size_t>(min_children, min_children + 4);
      r.receiving_parents.push_back({"rp" + std::to_string(i), r.children.size(), n});
      for (std::size_t c = 0; c < n; ++c) {
        const std::int64_t nights =
            *rc::gen::element<std::int64_t>(0, 0, 0, 51, 52, 103, 104, 155, 156, 174, 175, 366,
                                            *rc::gen::inRange<std::int64_t>(0, 367));
        r.children.push_back({"c" + std::to_string(r.children.size()), nights});
      }
    }
    return r;
  });
}

}  // namespace childmaint::testing
