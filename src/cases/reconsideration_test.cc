#include "cases/reconsideration.h"

#include <gtest/gtest.h>

namespace childmaint::cases {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

TEST(ReconsiderationInTime, DayThirtyInTimeDayThirtyOneLate) {
  EXPECT_TRUE(*ReconsiderationInTime(D("2025-03-01"), D("2025-03-01"), Law()));
  EXPECT_TRUE(*ReconsiderationInTime(D("2025-03-01"), D("2025-03-31"), Law()));   // day 30
  EXPECT_FALSE(*ReconsiderationInTime(D("2025-03-01"), D("2025-04-01"), Law()));  // day 31
  const auto before = ReconsiderationInTime(D("2025-03-01"), D("2025-02-28"), Law());
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().code, ErrorCode::kInvalidArgument);
}

TEST(AppealInTime, OneMonthEdge) {
  EXPECT_TRUE(*AppealInTime(D("2025-06-15"), D("2025-07-15"), Law()));
  EXPECT_FALSE(*AppealInTime(D("2025-06-15"), D("2025-07-16"), Law()));
  EXPECT_TRUE(*AppealInTime(D("2025-01-31"), D("2025-02-28"), Law()));
  EXPECT_FALSE(*AppealInTime(D("2025-01-31"), D("2025-03-01"), Law()));
}

TEST(AppealInTime, ThirteenMonthAbsoluteEdge) {
  EXPECT_FALSE(*AppealInTime(D("2025-06-15"), D("2026-07-15"), Law()));
  const auto beyond = AppealInTime(D("2025-06-15"), D("2026-07-16"), Law());
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(beyond.error().reason, "appeal.out_of_time");
  EXPECT_FALSE(*AppealInTime(D("2023-01-31"), D("2024-02-29"), Law()));  // one step of 13 months
  EXPECT_FALSE(AppealInTime(D("2023-01-31"), D("2024-03-01"), Law()));
  EXPECT_FALSE(AppealInTime(D("2025-06-15"), D("2025-06-14"), Law()));
}

TEST(Outcomes, OnlyFromOpenOrLodged) {
  EXPECT_EQ(*ReconsiderationOutcome("open", "revised"), "revised");
  EXPECT_EQ(*ReconsiderationOutcome("open", "upheld"), "upheld");
  EXPECT_EQ(ReconsiderationOutcome("upheld", "revised").error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ReconsiderationOutcome("open", "maybe").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(*AppealOutcome("lodged", "allowed"), "allowed");
  EXPECT_EQ(*AppealOutcome("lodged", "dismissed"), "dismissed");
  EXPECT_EQ(AppealOutcome("allowed", "dismissed").error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(AppealOutcome("lodged", "revised").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace childmaint::cases
