#include "calc/sch1_para5a_other_supported.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

TEST(Para5A, RateForAllChildrenScaledToTheQualifyingOnes) {
  // Example 29: £600, 1 QC + 1 other: 16 % -> 96.00 × 1/2 = £48.00.
  auto o = MustCalculate(Req("2025-04-07").Weekly(60000).OtherSupported(1).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.weekly_liability.pence(), 4800);
  EXPECT_EQ(o.result.weekly_amount_before_shared_care.pence(), 4800);
  EXPECT_TRUE(o.Cites("para 5A"));
}

TEST(Para5A, ReducedRateUsesTheTableRowForAllChildren) {
  // £150, 1 QC + 2 others: 7 + 50 × 31 % = 22.50 × 1/3 = 7.50.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(15000).OtherSupported(2).Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            750);
}

TEST(Para5A, NeverBelowTheFlatRate) {
  // £101, 1 QC + 5 others: 7 + 1 × 31 % = 7.31 × 1/6 = 1.22 -> the minimum £7.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(10100).OtherSupported(5).Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            700);
}

TEST(Para5A, DoesNotTouchTheFlatRate) {
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(9000).OtherSupported(3).Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            700);
}

TEST(Para5A, RoundsOnlyAfterScaling) {
  // £517.81, 1 QC + 2 others: 19 % of it is 98.3839; × 1/3 = 32.7946 -> £32.79.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(51781).OtherSupported(2).Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            3279);
}

}  // namespace
}  // namespace childmaint::calc
