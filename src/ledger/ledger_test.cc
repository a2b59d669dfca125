#include "ledger/ledger.h"

#include <gtest/gtest.h>

#include <vector>

#include "ledger/allocation.h"
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

// api.md worked by hand: W = £70.00 a week, effective 2025-04-07, first payment 2025-05-01,
// monthly. Instalment = 7000 x 52 / 12 = 30333.33 -> 30333. Initial arrears: 24 days
// (7 Apr .. 30 Apr) x 7000 / 7 = 24000, due on the first payment date.
std::vector<Due> MonthlyDues() {
  return {Dues("2025-05-01", 24000, true), Dues("2025-05-01", 30333), Dues("2025-06-01", 30333),
          Dues("2025-07-01", 30333), Dues("2025-08-01", 30333)};
}

std::string Why(const Status& s) { return s.has_value() ? "ok" : s.error().reason; }

TEST(PostingKind, NamesRoundTrip) {
  for (const PostingKind k :
       {PostingKind::kPaymentReceived, PostingKind::kEnforcementCharge, PostingKind::kChargeWaived,
        PostingKind::kAdjustment, PostingKind::kWriteOff, PostingKind::kOverpaymentRefunded,
        PostingKind::kReversal, PostingKind::kAdjustmentCredit}) {
    const auto parsed = ParsePostingKind(PostingKindName(k));
    ASSERT_TRUE(parsed.has_value()) << PostingKindName(k);
    EXPECT_EQ(*parsed, k);
  }
  EXPECT_EQ(PostingKindName(PostingKind::kOverpaymentRefunded), "overpayment_refunded");
  EXPECT_EQ(PostingKindName(PostingKind::kAdjustmentCredit), "adjustment_credit");
  const auto bad = ParsePostingKind("Payment_Received");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().reason, "ledger.unknown_kind");
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST(PostingKind, PaymentMethodsAreApiMds) {
  EXPECT_TRUE(IsPaymentMethod("bank_transfer"));
  EXPECT_TRUE(IsPaymentMethod("benefit_deduction"));
  EXPECT_FALSE(IsPaymentMethod("cash"));
  EXPECT_FALSE(IsPaymentMethod(""));
}

TEST(StatementAsOf, ApiMdFiguresByHand) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 30333), Pay(2, "2025-06-03", 30333),
                                   Pay(3, "2025-06-20", 80000)};
  const auto at = [&](const char* d) { return StatementAsOf(dues, ps, D(d)); };
  Statement s = at("2025-04-30");
  EXPECT_EQ(s.due, P(0));
  EXPECT_EQ(s.paid, P(0));
  EXPECT_EQ(s.arrears, P(0));
  EXPECT_EQ(s.credit, P(0));
  s = at("2025-05-01");  // 24000 + 30333 due, 30333 paid
  EXPECT_EQ(s.due, P(54333));
  EXPECT_EQ(s.paid, P(30333));
  EXPECT_EQ(s.arrears, P(24000));
  EXPECT_EQ(s.credit, P(0));
  s = at("2025-06-02");
  EXPECT_EQ(s.due, P(84666));
  EXPECT_EQ(s.arrears, P(54333));
  s = at("2025-06-03");
  EXPECT_EQ(s.arrears, P(24000));
  s = at("2025-06-20");  // paid 140666 against 84666 due
  EXPECT_EQ(s.paid, P(140666));
  EXPECT_EQ(s.arrears, P(0));
  EXPECT_EQ(s.credit, P(56000));
  s = at("2025-07-01");  // 114999 due
  EXPECT_EQ(s.due, P(114999));
  EXPECT_EQ(s.credit, P(25667));
  s = at("2025-08-01");  // 145332 due: 4666 in arrears again
  EXPECT_EQ(s.arrears, P(4666));
  EXPECT_EQ(s.credit, P(0));
  EXPECT_EQ(s.charges, P(0));
  EXPECT_EQ(s.written_off, P(0));
}

