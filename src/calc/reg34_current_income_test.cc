#include "calc/reg34_current_income.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;

std::int64_t Gross(const Request& r) { return MustCalculate(r).result.gross_weekly_income.pence(); }

TEST(Income, AnnualToWeeklyRoundsHalfUp) {
  EXPECT_EQ(Gross(Req("2025-04-07").Annual(2700000).Rp("A", {0}).Build()), 51781);  // 517.808
  // 5475 × 7 / 365 = 105 exactly; 1 × 7 / 365 = 0.019… -> 0. (An exact half cannot arise: 365
  // is odd.)
  EXPECT_EQ(Gross(Req("2025-04-07").Annual(5475).Rp("A", {0}).Build()), 105);
  EXPECT_EQ(Gross(Req("2025-04-07").Annual(1).Rp("A", {0}).Build()), 0);
  // 2607 × 7 / 365 = 49.997… -> 50; 2581 × 7 / 365 = 49.4986… -> 49.
  EXPECT_EQ(Gross(Req("2025-04-07").Annual(2607).Rp("A", {0}).Build()), 50);
  EXPECT_EQ(Gross(Req("2025-04-07").Annual(2581).Rp("A", {0}).Build()), 49);
}

TEST(Income, PensionContributionsComeOffBeforeConverting) {
  EXPECT_EQ(Gross(Req("2025-04-07").Annual(3120000, 120000).Rp("A", {0}).Build()), 57534);
}

TEST(Income, TwentyFivePerCentRule) {
  // annual 2,080,000 pence × 7 / 365 = 39890.41… -> h = 39890.
  const std::int64_t annual = 2080000;
  const std::int64_t h = 39890;
  // 4|C − h| >= h uses current income: C = h + ceil(h/4) = 39890 + 9973 (4 × 9973 = 39892 >= h).
  EXPECT_EQ(Gross(Req("2025-04-07").HistoricCurrent(annual, h + 9973).Rp("A", {0}).Build()), h + 9973);
  // 4 × 9972 = 39888 < h: historic stays.
  EXPECT_EQ(Gross(Req("2025-04-07").HistoricCurrent(annual, h + 9972).Rp("A", {0}).Build()), h);
  // Downwards too.
  EXPECT_EQ(Gross(Req("2025-04-07").HistoricCurrent(annual, h - 9973).Rp("A", {0}).Build()), h - 9973);
  EXPECT_EQ(Gross(Req("2025-04-07").HistoricCurrent(annual, h - 9972).Rp("A", {0}).Build()), h);
  // Exactly 25 %: annual 2,085,715 -> 40000.01… -> h = 40000; C = 50000 differs by exactly 25 %.
  EXPECT_EQ(Gross(Req("2025-04-07").HistoricCurrent(2085715, 50000).Rp("A", {0}).Build()), 50000);
  // Nil historic and current above nil.
  EXPECT_EQ(Gross(Req("2025-04-07").HistoricCurrent(0, 1).Rp("A", {0}).Build()), 1);
}

}  // namespace
}  // namespace childmaint::calc
