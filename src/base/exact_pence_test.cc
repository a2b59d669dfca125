#include "base/exact_pence.h"

#include <array>

#include <gtest/gtest.h>

namespace childmaint {
namespace {

TEST(ExactPence, ThirdsAreExact) {
  const ExactPence third = ExactPence::Pence(700) / 3;
  EXPECT_EQ(third * 3, ExactPence::Pence(700));
  EXPECT_EQ(third.Floor().pence(), 233);
}

TEST(RoundHalfUpToPenny, HalfGoesAwayFromZero) {
  EXPECT_EQ(RoundHalfUpToPenny(ExactPence::Pence(1) / 2).pence(), 1);
  EXPECT_EQ(RoundHalfUpToPenny(ExactPence::Pence(3) / 2).pence(), 2);
  EXPECT_EQ(RoundHalfUpToPenny(ExactPence::Pence(-1) / 2).pence(), -1);
  EXPECT_EQ(RoundHalfUpToPenny(ExactPence::Pence(1) / 3).pence(), 0);
  EXPECT_EQ(RoundHalfUpToPenny(ExactPence::Pence(2) / 3).pence(), 1);
  // 87.5615 pounds -> 8756 pence (rules.md §12 example 6).
  EXPECT_EQ(RoundHalfUpToPenny(ExactPence::Pence(46085) * Rate::Of(19, 100)).pence(), 8756);
}

TEST(ExactPence, RateAndComparison) {
  const ExactPence a = ExactPence::Pence(60000) * Rate::Of(16, 100);
  EXPECT_EQ(a, ExactPence::Pence(9600));
  EXPECT_LT(ExactPence::Pence(1) / 7, ExactPence::Pence(1) / 6);
  EXPECT_TRUE((ExactPence::Pence(1) - ExactPence::Pence(2)).IsNegative());
  EXPECT_EQ(Max(ExactPence::Pence(1), ExactPence::Pence(2)), ExactPence::Pence(2));
}

TEST(SplitLargestRemainder, PartsSumAndTiesGoEarlier) {
  // Flat 700 over 3 children, 2 with A and 1 with B: 466.67 + 233.33 (rules.md example 21).
  const std::array<ExactPence, 2> shares{ExactPence::Pence(1400) / 3, ExactPence::Pence(700) / 3};
  std::array<Money, 2> out;
  SplitLargestRemainder(Money::Pence(700), shares, out);
  EXPECT_EQ(out[0].pence(), 467);
  EXPECT_EQ(out[1].pence(), 233);
  // Equal fractions: the earlier share gets the penny.
  const std::array<ExactPence, 3> equal{ExactPence::Pence(1) / 3, ExactPence::Pence(1) / 3,
                                        ExactPence::Pence(1) / 3};
  std::array<Money, 3> parts;
  SplitLargestRemainder(Money::Pence(1), equal, parts);
  EXPECT_EQ(parts[0].pence(), 1);
  EXPECT_EQ(parts[1].pence(), 0);
  EXPECT_EQ(parts[2].pence(), 0);
}

}  // namespace
}  // namespace childmaint
