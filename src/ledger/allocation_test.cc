#include "ledger/allocation.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "ledger/ledger.h"
#include "ledger/ledger_test_util.h"

namespace childmaint::ledger {
namespace {

using testing::Charge;
using testing::D;
using testing::Dues;
using testing::Make;
using testing::P;
using testing::Pay;
using testing::Reverse;
using T = AllocationLine::Target;

AllocationLine L(std::int64_t id, const char* on, std::int64_t pence, T target) {
  return AllocationLine{id, D(on), P(pence), target};
}

std::vector<Due> MonthlyDues() {
  return {Dues("2025-05-01", 24000, true), Dues("2025-05-01", 30333), Dues("2025-06-01", 30333),
          Dues("2025-07-01", 30333), Dues("2025-08-01", 30333)};
}

std::map<std::int64_t, std::int64_t> SumByPayment(const std::vector<AllocationLine>& lines) {
  std::map<std::int64_t, std::int64_t> sums;
  for (const AllocationLine& l : lines) {
    sums[l.payment_id] += l.amount.pence();
  }
  return sums;
}

TEST(Allocate, CurrentThenOldestArrearsThenChargesThenCredit) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Charge(1, "2025-06-15", 5000), Pay(2, "2025-07-05", 130000)};
  // 130000 = 30333 (1 Jul, current) + 24000 + 30333 + 30333 (arrears, oldest first)
  //          + 5000 (charge) + 10001 (credit).
  EXPECT_EQ(Allocate(dues, ps, D("2025-07-05")),
            (std::vector<AllocationLine>{
                L(2, "2025-07-01", 30333, T::kCurrent), L(2, "2025-05-01", 24000, T::kArrears),
                L(2, "2025-05-01", 30333, T::kArrears), L(2, "2025-06-01", 30333, T::kArrears),
                L(2, "2025-06-15", 5000, T::kCharge), L(2, "2025-07-05", 10001, T::kCredit)}));
}

TEST(Allocate, CreditIsConsumedByLaterDuesAsTheyFallDue) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 54333 + 40000),
                                   Pay(2, "2025-05-20", 30000)};
  // 1 Jun: 30333 from payment 1's credit. 1 Jul: 9667 more from 1, then 20666 from 2.
  // 1 Aug: 9334 from 2; nothing left, 20999 unpaid.
  EXPECT_EQ(Allocate(dues, ps, D("2025-08-01")),
            (std::vector<AllocationLine>{
                L(1, "2025-05-01", 30333, T::kCurrent), L(1, "2025-05-01", 24000, T::kArrears),
                L(1, "2025-06-01", 30333, T::kCurrent), L(1, "2025-07-01", 9667, T::kCurrent),
                L(2, "2025-07-01", 20666, T::kCurrent), L(2, "2025-08-01", 9334, T::kCurrent)}));
  EXPECT_EQ(StatementAsOf(dues, ps, D("2025-08-01")).arrears, P(20999));
  // Before 1 Jun the whole surplus is still credit.
  EXPECT_EQ(Allocate(dues, ps, D("2025-05-31")),
            (std::vector<AllocationLine>{
                L(1, "2025-05-01", 30333, T::kCurrent), L(1, "2025-05-01", 24000, T::kArrears),
                L(1, "2025-05-01", 40000, T::kCredit), L(2, "2025-05-20", 30000, T::kCredit)}));
}

TEST(Allocate, InitialArrearsAreNeverCurrent) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 40000)};
  EXPECT_EQ(Allocate(dues, ps, D("2025-05-01")),
            (std::vector<AllocationLine>{L(1, "2025-05-01", 30333, T::kCurrent),
                                         L(1, "2025-05-01", 9667, T::kArrears)}));
}

TEST(Allocate, NoCurrentDueBeforeTheFirstInstalment) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-04-20", 50000)};
  EXPECT_EQ(Allocate(dues, ps, D("2025-04-30")),
            (std::vector<AllocationLine>{L(1, "2025-04-20", 50000, T::kCredit)}));
  // Initial arrears fall due with the first instalment; credit pays them in the given order.
  EXPECT_EQ(Allocate(dues, ps, D("2025-05-01")),
            (std::vector<AllocationLine>{L(1, "2025-05-01", 24000, T::kArrears),
                                         L(1, "2025-05-01", 26000, T::kCurrent)}));
}

TEST(Allocate, ChargesNeverBeforeArrearsAreCleared) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Charge(1, "2025-05-02", 5000), Pay(2, "2025-06-10", 60000)};
  // 84666 due by 10 Jun: all 60000 goes to maintenance, none to the charge.
  for (const AllocationLine& l : Allocate(dues, ps, D("2025-06-10"))) {
    EXPECT_NE(l.target, T::kCharge);
  }
}

