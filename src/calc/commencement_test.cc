#include "calc/commencement.h"

#include <gtest/gtest.h>

#include "calc/calc_test_util.h"

namespace childmaint::calc {
namespace {

using testing::ErrorOf;
using testing::Req;

TEST(Commencement, StagesPerReceivingParent) {
  EXPECT_EQ(ErrorOf(Req("2012-12-09").Weekly(60000).Rp("A", {0, 0, 0, 0}).Build()), "scheme_not_in_force");
  EXPECT_EQ(ErrorOf(Req("2012-12-10").Weekly(60000).Rp("A", {0, 0, 0, 0}).Build()), "");
  EXPECT_EQ(ErrorOf(Req("2012-12-10").Weekly(60000).Rp("A", {0, 0, 0}).Build()), "scheme_not_in_force");
  EXPECT_EQ(ErrorOf(Req("2013-07-28").Weekly(60000).Rp("A", {0, 0}).Build()), "scheme_not_in_force");
  EXPECT_EQ(ErrorOf(Req("2013-07-29").Weekly(60000).Rp("A", {0, 0}).Build()), "");
  EXPECT_EQ(ErrorOf(Req("2013-07-29").Weekly(60000).Rp("A", {0}).Build()), "scheme_not_in_force");
  EXPECT_EQ(ErrorOf(Req("2013-11-25").Weekly(60000).Rp("A", {0}).Build()), "");
  // Children with different receiving parents are not added together.
  EXPECT_EQ(ErrorOf(Req("2013-08-01").Weekly(60000).Rp("A", {0, 0}).Rp("B", {0}).Build()), "scheme_not_in_force");
  EXPECT_EQ(ErrorOf(Req("2013-08-01").Weekly(60000).Rp("A", {0, 0}).Rp("B", {0, 0}).Build()), "");
}

TEST(Commencement, ErrorNamesTheField) {
  Result res;
  Trace trace(false);
  const auto s = Calculate(Req("2013-08-01").Weekly(60000).Rp("A", {0, 0}).Rp("B", {0}).Build(),
                           testing::TestLaw(), res, trace);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "receiving_parents[1].children");
}

}  // namespace
}  // namespace childmaint::calc
