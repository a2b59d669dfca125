// Unit tests for the schedule module: due dates, instalment amounts, initial arrears and the
// totals due by a date (api.md "How the schedule and the statement follow from a decision").
#include "schedule/schedule.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "schedule/due_dates.h"
#include "schedule/frequency.h"
#include "schedule/instalments.h"

namespace childmaint::schedule {
namespace {

constexpr std::int64_t kRefWeeks = 52;

Date D(std::string_view iso) {
  const auto d = Date::ParseIso(iso);
  EXPECT_TRUE(d.has_value()) << iso;
  return *d;
}

std::string Due(Date first, Frequency f, std::int64_t j) {
  const auto d = DueDate(first, f, j);
  EXPECT_TRUE(d.has_value()) << j;
  return d ? d->ToIso() : "error";
}

ScheduleTerms Terms(std::int64_t weekly, Frequency f, std::string_view effective,
                    std::string_view first) {
  return ScheduleTerms{Money::Pence(weekly), f, D(effective), D(first), kRefWeeks};
}

std::int64_t Amount(std::int64_t weekly, Frequency f, std::int64_t j) {
  return InstalmentAmount(Money::Pence(weekly), kRefWeeks, f, j).pence();
}

TEST(ScheduleFrequency, NamesRoundTripAndCounts) {
  const std::vector<std::pair<Frequency, std::int64_t>> all = {{Frequency::kWeekly, 52},
                                                               {Frequency::kFortnightly, 26},
                                                               {Frequency::kFourWeekly, 13},
                                                               {Frequency::kMonthly, 12}};
  for (const auto& [f, n] : all) {
    EXPECT_EQ(InstalmentsPerYear(f), n);
    const auto parsed = ParseFrequency(FrequencyName(f));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, f);
  }
  EXPECT_EQ(FrequencyName(Frequency::kFourWeekly), "four_weekly");
  for (const std::string_view bad : {"", "Monthly", "four-weekly", "yearly", "weekly "}) {
    const auto r = ParseFrequency(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().reason, "schedule.unknown_frequency");
    EXPECT_EQ(r.error().field, "frequency");
  }
}

TEST(DueDate, MonthlyFrom31JanuaryClampsAndNeverDrifts) {
  const Date first = D("2024-01-31");
  const std::vector<std::string> want = {"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30",
                                         "2024-05-31", "2024-06-30", "2024-07-31", "2024-08-31",
                                         "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31",
                                         "2025-01-31", "2025-02-28"};
  for (std::size_t j = 0; j < want.size(); ++j) {
    EXPECT_EQ(Due(first, Frequency::kMonthly, static_cast<std::int64_t>(j)), want[j]);
  }
  // Non-leap February.
  EXPECT_EQ(Due(D("2023-01-31"), Frequency::kMonthly, 1), "2023-02-28");
  EXPECT_EQ(Due(D("2023-01-31"), Frequency::kMonthly, 2), "2023-03-31");
}

TEST(DueDate, MonthlyFrom30January) {
  const Date first = D("2023-01-30");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 1), "2023-02-28");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 2), "2023-03-30");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 3), "2023-04-30");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 13), "2024-02-29");
}

TEST(DueDate, MonthlyFrom29February2024OverTheYears) {
  const Date first = D("2024-02-29");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 1), "2024-03-29");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 12), "2025-02-28");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 13), "2025-03-29");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 24), "2026-02-28");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 48), "2028-02-29");
  EXPECT_EQ(Due(first, Frequency::kMonthly, 49), "2028-03-29");
}

TEST(DueDate, FixedIntervalsAcrossLeapDays) {
  EXPECT_EQ(Due(D("2024-02-26"), Frequency::kWeekly, 0), "2024-02-26");
  EXPECT_EQ(Due(D("2024-02-26"), Frequency::kWeekly, 1), "2024-03-04");
  EXPECT_EQ(Due(D("2023-02-27"), Frequency::kWeekly, 1), "2023-03-06");
  EXPECT_EQ(Due(D("2023-12-25"), Frequency::kFortnightly, 4), "2024-02-19");
  EXPECT_EQ(Due(D("2023-12-25"), Frequency::kFortnightly, 5), "2024-03-04");
  EXPECT_EQ(Due(D("2024-02-01"), Frequency::kFourWeekly, 1), "2024-02-29");
  EXPECT_EQ(Due(D("2024-02-01"), Frequency::kFourWeekly, 13), "2025-01-30");  // 364 days
  EXPECT_EQ(Due(D("2024-01-01"), Frequency::kWeekly, 1565), "2053-12-29");    // 10955 days
}