TEST(Allocate, ReversedPaymentsAreLeftOutOfTheReplay) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 30333), Pay(2, "2025-06-01", 30333),
                                   Reverse(3, "2025-06-05", 1, 30333)};
  // Before the reversal takes effect, payment 1 pays 1 May; from 5 Jun it is gone and
  // payment 2 pays the current due of 1 Jun.
  EXPECT_EQ(Allocate(dues, ps, D("2025-06-04")),
            (std::vector<AllocationLine>{L(1, "2025-05-01", 30333, T::kCurrent),
                                         L(2, "2025-06-01", 30333, T::kCurrent)}));
  EXPECT_EQ(Allocate(dues, ps, D("2025-06-05")),
            (std::vector<AllocationLine>{L(2, "2025-06-01", 30333, T::kCurrent)}));
}

TEST(Allocate, BackdatedPaymentReplaysInEffectiveDateOrder) {
  const auto dues = MonthlyDues();
  // Payment 2 is recorded after payment 1 but was received first: it pays 1 May's dues.
  const std::vector<Posting> ps = {Pay(1, "2025-06-02", 30333), Pay(2, "2025-05-02", 54333)};
  EXPECT_EQ(Allocate(dues, ps, D("2025-06-30")),
            (std::vector<AllocationLine>{L(2, "2025-05-01", 30333, T::kCurrent),
                                         L(2, "2025-05-01", 24000, T::kArrears),
                                         L(1, "2025-06-01", 30333, T::kCurrent)}));
}

TEST(Allocate, SameDayPaymentsGoInIdOrder) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(7, "2025-05-01", 100), Pay(3, "2025-05-01", 30333)};
  EXPECT_EQ(Allocate(dues, ps, D("2025-05-01")),
            (std::vector<AllocationLine>{L(3, "2025-05-01", 30333, T::kCurrent),
                                         L(7, "2025-05-01", 100, T::kArrears)}));
}

TEST(Allocate, RefundsTakeTheOldestCredit) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 55333), Pay(2, "2025-05-03", 2000),
                                   Make(3, PostingKind::kOverpaymentRefunded, "2025-05-04", 1500)};
  EXPECT_EQ(Allocate(dues, ps, D("2025-05-04")),
            (std::vector<AllocationLine>{
                L(1, "2025-05-01", 30333, T::kCurrent), L(1, "2025-05-01", 24000, T::kArrears),
                L(1, "2025-05-04", 1000, T::kRefunded), L(2, "2025-05-04", 500, T::kRefunded),
                L(2, "2025-05-03", 1500, T::kCredit)}));
}

TEST(Allocate, AdjustmentsAndWriteOffsSettleDuesWithoutLines) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Make(1, PostingKind::kWriteOff, "2025-05-02", 24000),
                                   Make(2, PostingKind::kAdjustmentCredit, "2025-05-03", 333),
                                   Make(3, PostingKind::kAdjustment, "2025-05-04", 700),
                                   Pay(4, "2025-05-05", 31000)};
  // The write-off clears the initial arrears; the adjustment credit pays 333 of the current
  // due; the payment pays the remaining 30000 current, then the 700 adjustment (arrears), and
  // 300 is credit.
  EXPECT_EQ(Allocate(dues, ps, D("2025-05-05")),
            (std::vector<AllocationLine>{L(4, "2025-05-01", 30000, T::kCurrent),
                                         L(4, "2025-05-04", 700, T::kArrears),
                                         L(4, "2025-05-05", 300, T::kCredit)}));
}

TEST(Allocate, LinesOfEachPaymentAddUpToItsAmount) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {
      Pay(1, "2025-05-01", 12345), Charge(2, "2025-05-02", 5000),
      Pay(3, "2025-05-15", 99999), Make(4, PostingKind::kOverpaymentRefunded, "2025-05-20", 999),
      Pay(5, "2025-07-30", 7),     Pay(6, "2025-08-02", 60000)};
  for (Date d = D("2025-04-30"); d <= D("2025-08-05"); d = d.AddDays(1)) {
    const auto sums = SumByPayment(Allocate(dues, ps, d));
    for (const Posting& p : ps) {
      if (p.kind == PostingKind::kPaymentReceived && p.effective_on <= d) {
        ASSERT_TRUE(sums.contains(p.id)) << d.ToIso();
        EXPECT_EQ(sums.at(p.id), p.amount.pence()) << d.ToIso() << " payment " << p.id;
      }
    }
  }
}

TEST(Allocate, TargetNames) {
  EXPECT_EQ(TargetName(T::kCurrent), "current");
  EXPECT_EQ(TargetName(T::kArrears), "arrears");
  EXPECT_EQ(TargetName(T::kCharge), "charge");
  EXPECT_EQ(TargetName(T::kCredit), "credit");
  EXPECT_EQ(TargetName(T::kRefunded), "refunded");
}

}  // namespace
}  // namespace childmaint::ledger
