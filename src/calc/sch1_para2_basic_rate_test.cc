#include "calc/sch1_para2_basic_rate.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

TEST(BasicRate, PercentagesByQualifyingChildren) {
  // rules.md §12 examples 5, 8, 9 (OFFICIAL), 10 (cap).
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(60000).Rp("A", {0, 0}).Build())
                .result.weekly_liability.pence(),
            9600);
  auto plus = MustCalculate(Req("2025-04-07").Weekly(100000).Rp("A", {0, 0}).Build());
  EXPECT_EQ(plus.result.weekly_liability.pence(), 15200);
  EXPECT_EQ(plus.result.rate, RateKind::kBasicPlus);
  EXPECT_TRUE(plus.Cites("para 2(2)"));
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(160000).Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            16800);
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(350000).Rp("A", {0, 0, 0}).Build())
                .result.weekly_liability.pence(),
            48200);
}

TEST(BasicRate, RelevantOtherChildrenReduceIncomeBeforeThePercentage) {
  // Example 6: £517.81 × 0.89 × 19 % = 87.5615 -> £87.56.
  auto o = MustCalculate(Req("2025-04-07").Annual(2700000).RelevantOther(1).Rp("A", {0, 0, 0}).Build());
  EXPECT_EQ(o.result.weekly_liability.pence(), 8756);
  EXPECT_TRUE(o.Cites("para 2(3)"));
  // Example 25: the band is chosen before the reduction: £210, 3 ROC -> 176.40 × 12 %.
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(21000).RelevantOther(3).Rp("A", {0}).Build())
                .result.weekly_liability.pence(),
            2117);
  // Basic plus is decided on the reduced income: £900 with 2 ROC = 774 -> basic only.
  auto r = MustCalculate(Req("2025-04-07").Weekly(90000).RelevantOther(2).Rp("A", {0}).Build());
  EXPECT_EQ(r.result.rate, RateKind::kBasic);
  EXPECT_EQ(r.result.weekly_liability.pence(), 9288);  // 774 × 12 %
}

TEST(BasicRate, MoreRelevantOtherChildrenThanThreeUseTheThreeColumn) {
  const auto three = MustCalculate(Req("2025-04-07").Weekly(50000).RelevantOther(3).Rp("A", {0}).Build());
  const auto many = MustCalculate(Req("2025-04-07").Weekly(50000).RelevantOther(100).Rp("A", {0}).Build());
  EXPECT_EQ(three.result.weekly_liability, many.result.weekly_liability);
  EXPECT_EQ(three.result.weekly_liability.pence(), 5040);  // 420 × 12 %
}

}  // namespace
}  // namespace childmaint::calc