TEST(DueDate, Errors) {
  const auto neg = DueDate(D("2024-01-01"), Frequency::kWeekly, -1);
  ASSERT_FALSE(neg.has_value());
  EXPECT_EQ(neg.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(neg.error().reason, "schedule.negative_index");
  // The last representable dates.
  EXPECT_EQ(Due(D("9999-12-03"), Frequency::kWeekly, 4), "9999-12-31");
  EXPECT_EQ(Due(D("9999-01-31"), Frequency::kMonthly, 11), "9999-12-31");
  for (const auto& [first, f, j] :
       {std::tuple{"9999-12-03", Frequency::kWeekly, std::int64_t{5}},
        std::tuple{"9999-12-31", Frequency::kFourWeekly, std::int64_t{1}},
        std::tuple{"9999-01-31", Frequency::kMonthly, std::int64_t{12}},
        std::tuple{"2024-01-01", Frequency::kMonthly, std::int64_t{1} << 40},
        std::tuple{"2024-01-01", Frequency::kWeekly, std::int64_t{1} << 60}}) {
    const auto r = DueDate(D(first), f, j);
    ASSERT_FALSE(r.has_value()) << first << " " << j;
    EXPECT_EQ(r.error().code, ErrorCode::kOutOfRange);
    EXPECT_EQ(r.error().reason, "schedule.due_date_out_of_range");
  }
}

TEST(DueDate, CountDueBy) {
  const Date first = D("2024-01-31");
  EXPECT_EQ(CountDueBy(first, Frequency::kMonthly, D("2024-01-30")), 0);
  EXPECT_EQ(CountDueBy(first, Frequency::kMonthly, D("2024-01-31")), 1);
  EXPECT_EQ(CountDueBy(first, Frequency::kMonthly, D("2024-02-28")), 1);
  EXPECT_EQ(CountDueBy(first, Frequency::kMonthly, D("2024-02-29")), 2);
  EXPECT_EQ(CountDueBy(first, Frequency::kMonthly, D("2024-03-30")), 2);
  EXPECT_EQ(CountDueBy(first, Frequency::kMonthly, D("2024-03-31")), 3);
  EXPECT_EQ(CountDueBy(D("2024-01-15"), Frequency::kMonthly, D("2025-01-14")), 12);
  EXPECT_EQ(CountDueBy(D("2024-01-15"), Frequency::kMonthly, D("2025-01-15")), 13);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kWeekly, D("2024-01-07")), 1);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kWeekly, D("2024-01-08")), 2);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kFortnightly, D("2024-01-28")), 2);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kFortnightly, D("2024-01-29")), 3);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kFourWeekly, D("2024-12-29")), 13);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kFourWeekly, D("2024-12-30")), 14);
  EXPECT_EQ(CountDueBy(D("2024-01-01"), Frequency::kWeekly, D("2054-01-01")), 1566);
  EXPECT_EQ(CountDueBy(D("9999-01-31"), Frequency::kMonthly, D("9999-12-31")), 12);
}

TEST(InstalmentAmount, EveryFrequencyWithoutRemainder) {
  // W x 52 / n is whole for 52, 26 and 13: W, 2W, 4W.
  for (std::int64_t j = 0; j < 60; ++j) {
    EXPECT_EQ(Amount(12345, Frequency::kWeekly, j), 12345);
    EXPECT_EQ(Amount(5001, Frequency::kFortnightly, j), 10002);
    EXPECT_EQ(Amount(2750, Frequency::kFourWeekly, j), 11000);
    EXPECT_EQ(Amount(9600, Frequency::kMonthly, j), 41600);  // 9600 x 52 / 12 = 41600 exactly
  }
}

