// File: request.h — a calculation request and its result, as plain data (calc-contract.md).
//
// Built by the contract reader (src/contract) or by the service; read by Calculate (calculate.h).
// Money is integer pence; receiving parents' children are kept in one flat list so a Request
// reused across calculations does not allocate once warm.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

enum class NilRateReason : std::uint8_t {
  kChild,
  kPrisoner,
  kYouth1617OnBenefit,
  kWorkBasedTraining,
  kCareHome,
};
inline constexpr std::array<std::string_view, 5> kNilRateReasonNames = {
    "child", "prisoner", "youth_16_17_on_benefit", "work_based_training", "care_home"};

enum class Collection : std::uint8_t { kDirectPay, kCollectAndPay };

// The three income forms of the contract, or none.
struct Income {
  enum class Form : std::uint8_t { kNone, kWeekly, kAnnual, kHistoricAndCurrent };
  Form form = Form::kNone;
  Money weekly;                 // kWeekly
  Money annual;                 // kAnnual
  Money pension_contributions;  // kAnnual, annual
  Money historic_annual;        // kHistoricAndCurrent
  Money current_weekly;         // kHistoricAndCurrent
};

struct Child {
  std::string id;
  std::int64_t nights_with_paying_parent = 0;
};

struct ReceivingParent {
  std::string id;
  std::size_t first_child = 0;  // index into Request::children
  std::size_t child_count = 0;
};

struct Request {
  Date effective_date;
  Income income;
  std::uint32_t benefits = 0;          // bit i = law::ParameterSet::benefit_names()[i]
  std::uint32_t partner_benefits = 0;  // as named in the request (all of them)
  std::optional<NilRateReason> nil_rate_reason;
  std::int64_t relevant_other_children = 0;
  std::int64_t other_supported_children = 0;
  bool partner_is_paying_parent = false;
  std::vector<ReceivingParent> receiving_parents;
  std::vector<Child> children;
  // Special expenses added up by kind (rule 7), and how many entries each kind had.
  std::array<Money, law::kExpenseKinds> special_expenses{};
  std::array<std::int64_t, law::kExpenseKinds> special_expense_entries{};
  Money additional_income;
  Collection collection = Collection::kDirectPay;

  void Clear();
};

enum class RateKind : std::uint8_t { kNil, kFlat, kReduced, kBasic, kBasicPlus };
inline constexpr std::array<std::string_view, 5> kRateNames = {"nil", "flat", "reduced", "basic",
                                                               "basic_plus"};

struct ReceivingParentResult {
  Money weekly;
  Money paying_parent_fee;
  Money receiving_parent_fee;
  Money paying_parent_pays;
  Money receiving_parent_gets;
};

struct Result {
  Date rules_version;
  RateKind rate = RateKind::kNil;
  Money gross_weekly_income;
  Money income_used;
  Money weekly_amount_before_shared_care;
  Money weekly_liability;
  std::vector<ReceivingParentResult> receiving_parents;  // request order
  std::vector<std::uint8_t> child_band;                  // per Request::children, index into
                                                         // the law's shared-care bands
  const law::LawInForce* law = nullptr;                  // the figures used

  void Clear();
};

}  // namespace childmaint::calc
