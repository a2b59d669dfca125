#include "cases/working_days.h"

#include <gtest/gtest.h>

#include "law/parameter_set.h"

namespace childmaint::cases {
namespace {

const law::Calendar& Ew() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return *kLaw.FindCalendar("calendars.bank_holidays_england_and_wales");
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

std::string Add(const char* from, std::int64_t n) {
  const auto r = AddWorkingDays(D(from), n, Ew());
  return r ? r->ToIso() : r.error().reason;
}

TEST(WorkingDays, IsWorkingDay) {
  EXPECT_TRUE(IsWorkingDay(D("2025-12-24"), Ew()));   // Wednesday
  EXPECT_FALSE(IsWorkingDay(D("2025-12-25"), Ew()));  // Christmas Day
  EXPECT_FALSE(IsWorkingDay(D("2025-12-27"), Ew()));  // Saturday
  EXPECT_FALSE(IsWorkingDay(D("2025-12-28"), Ew()));  // Sunday
  EXPECT_FALSE(IsWorkingDay(D("2022-09-19"), Ew()));  // State Funeral
  // Outside coverage only weekends are known (documented; AddWorkingDays refuses instead).
  EXPECT_TRUE(IsWorkingDay(D("2040-01-02"), Ew()));   // a Monday
  EXPECT_FALSE(IsWorkingDay(D("2040-01-01"), Ew()));  // a Sunday
}

TEST(WorkingDays, AcrossChristmasAndNewYear) {
  EXPECT_EQ(Add("2025-12-23", 1), "2025-12-24");
  EXPECT_EQ(Add("2025-12-23", 2), "2025-12-29");  // 25, 26 holidays; 27, 28 weekend
  EXPECT_EQ(Add("2025-12-23", 5), "2026-01-02");  // 1 January
  EXPECT_EQ(Add("2025-12-23", 6), "2026-01-05");
  EXPECT_EQ(Add("2021-12-24", 1), "2021-12-29");   // substitute days 27 and 28 December
  EXPECT_EQ(Add("2022-12-23", 15), "2023-01-18");  // 26, 27 Dec and 2 Jan 2023 (substitute)
}

TEST(WorkingDays, AcrossEaster) {
  EXPECT_EQ(Add("2025-04-17", 1), "2025-04-22");  // Good Friday 18, Easter Monday 21
  EXPECT_EQ(Add("2025-04-17", 2), "2025-04-23");
  EXPECT_EQ(Add("2025-04-17", 15), "2025-05-13");  // and the early May holiday, 5 May
  EXPECT_EQ(Add("2024-03-28", 1), "2024-04-02");   // Good Friday 29 Mar, Easter Monday 1 Apr
}

TEST(WorkingDays, DayZeroAndBackwards) {
  EXPECT_EQ(Add("2025-12-28", 0), "2025-12-28");  // from itself, even on a Sunday
  EXPECT_EQ(Add("2025-12-20", 1), "2025-12-22");  // from a Saturday: Monday is day 1
  EXPECT_EQ(Add("2025-12-29", -1), "2025-12-24");
  EXPECT_EQ(Add("2026-01-05", -6), "2025-12-23");
}

TEST(WorkingDays, OutsideTheCalendarIsAnError) {
  EXPECT_EQ(Add("2030-12-30", 1), "2030-12-31");
  EXPECT_EQ(Add("2030-12-30", 2), "calendar.not_covered");
  EXPECT_EQ(Add("2011-12-30", 1), "calendar.not_covered");
  EXPECT_EQ(Add("2012-01-03", -2), "calendar.not_covered");
  const auto r = AddWorkingDays(D("2030-12-30"), 2, Ew());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kOutOfRange);
  // Huge counts stop at the edge of the calendar instead of looping.
  EXPECT_EQ(Add("2020-06-01", INT64_MAX), "calendar.not_covered");
  EXPECT_EQ(Add("2020-06-01", INT64_MIN), "calendar.not_covered");
}

TEST(WorkingDays, Between) {
  EXPECT_EQ(WorkingDaysBetween(D("2024-12-31"), D("2025-12-31"), Ew()), 253);  // 261 - 8
  EXPECT_EQ(WorkingDaysBetween(D("2023-12-31"), D("2024-12-31"), Ew()), 254);  // 262 - 8
  EXPECT_EQ(WorkingDaysBetween(D("2025-12-23"), D("2025-12-29"), Ew()), 2);
  EXPECT_EQ(WorkingDaysBetween(D("2025-12-29"), D("2025-12-23"), Ew()), -2);
  EXPECT_EQ(WorkingDaysBetween(D("2025-12-25"), D("2025-12-25"), Ew()), 0);
  EXPECT_EQ(WorkingDaysBetween(D("2025-12-24"), D("2025-12-28"), Ew()), 0);
}

TEST(WorkingDays, BetweenInvertsAddAndMatchesCountingDayByDay) {
  for (Date from = D("2012-02-01"); from < D("2030-12-01"); from = from.AddDays(3)) {
    for (std::int64_t n = 0; n <= 16; n += 4) {
      const auto to = AddWorkingDays(from, n, Ew());
      ASSERT_TRUE(to.has_value()) << from.ToIso();
      ASSERT_EQ(WorkingDaysBetween(from, *to, Ew()), n) << from.ToIso() << " + " << n;
      const auto back = AddWorkingDays(*to, -n, Ew());
      ASSERT_TRUE(back.has_value());
      // Going back lands on the last working day at or before `from`.
      ASSERT_EQ(WorkingDaysBetween(*back, from, Ew()), 0) << from.ToIso() << " + " << n;
    }
    const Date far = from.AddDays(40);
    std::int64_t counted = 0;
    for (Date d = from.AddDays(1); d <= far; d = d.AddDays(1)) {
      counted += IsWorkingDay(d, Ew()) ? 1 : 0;
    }
    ASSERT_EQ(WorkingDaysBetween(from, far, Ew()), counted) << from.ToIso();
  }
}

}  // namespace
}  // namespace childmaint::cases
