#include "calc/regs63_74_variations.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using law::ExpenseKind;
using testing::MustCalculate;
using testing::Req;

std::int64_t Liability(const Request& r) { return MustCalculate(r).result.weekly_liability.pence(); }

TEST(SpecialExpenses, GateAtTenPoundsThenTheWholeAmount) {
  // Example 24: (500 − 25) × 12 % = £57.00.
  auto o = MustCalculate(Req("2025-04-07").Weekly(50000).Expense(ExpenseKind::kContactCosts, 2500).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.weekly_liability.pence(), 5700);
  EXPECT_EQ(o.result.income_used.pence(), 47500);
  EXPECT_TRUE(o.Cites("reg 72"));
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(50000).Expense(ExpenseKind::kContactCosts, 999).Rp("A", {0}).Build()), 6000);
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(50000).Expense(ExpenseKind::kContactCosts, 1000).Rp("A", {0}).Build()), 5880);
}

TEST(SpecialExpenses, SameKindAddedBeforeTheGate) {
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(50000).Expense(ExpenseKind::kPriorDebts, 500)
                          .Expense(ExpenseKind::kPriorDebts, 500).Rp("A", {0}).Build()),
            5880);
  // Different kinds are gated separately.
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(50000).Expense(ExpenseKind::kPriorDebts, 500)
                          .Expense(ExpenseKind::kContactCosts, 500).Rp("A", {0}).Build()),
            6000);
}

TEST(SpecialExpenses, DisabilityOfARelevantOtherChildHasNoThreshold) {
  // Example 32: (500 − 8) × 12 % = £59.04.
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(50000).Expense(ExpenseKind::kRelevantOtherChildDisability, 800).Rp("A", {0}).Build()),
            5904);
}

TEST(SpecialExpenses, IgnoredOnFlatAndNeverGiveNil) {
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(9000).Expense(ExpenseKind::kContactCosts, 5000).Rp("A", {0}).Build()), 700);
  auto o = MustCalculate(Req("2025-04-07").Weekly(15000).Expense(ExpenseKind::kContactCosts, 15000).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kFlat);
  EXPECT_EQ(o.result.weekly_liability.pence(), 700);
  EXPECT_EQ(o.result.income_used.pence(), 0);
}

TEST(SpecialExpenses, DeductedFromUncappedIncome) {
  // £3,500 − £100 = £3,400, still capped at £3,000: 96 + 2200 × 9 % = £294.
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(350000).Expense(ExpenseKind::kContactCosts, 10000).Rp("A", {0}).Build()), 29400);
  // £3,050 − £100 = £2,950: 96 + 2150 × 9 % = 289.50.
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(305000).Expense(ExpenseKind::kContactCosts, 10000).Rp("A", {0}).Build()), 28950);
}

TEST(AdditionalIncome, AddedBeforeTheCap) {
  auto o = MustCalculate(Req("2025-04-07").Weekly(290000).Additional(50000).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.income_used.pence(), 300000);
  EXPECT_EQ(o.result.weekly_liability.pence(), 29400);
}

TEST(AdditionalIncome, VariesAPayingParentOnlyBenefitFlatRate) {
  // Example 34 under the contract's reading: flat £7 varied to the basic rate on £300: £36.00.
  auto o = MustCalculate(Req("2025-04-07").Benefit("state_pension").Additional(30000).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kBasic);
  EXPECT_EQ(o.result.weekly_liability.pence(), 3600);
  EXPECT_EQ(o.result.income_used.pence(), 30000);
  EXPECT_TRUE(o.Cites("73(2)"));
  // Exactly £100 is not above £100.
  EXPECT_EQ(Liability(Req("2025-04-07").Benefit("state_pension").Additional(10000).Rp("A", {0}).Build()), 700);
  // £101: reduced on £101 = 7.17, never below the flat rate.
  EXPECT_EQ(Liability(Req("2025-04-07").Benefit("state_pension").Additional(10100).Rp("A", {0}).Build()), 717);
  // Shared care then follows para 7, not para 8.
  EXPECT_EQ(Liability(Req("2025-04-07").Benefit("state_pension").Additional(30000).Rp("A", {60}).Build()), 3086);
}

TEST(AdditionalIncome, DoesNotVaryAPartnerBenefitFlatRate) {
  EXPECT_EQ(Liability(Req("2025-04-07").Benefit("state_pension").PartnerBenefit("income_support")
                          .Additional(30000).Rp("A", {0}).Build()),
            700);
}

}  // namespace
}  // namespace childmaint::calc
