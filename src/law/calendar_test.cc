// The embedded England and Wales bank-holiday calendar, checked fact by fact and against an
// independent Easter computation; calendar loading and lint; the law/service/ lint relaxation.
#include "law/calendar.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "law/law_bundle.h"
#include "law/lint.h"
#include "law/parameter_set.h"

namespace childmaint::law {
namespace {

constexpr std::string_view kEw = "calendars.bank_holidays_england_and_wales";

const ParameterSet& Law() {
  static const ParameterSet kLaw = *ParameterSet::LoadEmbedded();
  return kLaw;
}

const Calendar& Ew() { return *Law().FindCalendar(kEw); }

Date D(const char* iso) { return *Date::ParseIso(iso); }

Date Ymd(int y, unsigned m, unsigned d) { return *Date::FromYmd(y, m, d); }

// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), computed here
// independently of the data file.
Date EasterSunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date FirstMonday(int y, unsigned month) {
  Date d = Ymd(y, month, 1);
  while (d.WeekdayIso() != 0) {
    d = d.AddDays(1);
  }
  return d;
}

Date LastMonday(int y, unsigned month) {
  Date d = month == 12 ? Ymd(y, 12, 31) : Ymd(y, month + 1, 1).AddDays(-1);
  while (d.WeekdayIso() != 0) {
    d = d.AddDays(-1);
  }
  return d;
}

int CountIn(int year) {
  int n = 0;
  for (const Date d : Ew().holidays) {
    n += d.year() == year ? 1 : 0;
  }
  return n;
}

bool Mentions(const std::vector<std::string>& problems, std::string_view what) {
  for (const auto& p : problems) {
    if (p.find(what) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(BankHolidays, LoadedAsACalendarNotAParameterFile) {
  ASSERT_NE(Law().FindCalendar(kEw), nullptr);
  EXPECT_EQ(Law().FindCalendar("calendars.nowhere"), nullptr);
  EXPECT_EQ(Ew().path, "calendars/bank_holidays_england_and_wales.yaml");
  EXPECT_EQ(Ew().covers_from, D("2012-01-01"));
  EXPECT_EQ(Ew().covers_until, D("2031-01-01"));
  EXPECT_EQ(Ew().holidays.size(), Ew().names.size());
  EXPECT_EQ(Ew().years.size(), 19u);
  for (const LawFile& f : Law().files()) {
    EXPECT_FALSE(f.path.starts_with("calendars/")) << f.path;
  }
}

TEST(BankHolidays, CountPerYear) {
  // 8 in an ordinary year; 2012 Diamond Jubilee, 2022 Platinum Jubilee and State Funeral,
  // 2023 Coronation.
  const std::map<int, int> expected = {{2012, 9},  {2013, 8}, {2014, 8}, {2015, 8}, {2016, 8},
                                       {2017, 8},  {2018, 8}, {2019, 8}, {2020, 8}, {2021, 8},
                                       {2022, 10}, {2023, 9}, {2024, 8}, {2025, 8}, {2026, 8},
                                       {2027, 8},  {2028, 8}, {2029, 8}, {2030, 8}};
  int total = 0;
  for (const auto& [year, n] : expected) {
    EXPECT_EQ(CountIn(year), n) << year;
    total += n;
  }
  EXPECT_EQ(static_cast<int>(Ew().holidays.size()), total);
}

TEST(BankHolidays, EasterSundaysFromTheAlgorithmMatchAPublishedTable) {
  const std::map<int, const char*> published = {
      {2012, "2012-04-08"}, {2013, "2013-03-31"}, {2014, "2014-04-20"}, {2015, "2015-04-05"},
      {2016, "2016-03-27"}, {2017, "2017-04-16"}, {2018, "2018-04-01"}, {2019, "2019-04-21"},
      {2020, "2020-04-12"}, {2021, "2021-04-04"}, {2022, "2022-04-17"}, {2023, "2023-04-09"},
      {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
      {2028, "2028-04-16"}, {2029, "2029-04-01"}, {2030, "2030-04-21"}};
  for (const auto& [year, iso] : published) {
    EXPECT_EQ(EasterSunday(year), D(iso)) << year;
  }
}

TEST(BankHolidays, GoodFridayAndEasterMondayEveryYear) {
  for (int y = 2012; y <= 2030; ++y) {
    const Date easter = EasterSunday(y);
    const Date good_friday = easter.AddDays(-2);
    const Date easter_monday = easter.AddDays(1);
    ASSERT_TRUE(Ew().IsHoliday(good_friday)) << good_friday.ToIso();
    ASSERT_TRUE(Ew().IsHoliday(easter_monday)) << easter_monday.ToIso();
    EXPECT_EQ(*Ew().NameOf(good_friday), "Good Friday");
    EXPECT_EQ(*Ew().NameOf(easter_monday), "Easter Monday");
    EXPECT_FALSE(Ew().IsHoliday(easter)) << "Easter Sunday is never listed";
  }
}

TEST(BankHolidays, StatutoryMondaysEveryYearExceptWhereProclamationsMovedThem) {
  for (int y = 2012; y <= 2030; ++y) {
    EXPECT_TRUE(Ew().IsHoliday(LastMonday(y, 8))) << "summer " << y;
    EXPECT_EQ(Ew().IsHoliday(LastMonday(y, 5)), y != 2012 && y != 2022) << "spring " << y;
    EXPECT_EQ(Ew().IsHoliday(FirstMonday(y, 5)), y != 2020) << "early May " << y;
  }
}

TEST(BankHolidays, OneOffAndMovedDays) {
  const std::vector<std::pair<const char*, bool>> days = {
      {"2012-05-28", false}, {"2012-06-04", true}, {"2012-06-05", true},  // Diamond Jubilee
      {"2020-05-04", false}, {"2020-05-08", true},                        // VE Day 75
      {"2022-05-30", false}, {"2022-06-02", true}, {"2022-06-03", true},  // Platinum Jubilee
      {"2022-09-19", true},                                               // State Funeral
      {"2023-05-01", true},  {"2023-05-08", true},                        // Coronation
  };
  for (const auto& [iso, listed] : days) {
    EXPECT_EQ(Ew().IsHoliday(D(iso)), listed) << iso;
  }
  EXPECT_EQ(*Ew().NameOf(D("2022-09-19")),
            "Bank holiday for the State Funeral of Queen Elizabeth II");
  EXPECT_EQ(*Ew().NameOf(D("2023-05-08")), "Bank holiday for the coronation of King Charles III");
  EXPECT_EQ(*Ew().NameOf(D("2020-05-08")), "Early May bank holiday (VE Day)");
  EXPECT_EQ(Ew().NameOf(D("2023-05-09")), nullptr);
}

TEST(BankHolidays, SubstituteDaysForWeekendChristmasBoxingDayAndNewYear) {
  const std::vector<const char*> substitutes = {
      "2012-01-02", "2015-12-28", "2016-12-27", "2017-01-02", "2020-12-28",
      "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-26", "2022-12-27",
      "2023-01-02", "2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03"};
  for (const char* iso : substitutes) {
    EXPECT_TRUE(Ew().IsHoliday(D(iso))) << iso;
  }
  for (int y = 2012; y <= 2030; ++y) {
    // Exactly two days off between 25 and 28 December; 1 January or its substitute Monday.
    int christmas = 0;
    for (unsigned d = 25; d <= 28; ++d) {
      christmas += Ew().IsHoliday(Ymd(y, 12, d)) ? 1 : 0;
    }
    EXPECT_EQ(christmas, 2) << y;
    const Date nyd = Ymd(y, 1, 1);
    const Date expected = nyd.WeekdayIso() == 5   ? nyd.AddDays(2)
                          : nyd.WeekdayIso() == 6 ? nyd.AddDays(1)
                                                  : nyd;
    EXPECT_TRUE(Ew().IsHoliday(expected)) << expected.ToIso();
  }
}

TEST(BankHolidays, NeverOnAWeekendAndEveryYearCited) {
  for (const Date d : Ew().holidays) {
    EXPECT_LT(d.WeekdayIso(), 5u) << d.ToIso();
  }
  for (const CalendarYear& y : Ew().years) {
    EXPECT_EQ(y.source.instrument, "ukpga/1971/80") << y.year;
    EXPECT_EQ(y.status, y.year >= 2029 ? "projected" : "unverified") << y.year;
    EXPECT_FALSE(y.corroboration.empty()) << y.year;
  }
}

// --- Loading and lint -------------------------------------------------------------------------

std::vector<std::string> LintWith(std::string_view path, std::string_view extra) {
  std::vector<SourceText> sources = EmbeddedLawSources();
  sources.push_back(SourceText{path, extra});
  auto set = ParameterSet::Load(sources);
  if (!set) {
    return {set.error().message};
  }
  return Lint(*set, LintOptions{.today = *Date::ParseIso("2027-01-01")});
}

constexpr std::string_view kBrokenCalendar = R"yaml(id: test.broken_calendar
title: Broken
covers: {from: 2012-01-01, until: 2014-01-01}
years:
  - year: 2012
    source: {instrument: nowhere/1/1, location: x, kind: x}
    status: maybe
    days:
      - {date: "2012-04-09", name: "Easter Monday"}
      - {date: "2012-01-02", name: "New Year's Day (substitute day)"}
      - {date: "2012-05-07", name: "Early May"}
      - {date: "2012-05-07", name: "Early May again"}
      - {date: "2012-06-02", name: "A Saturday"}
      - {date: "2013-03-29", name: "Good Friday, under the wrong year"}
      - {date: "2014-01-01", name: "Outside covers"}
)yaml";

TEST(CalendarLint, ABrokenCalendarIsReported) {
  const auto problems = LintWith("calendars/broken.yaml", kBrokenCalendar);
  EXPECT_TRUE(Mentions(problems, "must start with calendars."));
  EXPECT_TRUE(Mentions(problems, "needs reviewed_on"));
  EXPECT_TRUE(Mentions(problems, "2012-01-02: out of date order (not sorted)"));
  EXPECT_TRUE(Mentions(problems, "2012-05-07: listed twice (duplicate)"));
  EXPECT_TRUE(Mentions(problems, "2012-06-02: falls on a Saturday or Sunday"));
  EXPECT_TRUE(Mentions(problems, "2014-01-01: outside covers"));
  EXPECT_TRUE(Mentions(problems, "2013-03-29 is listed under the wrong year"));
  EXPECT_TRUE(Mentions(problems, "year 2012: only 5 holidays"));
  EXPECT_TRUE(Mentions(problems, "year 2013: inside covers but has no entry"));
  EXPECT_TRUE(Mentions(problems, "year 2013: only 1 holidays"));
  EXPECT_TRUE(Mentions(problems, "nowhere/1/1 is not in instruments.yaml"));
  EXPECT_TRUE(Mentions(problems, "status must be verified, unverified or projected"));
  for (const auto& p : problems) {
    EXPECT_TRUE(p.starts_with("calendars/broken.yaml")) << "only the broken file: " << p;
  }
}

TEST(CalendarLint, StaleReviewAndReusedId) {
  constexpr std::string_view kCopy = R"yaml(id: calendars.bank_holidays_england_and_wales
title: Copy
covers: {from: 2013-01-01, until: 2013-01-01}
reviewed_on: 2020-01-01
years:
  - year: 2013
    source: {instrument: ukpga/1971/80, location: x, kind: x}
    status: verified
    days: []
)yaml";
  const auto problems = LintWith("calendars/copy.yaml", kCopy);
  EXPECT_TRUE(Mentions(problems, "is used by another file"));
  EXPECT_TRUE(Mentions(problems, "covers.from must be before covers.until"));
  EXPECT_TRUE(Mentions(problems, "reviewed_on 2020-01-01 is stale"));
  EXPECT_TRUE(Mentions(problems, "a verified year needs verified_by"));
}

TEST(CalendarLoad, SchemaErrorsNameTheFile) {
  const auto problems = LintWith("calendars/bad.yaml", "id: calendars.bad\ntitle: t\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(Mentions(problems, "calendars/bad.yaml"));
  EXPECT_TRUE(Mentions(problems, "covers"));
  const auto bad_date = LintWith("calendars/bad.yaml", R"yaml(id: calendars.bad
title: t
covers: {from: 2012-01-01, until: 2013-01-01}
years:
  - {year: 2012, source: {instrument: ukpga/1971/80, location: x, kind: x}, status: unverified,
     days: [{date: "2012-02-30", name: "no such day"}]}
)yaml");
  ASSERT_EQ(bad_date.size(), 1u);
  EXPECT_TRUE(Mentions(bad_date, "not a YYYY-MM-DD date"));
}

// --- The law/service/ relaxation (lint.h) ------------------------------------------------------

constexpr std::string_view kGuidanceFile = R"yaml(id: test.guidance
title: Guidance-based figure
provision: {instrument: guidance/gov-uk/cms-complaints-and-appeals, location: "x",
            uri: "https://www.gov.uk/manage-child-maintenance-case/complaints-and-appeals"}
parameters:
  target:
    unit: count
    period: working_days
    timeline:
      - from: 2012-12-10
        value: "2"
        source: {instrument: pq/commons/26617, location: x, kind: x}
        status: unverified
        reviewed_on: 2026-11-23
)yaml";

TEST(ServiceLint, GovUkProvisionsAndGuidanceSourcesOnlyUnderService) {
  EXPECT_TRUE(LintWith("service/test_guidance.yaml", kGuidanceFile).empty());
  const auto outside = LintWith("test/guidance.yaml", kGuidanceFile);
  EXPECT_TRUE(Mentions(outside,
                       "test/guidance.yaml: provision uri must be on "
                       "https://www.legislation.gov.uk/"));
  EXPECT_TRUE(Mentions(outside,
                       "provision instrument guidance/gov-uk/cms-complaints-and-appeals "
                       "is not legislation"));
  EXPECT_TRUE(Mentions(outside, "source instrument pq/commons/26617 is not legislation"));
}

TEST(ServiceLint, OtherSitesStayRefusedEvenUnderService) {
  std::string file(kGuidanceFile);
  file.replace(file.find("https://www.gov.uk/"), 19, "https://example.org/");
  const auto problems = LintWith("service/test_guidance.yaml", file);
  EXPECT_TRUE(Mentions(problems,
                       "provision uri must be on https://www.legislation.gov.uk/ or "
                       "https://www.gov.uk/"));
}

TEST(ServiceLint, AServiceParameterNeedsAPeriod) {
  std::string file(kGuidanceFile);
  file.replace(file.find("period: working_days"), 20, "period: fortnights");
  const auto problems = LintWith("service/test_guidance.yaml", file);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(Mentions(problems, "needs 'period'"));
}

}  // namespace
}  // namespace childmaint::law
