#include "calc/sch1_para4_flat_rate.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

TEST(FlatRate, LowIncomeAndItsEdges) {
  auto o = MustCalculate(Req("2025-04-07").Weekly(8500).Rp("A", {0, 0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kFlat);
  EXPECT_EQ(o.result.weekly_liability.pence(), 700);
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(700).Rp("A", {0}).Build()).result.rate,
            RateKind::kFlat);
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(10000).Rp("A", {0}).Build()).result.rate,
            RateKind::kFlat);
  EXPECT_EQ(MustCalculate(Req("2013-01-15").Weekly(8000).Rp("A", {0, 0, 0, 0}).Build())
                .result.weekly_liability.pence(),
            500);
}

TEST(FlatRate, BenefitEvenWithHighIncome) {
  auto o = MustCalculate(Req("2025-04-07").Weekly(90000).Benefit("state_pension").Rp("A", {0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kFlat);
  EXPECT_EQ(o.result.weekly_liability.pence(), 700);
  EXPECT_EQ(o.result.income_used.pence(), 90000);
}

TEST(FlatRate, PartnerBenefitsCountOnlyForTheFive) {
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(60000).PartnerBenefit("pension_credit").Rp("A", {0}).Build())
                .result.rate,
            RateKind::kFlat);
  // A paying-parent-only benefit named for the partner is ignored.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(60000).PartnerBenefit("state_pension").Rp("A", {0}).Build())
                .result.rate,
            RateKind::kBasic);
}

TEST(FlatRate, CoupleRateIsHalf) {
  // Example 27.
  auto o = MustCalculate(
      Req("2025-04-07").Benefit("income_support").PartnerIsPayingParent().Rp("A", {0}).Build());
  EXPECT_EQ(o.result.weekly_liability.pence(), 350);
  EXPECT_TRUE(o.Cites("para 4(2)"));
  EXPECT_EQ(MustCalculate(Req("2013-01-15").Benefit("income_support").PartnerIsPayingParent()
                              .Rp("A", {0, 0, 0, 0}).Build())
                .result.weekly_liability.pence(),
            250);
  // Without a reg 44(2) benefit the partner flag changes nothing.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Benefit("state_pension").PartnerIsPayingParent()
                              .Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            700);
}

TEST(FlatRate, BenefitFlatRateWithSharedCareIsNilForThatReceivingParent) {
  // Example 17, and rule 11 with two receiving parents: no floor, nil not handed on.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Benefit("income_based_jsa").Rp("A", {60}).Build())
                .result.weekly_liability.pence(),
            0);
  auto o = MustCalculate(
      Req("2025-04-07").Benefit("income_based_jsa").Rp("A", {0, 0}).Rp("B", {52}).Build());
  EXPECT_EQ(o.result.receiving_parents[0].weekly.pence(), 467);
  EXPECT_EQ(o.result.receiving_parents[1].weekly.pence(), 0);
  EXPECT_EQ(o.result.weekly_amount_before_shared_care.pence(), 700);
  EXPECT_TRUE(o.Cites("para 8"));
  // 51 nights is below the para 8 threshold.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Benefit("income_based_jsa").Rp("A", {51}).Build())
                .result.weekly_liability.pence(),
            700);
}

TEST(FlatRate, LowIncomeFlatRateIsNotReducedByRequestSharedCare) {
  // Example 18.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(8000).Rp("A", {60}).Build())
                .result.weekly_liability.pence(),
            700);
}

TEST(FlatRate, SplitBetweenReceivingParentsByLargestRemainder) {
  // Example 21: 7/3 per child, A 2 children, B 1: A £4.67, B £2.33.
  auto o = MustCalculate(Req("2025-04-07").Benefit("income_support").Rp("A", {0, 0}).Rp("B", {0}).Build());
  EXPECT_EQ(o.result.receiving_parents[0].weekly.pence(), 467);
  EXPECT_EQ(o.result.receiving_parents[1].weekly.pence(), 233);
}

}  // namespace
}  // namespace childmaint::calc
