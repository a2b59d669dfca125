// File: enforcement.h — the enforcement ladder: which actions exist, which need a team leader,
// which fee each one carries, and the reasons a fee is waived.
//
// Law: Child Support Act 1991 ss 31-40B (deduction from earnings orders and requests, regular and
// lump sum deduction orders, liability orders, enforcement agents, charging orders, orders for
// sale, disqualification from driving or holding a passport, committal); SI 2014/612 reg 10
// (enforcement fees, by action: law/si2014_612/enforcement_fees.yaml) and reg 12 (waivers).
// service.md §6, rules.md §7.3.
//
// Thread safety: pure functions over value types.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/result.h"

namespace childmaint::cases {

// In ladder order: deductions first, then court-based action from a liability order onwards.
enum class EnforcementKind : std::uint8_t {
  kDeductionFromEarningsOrder,
  kDeductionFromEarningsRequest,
  kRegularDeductionOrder,
  kLumpSumDeductionOrder,
  kLiabilityOrder,
  kEnforcementAgents,
  kChargingOrder,
  kOrderForSale,
  kDrivingLicenceDisqualification,
  kPassportDisqualification,
  kCommittal,
};

inline constexpr std::array<std::string_view, 11> kEnforcementKindNames = {
    "deduction_from_earnings_order", "deduction_from_earnings_request",
    "regular_deduction_order",       "lump_sum_deduction_order",
    "liability_order",               "enforcement_agents",
    "charging_order",                "order_for_sale",
    "driving_licence_disqualification", "passport_disqualification",
    "committal"};

// SI 2014/612 reg 12: the circumstances in which no enforcement fee is charged.
inline constexpr std::array<std::string_view, 5> kEnforcementWaiverReasons = {
    "concurrent_order", "replacement_order", "failed_application", "successful_appeal",
    "cms_error"};

std::string_view EnforcementKindName(EnforcementKind kind);
// The inverse of EnforcementKindName; anything else is kInvalidArgument "enforcement.unknown_kind".
Result<EnforcementKind> ParseEnforcementKind(std::string_view name);

// A liability order and everything after it on the ladder needs a team leader (service.md §6).
bool NeedsTeamLeader(EnforcementKind kind);

// The axis value of "si2014_612.reg10.enforcement_fee" this action is charged under, if any:
// a deduction from earnings request is charged as an order (reg 10 table, DEO row); actions not in
// the table carry no fee.
std::optional<std::string_view> FeeAxis(EnforcementKind kind);

bool IsEnforcementWaiverReason(std::string_view reason);

}  // namespace childmaint::cases