TEST(InstalmentAmount, MonthlyRemainderGoesToTheTwelfth) {
  // £87.56 a week: block 8756 x 52 = 455312; 455312 / 12 = 37942.67 -> 37943;
  // the twelfth takes 455312 - 11 x 37943 = 455312 - 417373 = 37939.
  EXPECT_EQ(RegularInstalmentAmount(Money::Pence(8756), kRefWeeks, Frequency::kMonthly).pence(),
            37943);
  std::int64_t block = 0;
  for (std::int64_t j = 0; j < 12; ++j) {
    EXPECT_EQ(Amount(8756, Frequency::kMonthly, j), j == 11 ? 37939 : 37943) << j;
    block += Amount(8756, Frequency::kMonthly, j);
  }
  EXPECT_EQ(block, 455312);
  EXPECT_EQ(Amount(8756, Frequency::kMonthly, 12), 37943);
  EXPECT_EQ(Amount(8756, Frequency::kMonthly, 23), 37939);
  EXPECT_EQ(Amount(8756, Frequency::kMonthly, 24), 37943);
  // £1 a week: 5200 / 12 = 433.33 -> 433; last 5200 - 11 x 433 = 437 (rounded down, so +4).
  EXPECT_EQ(Amount(100, Frequency::kMonthly, 0), 433);
  EXPECT_EQ(Amount(100, Frequency::kMonthly, 11), 437);
  // 2p a week: 104 / 12 = 8.67 -> 9; last 104 - 99 = 5 (rounded up, so -4).
  EXPECT_EQ(Amount(2, Frequency::kMonthly, 0), 9);
  EXPECT_EQ(Amount(2, Frequency::kMonthly, 11), 5);
}

TEST(InstalmentAmount, OtherReferencePeriodsRemainderInTheLastOfEachBlock) {
  // 53 weeks, weekly: 5300 / 52 = 101.92 -> 102; the 52nd takes 5300 - 51 x 102 = 98.
  const Money w = Money::Pence(100);
  EXPECT_EQ(InstalmentAmount(w, 53, Frequency::kWeekly, 0).pence(), 102);
  EXPECT_EQ(InstalmentAmount(w, 53, Frequency::kWeekly, 51).pence(), 98);
  EXPECT_EQ(InstalmentAmount(w, 53, Frequency::kWeekly, 52).pence(), 102);
  EXPECT_EQ(InstalmentAmount(w, 53, Frequency::kWeekly, 103).pence(), 98);
}

TEST(InstalmentAmount, ZeroWeekly) {
  for (const Frequency f :
       {Frequency::kWeekly, Frequency::kFortnightly, Frequency::kFourWeekly, Frequency::kMonthly}) {
    for (std::int64_t j = 0; j < 60; ++j) {
      EXPECT_EQ(Amount(0, f, j), 0);
    }
  }
}

TEST(InitialArrears, ByTheDayRoundedOnce) {
  const Money w = Money::Pence(9600);
  EXPECT_EQ(InitialArrears(w, D("2024-01-03"), D("2024-01-03"))->pence(), 0);
  // 1 day: 9600 / 7 = 1371.43 -> 1371.
  EXPECT_EQ(InitialArrears(w, D("2024-01-03"), D("2024-01-04"))->pence(), 1371);
  // 45 days: 9600 x 45 / 7 = 432000 / 7 = 61714.29 -> 61714 (not 45 x 1371 = 61695).
  EXPECT_EQ(InitialArrears(w, D("2024-01-01"), D("2024-02-15"))->pence(), 61714);
  // 28 days is exactly 4 weeks.
  EXPECT_EQ(InitialArrears(w, D("2024-01-03"), D("2024-01-31"))->pence(), 38400);
  // Across 29 Feb 2024: 28 Feb .. 1 Mar is 2 days; 1 x 2 / 7 rounds to 0, 4 x 2 / 7 = 1.14 -> 1,
  // 2 x 2 / 7 = 0.57 -> 1.
  EXPECT_EQ(InitialArrears(Money::Pence(4), D("2024-02-28"), D("2024-03-01"))->pence(), 1);
  EXPECT_EQ(InitialArrears(Money::Pence(2), D("2024-02-28"), D("2024-03-01"))->pence(), 1);
  EXPECT_EQ(InitialArrears(Money::Pence(1), D("2024-02-28"), D("2024-03-01"))->pence(), 0);
  EXPECT_EQ(InitialArrears(Money(), D("2020-01-01"), D("2024-03-01"))->pence(), 0);
}

