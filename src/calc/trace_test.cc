#include "calc/trace.h"

#include <gtest/gtest.h>

namespace childmaint::calc {
namespace {

TEST(Trace, FormatsDescriptions) {
  Trace t(true);
  t.Step("cite", Money::Pence(9600)) << "Basic rate for " << Children{2} << ": " << Rate::Of(4, 25)
                                     << " of " << Pounds{Money::Pence(60000)};
  t.Step("cite2") << ExactPounds{ExactPence::Pence(8756) / 3} << " " << Children{1};
  ASSERT_EQ(t.steps().size(), 2u);
  EXPECT_EQ(t.Description(t.steps()[0]), "Basic rate for 2 qualifying children: 16% of \xC2\xA3" "600.00");
  EXPECT_TRUE(t.steps()[0].has_amount);
  EXPECT_EQ(t.steps()[0].amount_pence, 9600);
  EXPECT_EQ(t.Description(t.steps()[1]), "\xC2\xA3" "29.1866\xE2\x80\xA6 1 qualifying child");
  EXPECT_FALSE(t.steps()[1].has_amount);
  t.Clear();
  EXPECT_TRUE(t.steps().empty());
}

TEST(Trace, DisabledRecordsNothing) {
  Trace t(false);
  t.Step("cite", Money::Pence(1)) << "text";
  EXPECT_TRUE(t.steps().empty());
}

}  // namespace
}  // namespace childmaint::calc
