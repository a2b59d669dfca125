#include "base/rate.h"

#include <gtest/gtest.h>

namespace childmaint {
namespace {

TEST(Rate, ParsesPercentagesAndFractions) {
  EXPECT_EQ(*Rate::Parse("12%"), Rate::Of(3, 25));
  EXPECT_EQ(*Rate::Parse("14.1%"), Rate::Of(141, 1000));
  EXPECT_EQ(*Rate::Parse("21.2%"), Rate::Of(212, 1000));
  EXPECT_EQ(*Rate::Parse("2/7"), Rate::Of(2, 7));
  EXPECT_EQ(*Rate::Parse("1/2"), Rate::Of(1, 2));
  EXPECT_EQ(*Rate::Parse("0"), Rate::Of(0, 1));
  EXPECT_EQ(*Rate::Parse("4"), Rate::Of(4, 1));
}

TEST(Rate, RejectsBadText) {
  for (const char* bad : {"", "%", "12.%", "1/0", "a%", "1.2345%", "-5%", "1/2/3", "0.5"}) {
    EXPECT_FALSE(Rate::Parse(bad).has_value()) << bad;
  }
}

TEST(Rate, ComplementAndProduct) {
  EXPECT_EQ(Rate::Of(11, 100).Complement(), Rate::Of(89, 100));
  EXPECT_EQ(Rate::Of(2, 7) * Rate::Of(7, 10), Rate::Of(1, 5));
  EXPECT_LT(Rate::Of(1, 7), Rate::Of(2, 7));
}

TEST(Rate, Text) {
  EXPECT_EQ(Rate::Of(3, 25).ToText(), "12%");
  EXPECT_EQ(Rate::Of(141, 1000).ToText(), "14.1%");
  EXPECT_EQ(Rate::Of(1, 2).ToText(), "50%");
  EXPECT_EQ(Rate::Of(2, 7).ToText(), "2/7");
  EXPECT_EQ(Rate::Of(2, 7).ToFraction(), "2/7");
}

}  // namespace
}  // namespace childmaint