TEST(StatementAsOf, BalanceIsSumOfPostingsAtEveryDate) {
  const auto dues = MonthlyDues();
  std::vector<Posting> ps = {Pay(1, "2025-05-10", 20000),
                             Charge(2, "2025-06-05", 5000),
                             Make(3, PostingKind::kAdjustment, "2025-06-10", 1500),
                             Pay(4, "2025-06-20", 100000),
                             Make(5, PostingKind::kWriteOff, "2025-05-20", 4000),
                             Pay(6, "2025-07-02", 9000),
                             Reverse(7, "2025-07-15", 6, 9000),
                             Make(8, PostingKind::kAdjustmentCredit, "2025-07-20", 700),
                             Make(9, PostingKind::kOverpaymentRefunded, "2025-06-25", 1000)};
  for (Date d = D("2025-04-25"); d <= D("2025-08-10"); d = d.AddDays(1)) {
    const Statement s = StatementAsOf(dues, ps, d);
    std::int64_t due = 0;
    for (const Due& x : dues) {
      due += x.due_on <= d ? x.amount.pence() : 0;
    }
    std::int64_t paid = 0;
    for (const Posting& p : ps) {
      const bool in = p.effective_on <= d;
      const bool reversed = p.id == 6 && d >= D("2025-07-15");
      if (in && p.kind == PostingKind::kAdjustment) {
        due += p.amount.pence();
      }
      if (in && p.kind == PostingKind::kAdjustmentCredit) {
        due -= p.amount.pence();
      }
      if (in && !reversed && p.kind == PostingKind::kPaymentReceived) {
        paid += p.amount.pence();
      }
    }
    EXPECT_EQ(s.due, P(due)) << d.ToIso();
    EXPECT_EQ(s.paid, P(paid)) << d.ToIso();
    EXPECT_EQ(s.arrears - s.credit, s.due - (s.paid - s.charges_paid) - s.written_off + s.refunded)
        << d.ToIso();
    EXPECT_TRUE(s.arrears == P(0) || s.credit == P(0)) << d.ToIso();
    EXPECT_EQ(s.charges_outstanding, s.charges - s.charges_paid) << d.ToIso();
  }
  // Spot checks. 20 May: 54333 due, 20000 paid, 4000 written off.
  const Statement may = StatementAsOf(dues, ps, D("2025-05-20"));
  EXPECT_EQ(may.arrears, P(30333));
  EXPECT_EQ(may.written_off, P(4000));
  // 20 Jun: due 84666 + 1500; paid 120000; charge 5000 paid from the surplus once arrears clear.
  const Statement jun = StatementAsOf(dues, ps, D("2025-06-20"));
  EXPECT_EQ(jun.due, P(86166));
  EXPECT_EQ(jun.charges_paid, P(5000));
  EXPECT_EQ(jun.charges_outstanding, P(0));
  EXPECT_EQ(jun.credit, P(120000 - 5000 - 86166 + 4000));
}

TEST(StatementAsOf, ReversalTakesEffectOnItsOwnDateAndRestoresBalances) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> base = {Pay(1, "2025-05-01", 30333)};
  std::vector<Posting> with = base;
  with.push_back(Pay(2, "2025-06-02", 40000));
  with.push_back(Reverse(3, "2025-06-10", 2, 40000));
  for (Date d = D("2025-04-30"); d <= D("2025-07-05"); d = d.AddDays(1)) {
    const Statement a = StatementAsOf(dues, base, d);
    const Statement b = StatementAsOf(dues, with, d);
    if (d >= D("2025-06-02") && d < D("2025-06-10")) {
      EXPECT_EQ(b.paid, a.paid + P(40000)) << d.ToIso();
    } else {
      EXPECT_EQ(a, b) << d.ToIso();
    }
  }
}

TEST(ValidateNew, ShapeErrors) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 30333), Reverse(2, "2025-05-02", 1, 30333),
                                   Pay(3, "2025-05-03", 100)};
  EXPECT_EQ(Why(ValidateNew(dues, ps, Pay(4, "2025-05-04", 100))), "ok");
  EXPECT_EQ(Why(ValidateNew(dues, ps, Pay(4, "2025-05-04", 0))), "ledger.amount_not_positive");
  EXPECT_EQ(Why(ValidateNew(dues, ps, Pay(4, "2025-05-04", -5))), "ledger.amount_not_positive");
  EXPECT_EQ(Why(ValidateNew(dues, ps, Pay(3, "2025-05-04", 100))), "ledger.id_not_increasing");
  Posting cash = Pay(4, "2025-05-04", 100);
  cash.method = "cash";
  EXPECT_EQ(Why(ValidateNew(dues, ps, cash)), "ledger.unknown_method");
  Posting charge = Charge(4, "2025-05-04", 5000, "");
  EXPECT_EQ(Why(ValidateNew(dues, ps, charge)), "ledger.missing_reference");
  Posting pointing = Pay(4, "2025-05-04", 100);
  pointing.reverses = 3;
  EXPECT_EQ(Why(ValidateNew(dues, ps, pointing)), "ledger.reverses_not_allowed");
  Posting no_target = Make(4, PostingKind::kReversal, "2025-05-04", 100);
  EXPECT_EQ(Why(ValidateNew(dues, ps, no_target)), "ledger.reversal_target_missing");
}

