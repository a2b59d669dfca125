// File: law_in_force.h — every figure the calculation reads, typed, as in force on one day.
//
//   CMS_ASSIGN_OR_RETURN(const LawInForce* law, parameters.InForce(effective_date));
//   Money flat = law->flat_rate;
//
// Built once per span of days over which no figure changes (ParameterSet), then immutable.
// The calculation never looks a figure up by string. Sources: the law/ file named beside each field.
#pragma once

#include <array>
#include <cstdint>

#include "base/date.h"
#include "base/money.h"
#include "base/rate.h"

namespace childmaint::law {

// Special-expense kinds of regs 63-67, in the contract's order.
enum class ExpenseKind : std::uint8_t {
  kContactCosts,
  kRelevantOtherChildDisability,
  kPriorDebts,
  kBoardingSchoolFees,
  kMortgageOnFormerHome,
};
inline constexpr std::size_t kExpenseKinds = 5;
inline constexpr std::array<std::string_view, kExpenseKinds> kExpenseKindNames = {
    "contact_costs", "relevant_other_child_disability", "prior_debts", "boarding_school_fees",
    "mortgage_on_former_home"};

// Shared-care bands (Sch 1 para 7): from this many nights a year, the child's share is decreased
// by `fraction`. Band 0 is "none" (fewer nights than the first band).
struct SharedCareBand {
  std::int64_t from_nights = 0;
  Rate fraction;
  friend bool operator==(const SharedCareBand&, const SharedCareBand&) = default;
};
inline constexpr std::size_t kMaxSharedCareBands = 8;

// Index of the 1 / 2 / 3+ column for a number of children.
inline std::size_t ChildColumn(std::int64_t children, std::size_t columns) {
  const auto c = static_cast<std::size_t>(children < 1 ? 1 : children);
  return (c < columns ? c : columns) - 1;
}

struct LawInForce {
  Date from;           // first day of this view
  Date rules_version;  // rules_versions.yaml
  // commencement/scheme_stages.yaml
  std::int64_t min_qualifying_children_per_receiving_parent = 0;
  // csa1991/sch1/para4_flat_rate.yaml
  Money flat_rate;
  Money flat_rate_income_limit;
  Rate couple_fraction;
  // csa1991/sch1/para3_reduced_rate.yaml, si2012_2677/reg43_reduced_rate.yaml
  Money reduced_lower_limit;
  Money reduced_upper_limit;
  Money reduced_minimum;
  std::array<std::array<Rate, 4>, 3> reduced_percentage;  // [qualifying 1,2,3+][relevant other 0..3+]
  // csa1991/sch1/para2_basic_rate.yaml
  std::array<Rate, 3> basic_percentage;
  std::array<Rate, 3> basic_plus_percentage;
  Money basic_plus_threshold;
  std::array<Rate, 4> relevant_other_children_reduction;  // 0, 1, 2, 3+
  // csa1991/sch1/para5a_other_supported.yaml
  Money para5a_minimum;
  // csa1991/sch1/para7_shared_care.yaml
  std::array<SharedCareBand, kMaxSharedCareBands> bands;  // bands[0] = none, from 0 nights
  std::size_t band_count = 0;                             // including "none"
  Money further_decrease_top_band;
  Money shared_care_minimum;
  std::int64_t flat_rate_nil_nights = 0;
  // csa1991/sch1/para10_capped_amount.yaml
  Money capped_amount;
  // si2012_2677/reg34_35_income.yaml
  Rate current_income_difference;
  Rate annual_to_weekly;
  // si2012_2677/regs63_74_variations.yaml
  std::array<Money, kExpenseKinds> special_expense_threshold;
  Money flat_rate_additional_income_threshold;
  // si2012_2677/reg44_flat_rate_benefits.yaml: bit i = ParameterSet::benefit_names()[i]
  std::uint32_t benefits_in_force = 0;
  std::uint32_t partner_benefits = 0;  // reg 44(2): count for the paying parent or the partner
  // si2014_612/collection_fees.yaml
  Rate paying_parent_fee;
  Rate receiving_parent_fee;

  friend bool operator==(const LawInForce&, const LawInForce&) = default;
};

}  // namespace childmaint::law
