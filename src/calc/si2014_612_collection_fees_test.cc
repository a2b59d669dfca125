#include "calc/si2014_612_collection_fees.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

TEST(CollectionFees, TwentyAndFourPerCent) {
  // Example 22: £100 liability (£844.44: 96 + 44.44 × 9 % = 99.9996): pays £120, gets £96.
  auto o = MustCalculate(Req("2025-04-07").Weekly(84444).CollectAndPay().Rp("A", {0}).Build());
  const auto& rp = o.result.receiving_parents[0];
  EXPECT_EQ(rp.weekly.pence(), 10000);
  EXPECT_EQ(rp.paying_parent_fee.pence(), 2000);
  EXPECT_EQ(rp.receiving_parent_fee.pence(), 400);
  EXPECT_EQ(rp.paying_parent_pays.pence(), 12000);
  EXPECT_EQ(rp.receiving_parent_gets.pence(), 9600);
  // Example 23: on the flat rate, £1.40.
  auto f = MustCalculate(Req("2025-04-07").Benefit("income_support").CollectAndPay().Rp("A", {0}).Build());
  EXPECT_EQ(f.result.receiving_parents[0].paying_parent_fee.pence(), 140);
  EXPECT_EQ(f.result.receiving_parents[0].receiving_parent_fee.pence(), 28);
}

TEST(CollectionFees, RoundHalfUpPerReceivingParent) {
  // £22.48 × 4 % = 89.92p -> 90p; × 20 % = 449.6p -> 450p.
  auto o = MustCalculate(Req("2025-04-07").Weekly(17300).RelevantOther(1).CollectAndPay().Rp("A", {0, 0}).Build());
  EXPECT_EQ(o.result.receiving_parents[0].paying_parent_fee.pence(), 450);
  EXPECT_EQ(o.result.receiving_parents[0].receiving_parent_fee.pence(), 90);
}

TEST(CollectionFees, NoneBefore11August2014OrUnderDirectPay) {
  EXPECT_EQ(MustCalculate(Req("2014-08-10").Weekly(60000).CollectAndPay().Rp("A", {0}).Build())
                .result.receiving_parents[0].paying_parent_fee.pence(),
            0);
  EXPECT_EQ(MustCalculate(Req("2014-08-11").Weekly(60000).CollectAndPay().Rp("A", {0}).Build())
                .result.receiving_parents[0].paying_parent_fee.pence(),
            1440);
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(60000).Rp("A", {0}).Build())
                .result.receiving_parents[0].paying_parent_fee.pence(),
            0);
}

}  // namespace
}  // namespace childmaint::calc
