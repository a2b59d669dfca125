// Tests for the enforcement ladder (SI 2014/612 regs 10, 12; service.md §6).
#include "cases/enforcement.h"

#include <gtest/gtest.h>

namespace childmaint::cases {
namespace {

TEST(Enforcement, NamesRoundTrip) {
  for (const std::string_view name : kEnforcementKindNames) {
    auto kind = ParseEnforcementKind(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(EnforcementKindName(*kind), name);
  }
  EXPECT_FALSE(ParseEnforcementKind("gaol").has_value());
}

TEST(Enforcement, TeamLeaderFromLiabilityOrderOnwards) {
  EXPECT_FALSE(NeedsTeamLeader(EnforcementKind::kDeductionFromEarningsOrder));
  EXPECT_FALSE(NeedsTeamLeader(EnforcementKind::kDeductionFromEarningsRequest));
  EXPECT_FALSE(NeedsTeamLeader(EnforcementKind::kLumpSumDeductionOrder));
  EXPECT_TRUE(NeedsTeamLeader(EnforcementKind::kLiabilityOrder));
  EXPECT_TRUE(NeedsTeamLeader(EnforcementKind::kCommittal));
}

TEST(Enforcement, FeeAxis) {
  EXPECT_EQ(FeeAxis(EnforcementKind::kDeductionFromEarningsRequest), "deduction_from_earnings_order");
  EXPECT_EQ(FeeAxis(EnforcementKind::kLiabilityOrder), "liability_order");
  EXPECT_EQ(FeeAxis(EnforcementKind::kLumpSumDeductionOrder), "lump_sum_deduction_order");
  EXPECT_FALSE(FeeAxis(EnforcementKind::kEnforcementAgents).has_value());
  EXPECT_FALSE(FeeAxis(EnforcementKind::kCommittal).has_value());
}

TEST(Enforcement, WaiverReasons) {
  EXPECT_TRUE(IsEnforcementWaiverReason("cms_error"));
  EXPECT_FALSE(IsEnforcementWaiverReason("hardship"));
}

}  // namespace
}  // namespace childmaint::cases