TEST(ValidateNew, ReversalRules) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 30333), Reverse(2, "2025-05-02", 1, 30333),
                                   Pay(3, "2025-05-03", 100)};
  const auto err = [&](const Posting& c) { return ValidateNew(dues, ps, c); };
  EXPECT_EQ(Why(err(Reverse(4, "2025-05-03", 3, 100))), "ok");
  const Status twice = err(Reverse(4, "2025-05-09", 1, 30333));
  EXPECT_EQ(Why(twice), "ledger.already_reversed");
  EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  const Status of_reversal = err(Reverse(4, "2025-05-09", 2, 30333));
  EXPECT_EQ(Why(of_reversal), "ledger.reversal_of_reversal");
  EXPECT_EQ(of_reversal.error().code, ErrorCode::kFailedPrecondition);
  const Status missing = err(Reverse(4, "2025-05-09", 99, 100));
  EXPECT_EQ(Why(missing), "ledger.reversal_target_not_found");
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "reverses");
  EXPECT_EQ(Why(err(Reverse(4, "2025-05-09", 3, 99))), "ledger.reversal_amount_mismatch");
  EXPECT_EQ(Why(err(Reverse(4, "2025-05-02", 3, 100))), "ledger.reversal_before_original");
  // A reversal dated later than the one that counts is still a second reversal.
  std::vector<Posting> later = ps;
  later.push_back(Reverse(4, "2025-09-01", 3, 100));
  EXPECT_EQ(Why(ValidateNew(dues, later, Reverse(5, "2025-05-04", 3, 100))),
            "ledger.already_reversed");
}

TEST(ValidateNew, WriteOffNotAboveArrearsOnItsDate) {
  const auto dues = MonthlyDues();
  std::vector<Posting> ps = {Pay(1, "2025-05-01", 30333)};  // arrears 24000 on 1 May
  EXPECT_EQ(Why(ValidateNew(dues, ps, Make(2, PostingKind::kWriteOff, "2025-05-01", 24001))),
            "ledger.write_off_exceeds_arrears");
  EXPECT_EQ(Why(ValidateNew(dues, ps, Make(2, PostingKind::kWriteOff, "2025-04-30", 1))),
            "ledger.write_off_exceeds_arrears");
  const Posting w = Make(2, PostingKind::kWriteOff, "2025-05-01", 24000);
  ASSERT_EQ(Why(ValidateNew(dues, ps, w)), "ok");
  ps.push_back(w);
  Statement s = StatementAsOf(dues, ps, D("2025-05-15"));
  EXPECT_EQ(s.arrears, P(0));
  EXPECT_EQ(s.written_off, P(24000));
  // A payment after a write-off is an overpayment, held as credit.
  ps.push_back(Pay(3, "2025-05-20", 5000));
  s = StatementAsOf(dues, ps, D("2025-05-20"));
  EXPECT_EQ(s.credit, P(5000));
  // Reversing the write-off restores the arrears, and the payment pays them.
  ASSERT_EQ(Why(ValidateNew(dues, ps, Reverse(4, "2025-05-25", 2, 24000))), "ok");
  ps.push_back(Reverse(4, "2025-05-25", 2, 24000));
  s = StatementAsOf(dues, ps, D("2025-05-25"));
  EXPECT_EQ(s.arrears, P(19000));
  EXPECT_EQ(s.written_off, P(0));
}

TEST(ValidateNew, RefundNotAboveCredit) {
  const auto dues = MonthlyDues();
  std::vector<Posting> ps = {Pay(1, "2025-05-01", 60000)};  // 5667 over 54333
  EXPECT_EQ(
      Why(ValidateNew(dues, ps, Make(2, PostingKind::kOverpaymentRefunded, "2025-05-02", 5668))),
      "ledger.refund_exceeds_credit");
  const Posting r = Make(2, PostingKind::kOverpaymentRefunded, "2025-05-02", 5667);
  ASSERT_EQ(Why(ValidateNew(dues, ps, r)), "ok");
  ps.push_back(r);
  Statement s = StatementAsOf(dues, ps, D("2025-05-02"));
  EXPECT_EQ(s.credit, P(0));
  EXPECT_EQ(s.refunded, P(5667));
  EXPECT_EQ(s.arrears, P(0));
  // Reversing the payment leaves the refund above the credit: it is owed again as arrears.
  ps.push_back(Reverse(3, "2025-05-03", 1, 60000));
  s = StatementAsOf(dues, ps, D("2025-05-03"));
  EXPECT_EQ(s.arrears, P(54333 + 5667));
  EXPECT_EQ(s.paid, P(0));
}

