#include "cases/annual_review.h"

#include <gtest/gtest.h>

#include <vector>

namespace childmaint::cases {
namespace {

Date D(const char* s) { return *Date::ParseIso(s); }

TEST(AnnualReview, FirstAnniversary) {
  EXPECT_EQ(*Anniversary(D("2025-03-10"), 1), D("2026-03-10"));
  EXPECT_EQ(**LatestAnniversaryOnOrBefore(D("2025-03-10"), D("2026-03-10")), D("2026-03-10"));
  EXPECT_FALSE(LatestAnniversaryOnOrBefore(D("2025-03-10"), D("2026-03-09"))->has_value());
  EXPECT_FALSE(LatestAnniversaryOnOrBefore(D("2025-03-10"), D("2025-12-31"))->has_value());
}

TEST(AnnualReview, LeapDayIed) {
  const Date ied = D("2024-02-29");
  EXPECT_EQ(*Anniversary(ied, 1), D("2025-02-28"));
  EXPECT_EQ(*Anniversary(ied, 4), D("2028-02-29"));
  EXPECT_EQ(**LatestAnniversaryOnOrBefore(ied, D("2025-02-28")), D("2025-02-28"));
  EXPECT_EQ(*NextAnniversaryAfter(ied, D("2027-02-28")), D("2028-02-29"));
}

TEST(AnnualReview, SeveralDueGivesTheLatest) {
  const Date ied = D("2021-06-15");
  EXPECT_EQ(**LatestAnniversaryOnOrBefore(ied, D("2025-01-01")), D("2024-06-15"));
  EXPECT_EQ(**LatestAnniversaryOnOrBefore(ied, D("2025-06-15")), D("2025-06-15"));
  EXPECT_EQ(*NextAnniversaryAfter(ied, D("2024-06-15")), D("2025-06-15"));
}

TEST(AnnualReview, FirstPaymentFromOldSchedule) {
  using schedule::Frequency;
  // Monthly on the 31st: 31 Jan, 29 Feb (2024), 31 Mar ...
  EXPECT_EQ(*FirstPaymentOnOrAfter(D("2024-01-31"), Frequency::kMonthly, D("2024-02-10")),
            D("2024-02-29"));
  EXPECT_EQ(*FirstPaymentOnOrAfter(D("2024-01-31"), Frequency::kMonthly, D("2024-03-31")),
            D("2024-03-31"));
  EXPECT_EQ(*FirstPaymentOnOrAfter(D("2025-01-06"), Frequency::kWeekly, D("2026-01-07")),
            D("2026-01-12"));
  EXPECT_EQ(*FirstPaymentOnOrAfter(D("2025-06-01"), Frequency::kWeekly, D("2025-05-01")),
            D("2025-06-01"));
}

TEST(AnnualReview, LinkedCasesShareTheEarliestIedsAnniversaries) {
  const std::vector<Date> ieds = {D("2025-06-01"), D("2025-04-07")};
  const auto due = *SharedReviewDates(ieds, D("2026-05-01"));
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->effective, D("2026-04-07"));
  EXPECT_EQ(due->next_review, D("2027-04-07"));
  EXPECT_FALSE(SharedReviewDates(ieds, D("2026-04-06"))->has_value());
  EXPECT_FALSE(SharedReviewDates(std::vector<Date>{}, D("2030-01-01"))->has_value());
  const auto late = *SharedReviewDates(ieds, D("2028-12-31"));
  EXPECT_EQ(late->effective, D("2028-04-07"));
  EXPECT_EQ(late->next_review, D("2029-04-07"));
}

}  // namespace
}  // namespace childmaint::cases
