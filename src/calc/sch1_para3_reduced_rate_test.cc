#include "calc/sch1_para3_reduced_rate.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

std::int64_t Liability(const Request& r) { return MustCalculate(r).result.weekly_liability.pence(); }

TEST(ReducedRate, CurrentTable) {
  // Example 3: £173, 2 QC, 1 ROC: 7 + 73 × 21.2 % = 22.476 -> £22.48.
  const auto o = MustCalculate(Req("2025-04-07").Weekly(17300).RelevantOther(1).Rp("A", {0, 0}).Build());
  EXPECT_EQ(o.result.weekly_liability.pence(), 2248);
  EXPECT_EQ(o.result.rate, RateKind::kReduced);
  EXPECT_TRUE(o.Cites("reg 43"));
  // Example 4: £150, 1 QC: 7 + 50 × 17 %.
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(15000).Rp("A", {0}).Build()), 1550);
}

TEST(ReducedRate, OriginalTableAndFiveAFlatRateBefore25November2013) {
  // Example 3 before the change: 5 + 73 × 23.5 % = 22.155 -> £22.16 (2 QC stage open from 29 Jul 2013).
  EXPECT_EQ(Liability(Req("2013-11-24").Weekly(17300).RelevantOther(1).Rp("A", {0, 0}).Build()), 2216);
}

TEST(ReducedRate, BandEdges) {
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(10001).Rp("A", {0}).Build()), 700);   // 7.0017
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(19999).Rp("A", {0}).Build()), 2400);  // 23.9983
  EXPECT_EQ(Liability(Req("2025-04-07").Weekly(20000).Rp("A", {0}).Build()), 2400);  // basic
}

}  // namespace
}  // namespace childmaint::calc