TEST(InitialArrears, Errors) {
  const auto before = InitialArrears(Money::Pence(9600), D("2024-01-03"), D("2024-01-02"));
  ASSERT_FALSE(before.has_value());
  EXPECT_EQ(before.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(before.error().reason, "schedule.first_payment_before_effective");
  EXPECT_EQ(before.error().field, "first_payment_date");
  const auto negative = InitialArrears(Money::Pence(-1), D("2024-01-03"), D("2024-01-04"));
  ASSERT_FALSE(negative.has_value());
  EXPECT_EQ(negative.error().reason, "schedule.negative_weekly");
  EXPECT_EQ(negative.error().field, "weekly_pence");
  const auto huge = InitialArrears(Money::Pence(INT64_MAX), D("2024-01-01"), D("2024-02-01"));
  ASSERT_FALSE(huge.has_value());
  EXPECT_EQ(huge.error().code, ErrorCode::kOutOfRange);
  EXPECT_EQ(huge.error().reason, "schedule.amount_overflow");
}

TEST(Schedule, MonthlyExampleFromTheGoldenFormat) {
  const ScheduleTerms t = Terms(9600, Frequency::kMonthly, "2024-01-03", "2024-01-31");
  const auto list = Instalments(t, 3);
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0], (Instalment{D("2024-01-31"), Money::Pence(41600)}));
  EXPECT_EQ((*list)[1], (Instalment{D("2024-02-29"), Money::Pence(41600)}));
  EXPECT_EQ((*list)[2], (Instalment{D("2024-03-31"), Money::Pence(41600)}));
  EXPECT_EQ(InitialArrearsOf(t)->pence(), 38400);
  EXPECT_EQ(DueOnOrBefore(t, D("2024-01-30"))->pence(), 0);
  EXPECT_EQ(DueOnOrBefore(t, D("2024-01-31"))->pence(), 38400 + 41600);
  EXPECT_EQ(DueOnOrBefore(t, D("2024-03-01"))->pence(), 121600);
  EXPECT_EQ(*InstalmentsDueBy(t, D("2024-03-01")), 2);
  EXPECT_EQ(*InstalmentsDueBy(t, D("2023-12-31")), 0);
  EXPECT_TRUE(Instalments(t, 0)->empty());
}

TEST(Schedule, DueOnOrBeforeWholeBlocksAndPartialBlock) {
  // £87.56 monthly from 31 Jan 2024, effective 1 Jan 2024 (30 days: 262680 / 7 = 37525.71 ->
  // 37526). By 15 Mar 2044: 242 instalments = 20 blocks x 455312 + 2 x 37943 = 9182126.
  const ScheduleTerms t = Terms(8756, Frequency::kMonthly, "2024-01-01", "2024-01-31");
  EXPECT_EQ(*InstalmentsDueBy(t, D("2044-03-15")), 242);
  EXPECT_EQ(DueOnOrBefore(t, D("2044-03-15"))->pence(), 37526 + 9182126);
  // By 31 Dec 2024: 12 instalments, one whole block.
  EXPECT_EQ(DueOnOrBefore(t, D("2024-12-31"))->pence(), 37526 + 455312);
  // By 30 Dec 2024: 11, all regular.
  EXPECT_EQ(DueOnOrBefore(t, D("2024-12-30"))->pence(), 37526 + 11 * 37943);
  // Matches the iterative sum.
  const auto list = Instalments(t, 242);
  ASSERT_TRUE(list.has_value());
  std::int64_t sum = 37526;
  for (const Instalment& i : *list) {
    sum += i.amount.pence();
  }
  EXPECT_EQ(sum, 37526 + 9182126);
  EXPECT_EQ(list->back().due_date, D("2044-02-29"));
}

