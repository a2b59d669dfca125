#include "cases/linked_cases.h"

#include <gtest/gtest.h>

namespace childmaint::cases {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

Date D(const char* s) { return *Date::ParseIso(s); }

Json Income(std::int64_t weekly_pence) {
  Json income = Json::Object();
  income.Set("weekly_pence", Json(weekly_pence));
  Json pp = Json::Object();
  pp.Set("income", std::move(income));
  return pp;
}

const std::vector<CalcReceivingParent> kTwo = {{"121000000010", {{"c1", 0}}},
                                               {"121000000028", {{"c1", 0}, {"c2", 0}}}};

TEST(LinkedCases, OneCalculationSharedByReference) {
  SharedCalculator calc(Law());
  const auto s = calc.Calculate(D("2025-04-07"), Income(60000), kTwo, calc::Collection::kDirectPay);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  // Basic rate, 3 qualifying children: 19 % of £600 = £114, a third per child.
  EXPECT_EQ((*s)->PaysFor("121000000010").pence(), 3800);
  EXPECT_EQ((*s)->PaysFor("121000000028").pence(), 7600);
  EXPECT_EQ((*s)->PaysFor("121000000036").pence(), 0);
  EXPECT_NE((*s)->request.find("121000000028-c2"), std::string::npos);
  // The same request again is the same calculation; another collection is another one.
  const auto again =
      calc.Calculate(D("2025-04-07"), Income(60000), kTwo, calc::Collection::kDirectPay);
  EXPECT_EQ(*again, *s);
  const auto cp =
      calc.Calculate(D("2025-04-07"), Income(60000), kTwo, calc::Collection::kCollectAndPay);
  ASSERT_TRUE(cp.has_value());
  EXPECT_NE(*cp, *s);
  EXPECT_EQ((*cp)->PaysFor("121000000010").pence(), 4560);  // + the 20 % fee
}

TEST(LinkedCases, ContractErrorsNameTheField) {
  SharedCalculator calc(Law());
  const auto s = calc.Calculate(D("2025-04-07"), Income(-1), kTwo, calc::Collection::kDirectPay);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, "paying_parent.income.weekly_pence");
}

TEST(LinkedCases, ChildrenInRequestTakeOffTheReference) {
  const Json req = *Json::Parse(BuildCalculationRequest(D("2025-04-07"), Income(60000), kTwo,
                                                        calc::Collection::kDirectPay));
  const auto mine = ChildrenInRequest(req, "121000000028");
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].first, "c1");
  EXPECT_EQ(mine[1].first, "c2");
  EXPECT_TRUE(ChildrenInRequest(req, "121000000036").empty());
  const Json single = *Json::Parse(BuildCalculationRequest(
      D("2025-04-07"), Income(60000), {{"121000000010", {{"c1", 104}}}},
      calc::Collection::kDirectPay));
  const auto one = ChildrenInRequest(single, "121000000010");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].first, "c1");
  EXPECT_EQ(one[0].second, 104);
}

TEST(LinkedCases, OtherReferencesAreNeverShown) {
  SharedCalculator calc(Law());
  const auto s = calc.Calculate(D("2025-04-07"), Income(60000), kTwo, calc::Collection::kDirectPay);
  ASSERT_TRUE(s.has_value());
  const std::string seen = WithoutOtherReferences((*s)->response, "121000000010");
  EXPECT_EQ(seen.find("121000000028"), std::string::npos);
  EXPECT_NE(seen.find("\"other-1\""), std::string::npos);
  EXPECT_NE(seen.find("other-1-c2"), std::string::npos);
  EXPECT_NE(seen.find("121000000010"), std::string::npos);
  const Json j = *Json::Parse(seen);
  EXPECT_EQ(j.Find("weekly_liability_pence")->AsInt(), 11400);
  // The other case's parent sees the first case's reference replaced instead.
  const std::string theirs = WithoutOtherReferences((*s)->response, "121000000028");
  EXPECT_EQ(theirs.find("121000000010"), std::string::npos);
  EXPECT_NE(theirs.find("121000000028"), std::string::npos);
}

}  // namespace
}  // namespace childmaint::cases
