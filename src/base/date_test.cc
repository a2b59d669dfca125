#include "base/date.h"

#include <gtest/gtest.h>

namespace childmaint {
namespace {

TEST(Date, ParseIsoAcceptsRealDatesOnly) {
  EXPECT_EQ(Date::ParseIso("2024-02-29")->ToIso(), "2024-02-29");
  for (const char* bad : {"2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-04-07",
                          "2025-4-07", "2025/04/07", "2025-04-07T", "", "0000-01-01",
                          "２025-04-07"}) {
    EXPECT_FALSE(Date::ParseIso(bad).has_value()) << bad;
  }
}

TEST(Date, Arithmetic) {
  const Date d = *Date::ParseIso("2025-12-30");
  EXPECT_EQ(d.AddDays(3).ToIso(), "2026-01-02");
  EXPECT_EQ(DaysBetween(d, d.AddDays(3)), 3);
  EXPECT_EQ((DateRange{d, d.AddDays(10)}).Days(), 10);
  EXPECT_TRUE((DateRange{d, d.AddDays(1)}).Contains(d));
  EXPECT_FALSE((DateRange{d, d.AddDays(1)}).Contains(d.AddDays(1)));
  EXPECT_EQ(Date::ParseIso("2025-04-07")->WeekdayIso(), 0u);  // a Monday
}

TEST(Date, AddMonthsClampsOrFails) {
  const Date jan31 = *Date::ParseIso("2024-01-31");
  EXPECT_EQ(AddMonths(jan31, 1, MonthEnd::kClampToLastDay)->ToIso(), "2024-02-29");
  EXPECT_EQ(AddMonths(jan31, 2, MonthEnd::kClampToLastDay)->ToIso(), "2024-03-31");
  EXPECT_EQ(AddMonths(jan31, 13, MonthEnd::kClampToLastDay)->ToIso(), "2025-02-28");
  EXPECT_FALSE(AddMonths(jan31, 1, MonthEnd::kFail).has_value());
  EXPECT_EQ(AddMonths(jan31, -2, MonthEnd::kClampToLastDay)->ToIso(), "2023-11-30");
  EXPECT_FALSE(AddMonths(jan31, -2, MonthEnd::kFail).has_value());
  EXPECT_EQ(AddMonths(jan31, -13, MonthEnd::kFail)->ToIso(), "2022-12-31");
}

TEST(Date, AgeOn) {
  const Date born = *Date::ParseIso("2010-06-15");
  EXPECT_EQ(AgeOn(born, *Date::ParseIso("2026-06-14")), 15);
  EXPECT_EQ(AgeOn(born, *Date::ParseIso("2026-06-15")), 16);
}

}  // namespace
}  // namespace childmaint

namespace childmaint {
namespace {

TEST(DateLongText, WritesDayMonthNameAndYear) {
  EXPECT_EQ(Date::ParseIso("2025-04-07")->ToLongText(), "7 April 2025");
  EXPECT_EQ(Date::ParseIso("2012-12-10")->ToLongText(), "10 December 2012");
  EXPECT_EQ(Date::ParseIso("2024-02-29")->ToLongText(), "29 February 2024");
  std::string out = "from ";
  Date::ParseIso("2026-01-01")->AppendLongText(out);
  EXPECT_EQ(out, "from 1 January 2026");
}

}  // namespace
}  // namespace childmaint