TEST(Schedule, WeeklyThirtyYears) {
  // 1 Jan 2024 .. 1 Jan 2054 is 30 x 365 + 8 leap days = 10958 days: 1565 whole weeks, so 1566
  // instalments = 30 blocks of 52 + 6. Due: 30 x 499200 + 6 x 9600 = 15033600.
  const ScheduleTerms t = Terms(9600, Frequency::kWeekly, "2024-01-01", "2024-01-01");
  EXPECT_EQ(*InstalmentsDueBy(t, D("2054-01-01")), 1566);
  EXPECT_EQ(DueOnOrBefore(t, D("2054-01-01"))->pence(), 15033600);
}

TEST(Schedule, ZeroWeeklyOwesNothing) {
  const ScheduleTerms t = Terms(0, Frequency::kFortnightly, "2024-01-01", "2024-03-01");
  EXPECT_EQ(InitialArrearsOf(t)->pence(), 0);
  EXPECT_EQ(DueOnOrBefore(t, D("2050-01-01"))->pence(), 0);
  EXPECT_EQ(*InstalmentsDueBy(t, D("2024-03-29")), 3);
  const auto list = Instalments(t, 30);
  ASSERT_TRUE(list.has_value());
  for (const Instalment& i : *list) {
    EXPECT_EQ(i.amount.pence(), 0);
  }
}

TEST(Schedule, Errors) {
  const auto expect_error = [](const ScheduleTerms& t, std::string_view reason,
                               std::string_view field, ErrorCode code) {
    const Date as_of = D("2030-01-01");
    const auto a = Instalments(t, 12);
    const auto b = InitialArrearsOf(t);
    const auto c = DueOnOrBefore(t, as_of);
    const auto d = InstalmentsDueBy(t, as_of);
    ASSERT_FALSE(a.has_value());
    ASSERT_FALSE(b.has_value());
    ASSERT_FALSE(c.has_value());
    ASSERT_FALSE(d.has_value());
    for (const Error& e : {a.error(), b.error(), c.error(), d.error()}) {
      EXPECT_EQ(e.code, code);
      EXPECT_EQ(e.reason, reason);
      EXPECT_EQ(e.field, field);
    }
  };
  expect_error(Terms(9600, Frequency::kMonthly, "2024-02-01", "2024-01-31"),
               "schedule.first_payment_before_effective", "first_payment_date",
               ErrorCode::kInvalidArgument);
  expect_error(Terms(-1, Frequency::kMonthly, "2024-01-01", "2024-01-31"),
               "schedule.negative_weekly", "weekly_pence", ErrorCode::kInvalidArgument);
  ScheduleTerms no_period = Terms(9600, Frequency::kMonthly, "2024-01-01", "2024-01-31");
  no_period.reference_weeks = 0;
  expect_error(no_period, "schedule.reference_weeks_not_positive", "reference_weeks",
               ErrorCode::kInvalidArgument);
  expect_error(Terms(INT64_MAX / 10, Frequency::kMonthly, "2024-01-01", "2024-01-31"),
               "schedule.amount_overflow", "", ErrorCode::kOutOfRange);

  const ScheduleTerms ok = Terms(9600, Frequency::kWeekly, "2024-01-01", "2024-01-01");
  const auto negative = Instalments(ok, -1);
  ASSERT_FALSE(negative.has_value());
  EXPECT_EQ(negative.error().reason, "schedule.negative_count");
  EXPECT_EQ(negative.error().field, "count");
  // Past 9999-12-31.
  const ScheduleTerms late = Terms(9600, Frequency::kWeekly, "9999-12-01", "9999-12-03");
  EXPECT_EQ(Instalments(late, 5)->size(), 5u);
  const auto past = Instalments(late, 6);
  ASSERT_FALSE(past.has_value());
  EXPECT_EQ(past.error().reason, "schedule.due_date_out_of_range");
  // Totals too large for 64 bits: a big W over ~8000 years.
  const ScheduleTerms big = Terms(INT64_MAX / 60, Frequency::kWeekly, "2000-01-01", "2000-01-01");
  const auto total = DueOnOrBefore(big, D("9999-12-31"));
  ASSERT_FALSE(total.has_value());
  EXPECT_EQ(total.error().reason, "schedule.amount_overflow");
}

}  // namespace
}  // namespace childmaint::schedule
