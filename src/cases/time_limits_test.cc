#include "cases/time_limits.h"

#include <gtest/gtest.h>

namespace childmaint::cases {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

std::string Iso(const Result<Date>& r) { return r ? r->ToIso() : r.error().reason; }

TEST(ReconsiderationDeadline, ThirtyDaysAfterNotificationInclusive) {
  EXPECT_EQ(Iso(ReconsiderationDeadline(D("2025-03-01"), Law())), "2025-03-31");
  EXPECT_EQ(Iso(ReconsiderationDeadline(D("2025-01-31"), Law())), "2025-03-02");
  EXPECT_EQ(Iso(ReconsiderationDeadline(D("2024-02-10"), Law())), "2024-03-11");  // leap year
  EXPECT_EQ(Iso(ReconsiderationDeadline(D("2012-12-10"), Law())), "2013-01-09");
  EXPECT_EQ(Iso(ReconsiderationDeadline(D("2012-12-09"), Law())), "law.no_value_in_force");
}

TEST(OnlineChange, WithinThirtyTwoDaysCountsAsReconsideration) {
  const Date decision = D("2025-03-01");
  EXPECT_EQ(Iso(OnlineChangeReconsiderationDeadline(decision, Law())), "2025-04-02");
  EXPECT_TRUE(OnlineChangeCountsAsReconsideration(decision, D("2025-03-01"), Law()));
  EXPECT_TRUE(OnlineChangeCountsAsReconsideration(decision, D("2025-04-02"), Law()));
  EXPECT_FALSE(OnlineChangeCountsAsReconsideration(decision, D("2025-04-03"), Law()));
  EXPECT_FALSE(OnlineChangeCountsAsReconsideration(decision, D("2025-02-28"), Law()));
  EXPECT_FALSE(OnlineChangeCountsAsReconsideration(D("2012-11-01"), D("2012-11-02"), Law()));
}

TEST(AppealDeadline, OneMonthAfterTheNoticeClamped) {
  EXPECT_EQ(Iso(AppealDeadline(D("2025-06-15"), Law())), "2025-07-15");
  EXPECT_EQ(Iso(AppealDeadline(D("2025-01-31"), Law())), "2025-02-28");  // never 3 March
  EXPECT_EQ(Iso(AppealDeadline(D("2024-01-31"), Law())), "2024-02-29");
  EXPECT_EQ(Iso(AppealDeadline(D("2025-03-31"), Law())), "2025-04-30");
  EXPECT_EQ(Iso(AppealDeadline(D("2025-12-31"), Law())), "2026-01-31");
  EXPECT_EQ(Iso(AppealDeadline(D("2012-12-01"), Law())), "law.no_value_in_force");
}

TEST(AppealAbsoluteDeadline, ThirteenMonthsInOneStep) {
  EXPECT_EQ(Iso(AppealAbsoluteDeadline(D("2025-06-15"), Law())), "2026-07-15");
  EXPECT_EQ(Iso(AppealAbsoluteDeadline(D("2025-01-31"), Law())), "2026-02-28");
  // One step: 29 Feb 2024 (1 month then 12 would give 28 Feb 2024).
  EXPECT_EQ(Iso(AppealAbsoluteDeadline(D("2023-01-31"), Law())), "2024-02-29");
  EXPECT_EQ(Iso(AppealAbsoluteDeadline(D("2024-11-30"), Law())), "2025-12-30");
}

std::string Stops(const char* born, bool in_education, std::optional<Date> ends = std::nullopt) {
  return Iso(ChildStopsQualifying(D(born), in_education, ends, Law()));
}

TEST(ChildStopsQualifying, SixteenOrEducationUntilTwenty) {
  EXPECT_EQ(Stops("2010-06-15", false), "2026-06-15");
  EXPECT_EQ(Stops("2010-06-15", false, D("2028-07-01")), "2026-06-15");  // end ignored
  EXPECT_EQ(Stops("2010-06-15", true), "2030-06-15");                    // no end known
  EXPECT_EQ(Stops("2010-06-15", true, D("2028-07-01")), "2028-07-01");   // education ends first
  EXPECT_EQ(Stops("2010-06-15", true, D("2031-01-01")), "2030-06-15");   // 20th birthday first
  EXPECT_EQ(Stops("2010-06-15", true, D("2025-07-20")), "2026-06-15");   // under 16 anyway
  EXPECT_EQ(Stops("1999-05-01", false), "2015-05-01");  // born before the scheme opened
  EXPECT_EQ(Stops("2010-06-15", true, D("2009-01-01")), "invalid_education_end");
}

TEST(ChildStopsQualifying, TwentyNinthOfFebruary) {
  EXPECT_EQ(Stops("2008-02-29", false), "2024-02-29");  // 16th birthday in a leap year
  EXPECT_EQ(Stops("2008-02-29", true), "2028-02-29");
  EXPECT_EQ(Stops("2084-02-29", false), "2100-03-01");  // 2100 is not a leap year
  EXPECT_EQ(Stops("2080-02-29", true), "2100-03-01");
  EXPECT_EQ(Stops("2009-02-28", false), "2025-02-28");
  EXPECT_EQ(Stops("2009-03-01", false), "2025-03-01");
  EXPECT_EQ(Birthday(D("2012-02-29"), 1)->ToIso(), "2013-03-01");
  EXPECT_EQ(Birthday(D("2012-02-29"), 4)->ToIso(), "2016-02-29");
}

TEST(ChildStopsQualifying, AgreesWithAgeOnForEveryBirthDate) {
  for (Date born = D("2000-01-01"); born < D("2030-12-31"); born = born.AddDays(1)) {
    const auto at16 = ChildStopsQualifying(born, false, std::nullopt, Law());
    ASSERT_TRUE(at16.has_value()) << born.ToIso();
    ASSERT_EQ(AgeOn(born, *at16), 16) << born.ToIso();
    ASSERT_EQ(AgeOn(born, at16->AddDays(-1)), 15) << born.ToIso();
    const auto at20 = ChildStopsQualifying(born, true, std::nullopt, Law());
    ASSERT_TRUE(at20.has_value()) << born.ToIso();
    ASSERT_EQ(AgeOn(born, *at20), 20) << born.ToIso();
    ASSERT_EQ(AgeOn(born, at20->AddDays(-1)), 19) << born.ToIso();
  }
}

}  // namespace
}  // namespace childmaint::cases
