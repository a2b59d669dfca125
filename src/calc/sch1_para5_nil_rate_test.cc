#include "calc/sch1_para5_nil_rate.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

TEST(NilRate, IncomeBelowTheFlatRate) {
  auto o = MustCalculate(Req("2025-04-07").Weekly(699).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kNil);
  EXPECT_EQ(o.result.weekly_liability.pence(), 0);
  EXPECT_TRUE(o.Cites("para 5"));
  // Before 25 Nov 2013 the flat rate, and so the nil threshold, was £5.
  EXPECT_EQ(MustCalculate(Req("2013-01-15").Weekly(699).Rp("A", {0, 0, 0, 0}).Build()).result.rate,
            RateKind::kFlat);
  EXPECT_EQ(MustCalculate(Req("2013-01-15").Weekly(499).Rp("A", {0, 0, 0, 0}).Build()).result.rate,
            RateKind::kNil);
}

TEST(NilRate, NoIncomeAtAllIsNil) {
  auto o = MustCalculate(Req("2025-04-07").Rp("A", {0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kNil);
  EXPECT_EQ(o.result.gross_weekly_income.pence(), 0);
}

TEST(NilRate, ReasonBeatsEverything) {
  auto o = MustCalculate(Req("2025-04-07").Weekly(100000).Benefit("income_support")
                             .Nil(NilRateReason::kPrisoner).Additional(50000).Rp("A", {0}).Build());
  EXPECT_EQ(o.result.rate, RateKind::kNil);
  EXPECT_EQ(o.result.weekly_liability.pence(), 0);
  EXPECT_EQ(o.result.income_used.pence(), 150000);  // gross + additional, capped, as the contract says
}

TEST(NilRate, AdditionalIncomeCountsForTheNilTest) {
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(500).Additional(300).Rp("A", {0}).Build()).result.rate,
            RateKind::kFlat);
}

}  // namespace
}  // namespace childmaint::calc
