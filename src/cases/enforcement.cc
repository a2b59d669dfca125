// Enforcement ladder (CSA 1991 ss 31-40B; SI 2014/612 regs 10 and 12). See enforcement.h.
#include "cases/enforcement.h"

#include <algorithm>

namespace childmaint::cases {

std::string_view EnforcementKindName(EnforcementKind kind) {
  return kEnforcementKindNames.at(static_cast<std::size_t>(kind));
}

Result<EnforcementKind> ParseEnforcementKind(std::string_view name) {
  for (std::size_t i = 0; i < kEnforcementKindNames.size(); ++i) {
    if (kEnforcementKindNames[i] == name) {
      return static_cast<EnforcementKind>(i);
    }
  }
  return Error::Make(ErrorCode::kInvalidArgument, "enforcement.unknown_kind",
                     "not an enforcement action", "kind");
}

bool NeedsTeamLeader(EnforcementKind kind) {
  return static_cast<std::uint8_t>(kind) >=
         static_cast<std::uint8_t>(EnforcementKind::kLiabilityOrder);
}

std::optional<std::string_view> FeeAxis(EnforcementKind kind) {
  switch (kind) {
    case EnforcementKind::kDeductionFromEarningsOrder:
    case EnforcementKind::kDeductionFromEarningsRequest:
      return "deduction_from_earnings_order";
    case EnforcementKind::kRegularDeductionOrder:
      return "regular_deduction_order";
    case EnforcementKind::kLumpSumDeductionOrder:
      return "lump_sum_deduction_order";
    case EnforcementKind::kLiabilityOrder:
      return "liability_order";
    default:
      return std::nullopt;
  }
}

bool IsEnforcementWaiverReason(std::string_view reason) {
  return std::ranges::find(kEnforcementWaiverReasons, reason) != kEnforcementWaiverReasons.end();
}

}  // namespace childmaint::cases
