#include "ledger/arrears.h"

#include <gtest/gtest.h>

#include <vector>

#include "ledger/ledger.h"
#include "ledger/ledger_test_util.h"

namespace childmaint::ledger {
namespace {

using testing::D;
using testing::Dues;
using testing::Make;
using testing::P;
using testing::Pay;
using testing::Reverse;

std::vector<Due> MonthlyDues() {
  return {Dues("2025-05-01", 24000, true), Dues("2025-05-01", 30333), Dues("2025-06-01", 30333),
          Dues("2025-07-01", 30333), Dues("2025-08-01", 30333)};
}

const std::vector<DayRange> kRanges = {{0, 30}, {31, 60}, {61, 90}, {91, std::nullopt}};

std::vector<std::int64_t> Amounts(const std::vector<ArrearsBucket>& buckets) {
  std::vector<std::int64_t> out;
  for (const ArrearsBucket& b : buckets) {
    out.push_back(b.amount.pence());
  }
  return out;
}

// As of 15 Aug 2025 the dues are 106 (1 May), 75 (1 Jun), 45 (1 Jul) and 14 (1 Aug) days old.
TEST(AgeArrears, UnpaidDuesByDaysOverdue) {
  const auto dues = MonthlyDues();
  const auto buckets = AgeArrears(dues, {}, D("2025-08-15"), kRanges);
  ASSERT_EQ(buckets.size(), 4U);
  EXPECT_EQ(buckets[0], (ArrearsBucket{0, 30, P(30333)}));
  EXPECT_EQ(buckets[3], (ArrearsBucket{91, std::nullopt, P(54333)}));
  EXPECT_EQ(Amounts(buckets), (std::vector<std::int64_t>{30333, 30333, 30333, 54333}));
}

TEST(AgeArrears, PaymentsPayTheCurrentDueFirstSoOldArrearsStayOld) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-08-05", 40000)};
  // 30333 to 1 Aug (current), then 9667 to the initial arrears of 1 May.
  EXPECT_EQ(Amounts(AgeArrears(dues, ps, D("2025-08-15"), kRanges)),
            (std::vector<std::int64_t>{0, 30333, 30333, 54333 - 9667}));
  EXPECT_EQ(OldestUnpaidDue(dues, ps, D("2025-08-15")), D("2025-05-01"));
}

TEST(AgeArrears, BucketsAddUpToTheStatementArrears) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-20", 20000), Pay(2, "2025-07-03", 45000),
                                   Make(3, PostingKind::kWriteOff, "2025-07-04", 1000)};
  for (Date d = D("2025-04-28"); d <= D("2025-09-30"); d = d.AddDays(3)) {
    std::int64_t sum = 0;
    for (const ArrearsBucket& b : AgeArrears(dues, ps, d, kRanges)) {
      sum += b.amount.pence();
    }
    EXPECT_EQ(sum, StatementAsOf(dues, ps, d).arrears.pence()) << d.ToIso();
  }
}

TEST(AgeArrears, DueTodayIsZeroDaysOverdueAndFallsOutsideARangeFromOne) {
  const auto dues = MonthlyDues();
  const std::vector<DayRange> from_one = {{1, 30}, {31, std::nullopt}};
  EXPECT_EQ(Amounts(AgeArrears(dues, {}, D("2025-05-01"), from_one)),
            (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(Amounts(AgeArrears(dues, {}, D("2025-05-02"), from_one)),
            (std::vector<std::int64_t>{54333, 0}));
  // Overlapping ranges: the first that holds the age takes the amount.
  const std::vector<DayRange> overlapping = {{0, 10}, {0, 100}};
  EXPECT_EQ(Amounts(AgeArrears(dues, {}, D("2025-05-05"), overlapping)),
            (std::vector<std::int64_t>{54333, 0}));
}

TEST(AgeArrears, RefundExcessIsAgedFromTheRefundDate) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 64333),
                                   Make(2, PostingKind::kOverpaymentRefunded, "2025-05-10", 10000),
                                   Reverse(3, "2025-06-20", 1, 64333)};
  // From 20 Jun the payment is gone: 84666 due and unpaid, and the refund of 10000 is owed again
  // from 10 May (41 days), beside 1 May's dues (50 days) and 1 Jun's (19 days).
  EXPECT_EQ(Amounts(AgeArrears(dues, ps, D("2025-06-20"), kRanges)),
            (std::vector<std::int64_t>{30333, 54333 + 10000, 0, 0}));
  EXPECT_EQ(StatementAsOf(dues, ps, D("2025-06-20")).arrears, P(94666));
}

TEST(OldestUnpaidDue, NoneWhenNothingIsOwed) {
  const auto dues = MonthlyDues();
  EXPECT_EQ(OldestUnpaidDue(dues, {}, D("2025-04-30")), std::nullopt);
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 54333)};
  EXPECT_EQ(OldestUnpaidDue(dues, ps, D("2025-05-31")), std::nullopt);
  EXPECT_EQ(OldestUnpaidDue(dues, ps, D("2025-06-01")), D("2025-06-01"));
}

TEST(OldestUnpaidDue, WriteOffsClearTheOldestFirst) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Make(1, PostingKind::kWriteOff, "2025-06-10", 54333)};
  EXPECT_EQ(OldestUnpaidDue(dues, ps, D("2025-06-09")), D("2025-05-01"));
  EXPECT_EQ(OldestUnpaidDue(dues, ps, D("2025-06-10")), D("2025-06-01"));
}

TEST(CheckRanges, AcceptsIncreasingDisjointRanges) {
  EXPECT_TRUE(CheckRanges(kRanges).has_value());
  const std::vector<DayRange> empty;
  EXPECT_TRUE(CheckRanges(empty).has_value());
  const std::vector<DayRange> closed = {{1, 30}, {45, 60}};
  EXPECT_TRUE(CheckRanges(closed).has_value());
}

TEST(CheckRanges, RejectsBadRanges) {
  const auto reason_field = [](std::vector<DayRange> r) {
    const Status s = CheckRanges(r);
    return s.has_value() ? std::string("ok") : s.error().reason + " " + s.error().field;
  };
  EXPECT_EQ(reason_field({{0, 30}, {30, 60}}), "ledger.bad_day_range ranges[1]");
  EXPECT_EQ(reason_field({{0, std::nullopt}, {31, 60}}), "ledger.bad_day_range ranges[0]");
  EXPECT_EQ(reason_field({{-1, 30}}), "ledger.bad_day_range ranges[0]");
  EXPECT_EQ(reason_field({{10, 5}}), "ledger.bad_day_range ranges[0]");
}

}  // namespace
}  // namespace childmaint::ledger
