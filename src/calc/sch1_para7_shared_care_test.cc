#include "calc/sch1_para7_shared_care.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::MustCalculate;
using testing::Req;
using testing::TestLaw;

TEST(SharedCare, BandsAndLabels) {
  const law::LawInForce& law = **TestLaw().InForce(*Date::ParseIso("2025-04-07"));
  const std::pair<std::int64_t, const char*> cases[] = {
      {0, "none"},       {51, "none"},      {52, "52-103"},  {103, "52-103"}, {104, "104-155"},
      {155, "104-155"},  {156, "156-174"},  {174, "156-174"}, {175, "175+"},  {366, "175+"}};
  for (const auto& [nights, label] : cases) {
    std::string got;
    AppendBandLabel(got, SharedCareBandOf(nights, law), law);
    EXPECT_EQ(got, label) << nights;
  }
}

TEST(SharedCare, WorkedExamples) {
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(40000).Rp("A", {60}).Build()).result.weekly_liability.pence(),
            4114);  // example 11
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(40000).Rp("A", {160}).Build()).result.weekly_liability.pence(),
            2743);  // example 12
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(50000).Rp("A", {175, 175}).Build()).result.weekly_liability.pence(),
            2600);  // example 13
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(92500).Rp("A", {175, 175, 175}).Build()).result.weekly_liability.pence(),
            6438);  // example 14 (OFFICIAL 64.38)
  EXPECT_EQ(MustCalculate(Req("2025-04-07").Weekly(70000).Rp("A", {0, 110}).Build()).result.weekly_liability.pence(),
            9600);  // example 15
}

TEST(SharedCare, MinimumAfterSharedCare) {
  // Example 16: £180, 2 QC, 1 ROC, both 175+: below £7 -> £7.
  auto o = MustCalculate(Req("2025-04-07").Weekly(18000).RelevantOther(1).Rp("A", {175, 175}).Build());
  EXPECT_EQ(o.result.weekly_liability.pence(), 700);
  EXPECT_TRUE(o.Cites("para 7(7)"));
  // Example 28: before 25 Nov 2013 the further decrease is £7 but the floor £5.
  EXPECT_EQ(MustCalculate(Req("2013-01-15").Weekly(30000).Rp("A", {175, 175, 175, 175}).Build())
                .result.weekly_liability.pence(),
            500);
}

TEST(SharedCare, EachReceivingParentAtLeastNil) {
  // Example 30: A's 175+ child takes A below nil: A nil, B £15.00.
  auto o = MustCalculate(Req("2025-04-07").Weekly(15000).Rp("A", {175}).Rp("B", {0, 0}).Build());
  EXPECT_EQ(o.result.receiving_parents[0].weekly.pence(), 0);
  EXPECT_EQ(o.result.receiving_parents[1].weekly.pence(), 1500);
  // Example 31: both nil, total below £7: £7 split by children.
  auto m = MustCalculate(Req("2025-04-07").Weekly(12000).Rp("A", {175}).Rp("B", {175}).Build());
  EXPECT_EQ(m.result.receiving_parents[0].weekly.pence(), 350);
  EXPECT_EQ(m.result.receiving_parents[1].weekly.pence(), 350);
}

TEST(SharedCare, ApportionmentBetweenReceivingParents) {
  // Examples 19 and 20.
  auto o = MustCalculate(Req("2025-04-07").Weekly(60000).Rp("A", {0, 0}).Rp("B", {0}).Build());
  EXPECT_EQ(o.result.receiving_parents[0].weekly.pence(), 7600);
  EXPECT_EQ(o.result.receiving_parents[1].weekly.pence(), 3800);
  auto s = MustCalculate(Req("2025-04-07").Weekly(60000).Rp("A", {0, 0}).Rp("B", {175}).Build());
  EXPECT_EQ(s.result.receiving_parents[1].weekly.pence(), 1200);
  EXPECT_EQ(s.result.weekly_liability.pence(), 8800);
}

}  // namespace
}  // namespace childmaint::calc
