#include "cases/complaint_dates.h"

#include <gtest/gtest.h>

#include "law/law_bundle.h"

namespace childmaint::cases {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

struct DueCase {
  const char* received;
  const char* acknowledge_by;
  const char* respond_by;
  const char* why;
};

TEST(ComplaintDueDates, Table) {
  const DueCase cases[] = {
      {"2025-05-02", "2025-05-07", "2025-05-27",
       "Friday before the early May bank holiday Monday; the spring holiday (26 May) too"},
      {"2025-03-03", "2025-03-05", "2025-03-24", "a Monday with no holiday near"},
      {"2025-12-20", "2025-12-23", "2026-01-14", "a Saturday before Christmas"},
      {"2025-04-17", "2025-04-23", "2025-05-13", "the Thursday before Good Friday"},
      {"2022-06-01", "2022-06-07", "2022-06-24", "before the Platinum Jubilee Thursday and Friday"},
      {"2022-09-16", "2022-09-21", "2022-10-10", "Friday before the State Funeral Monday"},
      {"2023-05-05", "2023-05-10", "2023-05-30", "Friday before the Coronation Monday"},
  };
  for (const DueCase& c : cases) {
    const auto due = ComplaintDueDates(D(c.received), Law());
    ASSERT_TRUE(due.has_value()) << c.why << ": " << due.error().message;
    EXPECT_EQ(due->acknowledge_by.ToIso(), c.acknowledge_by) << c.why;
    EXPECT_EQ(due->respond_by.ToIso(), c.respond_by) << c.why;
  }
}

TEST(ComplaintDueDates, Errors) {
  const auto before = ComplaintDueDates(D("2012-12-09"), Law());
  ASSERT_FALSE(before.has_value());
  EXPECT_EQ(before.error().reason, "law.no_value_in_force");
  const auto after = ComplaintDueDates(D("2030-12-20"), Law());
  ASSERT_FALSE(after.has_value());
  EXPECT_EQ(after.error().reason, "calendar.not_covered");

  std::vector<law::SourceText> sources;
  for (const auto& s : law::EmbeddedLawSources()) {
    if (!s.path.starts_with("calendars/")) {
      sources.push_back(s);
    }
  }
  const auto no_calendar = law::ParameterSet::Load(sources);
  ASSERT_TRUE(no_calendar.has_value());
  const auto r = ComplaintDueDates(D("2025-05-02"), *no_calendar);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(r.error().reason, "law.no_calendar");
}

TEST(IndependentCaseExaminerDeadline, SixMonthsClampedAtMonthEnd) {
  const std::pair<const char*, const char*> cases[] = {
      {"2025-03-15", "2025-09-15"}, {"2025-01-31", "2025-07-31"},
      {"2024-08-31", "2025-02-28"},  // no 31 Feb: last day of the month
      {"2023-08-31", "2024-02-29"},  // leap year
      {"2025-12-31", "2026-06-30"},
  };
  for (const auto& [final_response, last_day] : cases) {
    const auto r = IndependentCaseExaminerDeadline(D(final_response), Law());
    ASSERT_TRUE(r.has_value()) << final_response;
    EXPECT_EQ(r->ToIso(), last_day) << final_response;
  }
  EXPECT_EQ(IndependentCaseExaminerDeadline(D("2012-01-01"), Law()).error().reason,
            "law.no_value_in_force");
}

}  // namespace
}  // namespace childmaint::cases