TEST(ValidateNew, WaiverNotAboveOutstandingCharges) {
  const auto dues = MonthlyDues();
  std::vector<Posting> ps = {Charge(1, "2025-05-02", 5000), Pay(2, "2025-05-03", 56333)};
  // 56333 - 54333 = 2000 of the charge paid; 3000 outstanding.
  EXPECT_EQ(StatementAsOf(dues, ps, D("2025-05-03")).charges_paid, P(2000));
  EXPECT_EQ(Why(ValidateNew(dues, ps, Make(3, PostingKind::kChargeWaived, "2025-05-03", 3001))),
            "ledger.waiver_exceeds_charges");
  EXPECT_EQ(Why(ValidateNew(dues, ps, Make(3, PostingKind::kChargeWaived, "2025-05-01", 1))),
            "ledger.waiver_exceeds_charges");
  ps.push_back(Make(3, PostingKind::kChargeWaived, "2025-05-03", 3000));
  ASSERT_EQ(Why(ValidateNew(dues, std::span(ps).first(2), ps[2])), "ok");
  const Statement s = StatementAsOf(dues, ps, D("2025-05-03"));
  EXPECT_EQ(s.charges, P(2000));
  EXPECT_EQ(s.charges_outstanding, P(0));
}

TEST(ValidateNew, AdjustmentCreditNotBelowNilDue) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps;
  EXPECT_EQ(
      Why(ValidateNew(dues, ps, Make(1, PostingKind::kAdjustmentCredit, "2025-05-01", 54334))),
      "ledger.adjustment_exceeds_due");
  EXPECT_EQ(
      Why(ValidateNew(dues, ps, Make(1, PostingKind::kAdjustmentCredit, "2025-05-01", 54333))),
      "ok");
  // Increases, payments, charges have no limit.
  EXPECT_EQ(Why(ValidateNew(dues, ps, Make(1, PostingKind::kAdjustment, "2025-01-01", 9))), "ok");
}

TEST(StatementAsOf, AdjustmentsChangeWhatIsDue) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 54333),
                                   Make(2, PostingKind::kAdjustment, "2025-05-10", 1000),
                                   Make(3, PostingKind::kAdjustmentCredit, "2025-05-20", 3000)};
  Statement s = StatementAsOf(dues, ps, D("2025-05-10"));
  EXPECT_EQ(s.due, P(55333));
  EXPECT_EQ(s.arrears, P(1000));
  s = StatementAsOf(dues, ps, D("2025-05-20"));  // 1000 settled, 2000 left over as credit
  EXPECT_EQ(s.due, P(52333));
  EXPECT_EQ(s.arrears, P(0));
  EXPECT_EQ(s.credit, P(2000));
}

TEST(StatementAsOf, ChargesOnlyAfterMaintenanceAndArrears) {
  const auto dues = MonthlyDues();
  std::vector<Posting> ps = {Charge(1, "2025-05-02", 5000), Pay(2, "2025-05-03", 30000)};
  Statement s = StatementAsOf(dues, ps, D("2025-05-03"));
  EXPECT_EQ(s.charges_paid, P(0));
  EXPECT_EQ(s.arrears, P(24333));
  ps.push_back(Pay(3, "2025-05-04", 30000));
  s = StatementAsOf(dues, ps, D("2025-05-04"));
  EXPECT_EQ(s.arrears, P(0));
  EXPECT_EQ(s.charges_paid, P(5000));
  EXPECT_EQ(s.credit, P(667));
  // Later dues never pull money back from a charge once paid.
  s = StatementAsOf(dues, ps, D("2025-06-01"));
  EXPECT_EQ(s.charges_paid, P(5000));
  EXPECT_EQ(s.arrears, P(30333 - 667));
}

TEST(StatementAsOf, CreditHeldDoesNotPayALaterCharge) {
  const auto dues = MonthlyDues();
  const std::vector<Posting> ps = {Pay(1, "2025-05-01", 60000), Charge(2, "2025-05-05", 5000)};
  const Statement s = StatementAsOf(dues, ps, D("2025-05-05"));
  EXPECT_EQ(s.credit, P(5667));
  EXPECT_EQ(s.charges_outstanding, P(5000));
}

TEST(StatementAsOf, WaiverTakesTheSameReferenceFirst) {
  const auto dues = MonthlyDues();
  Posting waiver = Make(3, PostingKind::kChargeWaived, "2025-05-06", 5000);
  waiver.reference = "regular_deduction_order";
  const std::vector<Posting> ps = {Charge(1, "2025-05-02", 5000, "deduction_from_earnings_order"),
                                   Charge(2, "2025-05-03", 5000, "regular_deduction_order"), waiver,
                                   Pay(4, "2025-05-07", 54333 + 1000)};
  // Charge 2 is waived (same reference, though younger); the surplus 1000 pays charge 1.
  const Statement s = StatementAsOf(dues, ps, D("2025-05-07"));
  EXPECT_EQ(s.charges, P(5000));
  EXPECT_EQ(s.charges_outstanding, P(4000));
  const auto lines = Allocate(dues, ps, D("2025-05-07"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(),
            (AllocationLine{4, D("2025-05-02"), P(1000), AllocationLine::Target::kCharge}));
}

}  // namespace
}  // namespace childmaint::ledger
