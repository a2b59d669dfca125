// File: model.h — the case as the service keeps it: parties, children, decisions.
//
// Plain data loaded and saved by src/store (case_repository.h) and rendered by src/api. Money is
// pence, dates civil dates. Personal details of a party with domestic-abuse protection are held
// here like any other and withheld only when rendered for the other party (api/case_json.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "calc/request.h"
#include "cases/case_state_machine.h"
#include "schedule/frequency.h"

namespace childmaint::cases {

enum class Role : std::uint8_t { kReceivingParent, kPayingParent, kOtherCarer };
inline constexpr std::array<std::string_view, 3> kRoleNames = {"receiving_parent", "paying_parent",
                                                               "other_carer"};

enum class FeeStatus : std::uint8_t { kNotDue, kOwed, kPaid, kWaived };
inline constexpr std::array<std::string_view, 4> kFeeStatusNames = {"not_due", "owed", "paid",
                                                                    "waived"};

struct Address {
  std::string line1;
  std::string town;
  std::string postcode;
};

struct Party {
  std::int64_t id = 0;
  Role role = Role::kReceivingParent;
  bool is_applicant = false;
  std::string name;
  std::optional<Date> date_of_birth;
  std::optional<std::string> ni_number;
  std::optional<Address> address;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> employer;
  std::optional<std::string> bank_details;
  bool domestic_abuse = false;  // protected: details never reach the other party
  std::optional<std::string> pin_hash;

  bool pays() const { return role == Role::kPayingParent; }
};

struct Child {
  std::int64_t id = 0;
  std::string key;  // "c1": the id in calculations and the API
  std::string name;
  Date date_of_birth;
  std::optional<Date> in_education_until;
  std::optional<Date> stopped_qualifying_on;
};

struct Decision {
  std::int64_t id = 0;
  std::string kind;  // initial, supersession, revision, annual_review, tribunal, linked
  Date effective_date;
  Date first_payment_date;
  Money weekly;           // W for this case (contract paying_parent_pays_pence)
  Money previous_weekly;  // W of the decision it replaced (0 for the first)
  std::string request;    // the full calc-contract request
  std::string response;   // the full calc-contract response
  Date notified_on;
  std::string created_at;
  std::string created_by;
};

struct Case {
  std::int64_t id = 0;
  std::string reference;
  CaseState status = CaseState::kAwaitingDecision;
  calc::Collection collection = calc::Collection::kDirectPay;
  schedule::Frequency frequency = schedule::Frequency::kMonthly;
  FeeStatus fee_status = FeeStatus::kNotDue;
  Money fee;
  std::optional<std::string> fee_waiver_reason;
  std::optional<Date> initial_effective_date;
  std::optional<Date> next_review_date;
  std::optional<Date> closed_on;
  std::vector<Party> parties;
  std::vector<Child> children;
  std::vector<Decision> decisions;  // oldest first

  const Party* PayingParent() const;
  const Party* ReceivingParty() const;  // the person with care (receiving parent or other carer)
  const Party* FindParty(std::int64_t party_id) const;
  const Decision* CurrentDecision() const {
    return decisions.empty() ? nullptr : &decisions.back();
  }
};

}  // namespace childmaint::cases
