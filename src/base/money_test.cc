#include "base/money.h"

#include <gtest/gtest.h>

namespace childmaint {
namespace {

TEST(Money, ParsePounds) {
  EXPECT_EQ(Money::ParsePounds("800.00")->pence(), 80000);
  EXPECT_EQ(Money::ParsePounds("7.00")->pence(), 700);
  EXPECT_EQ(Money::ParsePounds("0.01")->pence(), 1);
  EXPECT_EQ(Money::ParsePounds("-3.50")->pence(), -350);
}

TEST(Money, ParsePoundsRejectsOtherShapes) {
  for (const char* bad : {"800", "800.0", "800.000", ".50", "8a.00", "", "1e3.00", "£7.00",
                          "99999999999999999999.00"}) {
    EXPECT_FALSE(Money::ParsePounds(bad).has_value()) << bad;
  }
}

TEST(Money, ToPoundsGroupsThousands) {
  EXPECT_EQ(Money::Pence(60000).ToPounds(), "\xC2\xA3" "600.00");
  EXPECT_EQ(Money::Pence(300000).ToPounds(), "\xC2\xA3" "3,000.00");
  EXPECT_EQ(Money::Pence(123456789).ToPounds(), "\xC2\xA3" "1,234,567.89");
  EXPECT_EQ(Money::Pence(5).ToPounds(), "\xC2\xA3" "0.05");
  EXPECT_EQ(Money::Pence(-250).ToPounds(), "-\xC2\xA3" "2.50");
}

TEST(Money, Arithmetic) {
  EXPECT_EQ((Money::Pence(700) + Money::Pence(140)).pence(), 840);
  EXPECT_EQ((Money::Pence(700) - Money::Pence(800)).pence(), -100);
  EXPECT_EQ((Money::Pence(700) * 52).pence(), 36400);
  EXPECT_LT(Money::Pence(1), Money::Pence(2));
}

TEST(Money, CheckedOverflowIsAnError) {
  const Money big = Money::Pence(INT64_MAX);
  EXPECT_FALSE(CheckedAdd(big, Money::Pence(1)).has_value());
  EXPECT_EQ(CheckedAdd(big, Money::Pence(0))->pence(), INT64_MAX);
  EXPECT_FALSE(CheckedSub(Money::Pence(INT64_MIN), Money::Pence(1)).has_value());
}

TEST(MoneyDeathTest, UncheckedOverflowAborts) {
  EXPECT_DEATH({ (void)(Money::Pence(INT64_MAX) + Money::Pence(1)); }, "overflow");
}

}  // namespace
}  // namespace childmaint
