// Invariants of the ledger over generated dues and postings (style.md §5 "Properties").
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "ledger/allocation.h"
#include "ledger/arrears.h"
#include "ledger/ledger.h"
#include "ledger/ledger_test_util.h"

namespace childmaint::ledger {
namespace {

using testing::D;
using testing::Make;
using testing::P;

struct Case {
  std::vector<Due> dues;
  std::vector<Posting> postings;
  Date first;  // earliest date of interest
  Date last;   // latest
};

std::vector<Due> GenDues(Date start) {
  std::vector<Due> dues;
  const int n = *rc::gen::inRange(0, 16);
  const bool weekly = *rc::gen::arbitrary<bool>();
  const std::int64_t amount = *rc::gen::inRange<std::int64_t>(0, 60000);
  if (*rc::gen::arbitrary<bool>()) {
    dues.push_back(Due{start, P(*rc::gen::inRange<std::int64_t>(0, 80000)), true});
  }
  for (int j = 0; j < n; ++j) {
    const Date on = weekly ? start.AddDays(7 * j) : *AddMonths(start, j, MonthEnd::kClampToLastDay);
    dues.push_back(Due{on, P(amount + (j == n - 1 ? *rc::gen::inRange(0, 12) : 0)), false});
  }
  return dues;
}

// A posting of any kind; reversals point at an earlier posting (or, rarely, nowhere).
Posting GenPosting(std::int64_t id, Date start, const std::vector<Posting>& earlier) {
  static constexpr PostingKind kKinds[] = {PostingKind::kPaymentReceived,
                                           PostingKind::kPaymentReceived,
                                           PostingKind::kPaymentReceived,
                                           PostingKind::kEnforcementCharge,
                                           PostingKind::kChargeWaived,
                                           PostingKind::kAdjustment,
                                           PostingKind::kAdjustmentCredit,
                                           PostingKind::kWriteOff,
                                           PostingKind::kOverpaymentRefunded,
                                           PostingKind::kReversal,
                                           PostingKind::kReversal};
  const PostingKind kind = kKinds[*rc::gen::inRange<std::size_t>(0, std::size(kKinds))];
  const Date on = start.AddDays(*rc::gen::inRange(-20, 420));
  // Limited kinds get smaller amounts, so that more of them pass ValidateNew.
  const bool limited = kind == PostingKind::kChargeWaived || kind == PostingKind::kWriteOff ||
                       kind == PostingKind::kOverpaymentRefunded;
  Posting p =
      Make(id, kind, on.ToIso(), *rc::gen::inRange<std::int64_t>(1, limited ? 8000 : 70000));
  if (kind == PostingKind::kPaymentReceived) {
    p.method = "standing_order";
  }
  if (kind == PostingKind::kEnforcementCharge || kind == PostingKind::kChargeWaived) {
    p.reference = *rc::gen::arbitrary<bool>() ? "deo" : "liability_order";
  }
  if (kind == PostingKind::kReversal && !earlier.empty()) {
    const Posting& target = earlier[*rc::gen::inRange<std::size_t>(0, earlier.size())];
    p.reverses = target.id;
    p.amount = target.amount;
    p.effective_on = target.effective_on.AddDays(*rc::gen::inRange(0, 60));
  } else if (kind == PostingKind::kReversal) {
    p.reverses = id + 1000;
  }
  return p;
}

// validated: only postings ValidateNew accepts, in recording order. Otherwise anything with
// unique ids (the replay is defined for every input).
Case GenCase(bool validated) {
  Case c;
  c.first = D("2024-06-01").AddDays(*rc::gen::inRange(0, 400));
  c.last = c.first.AddDays(480);
  c.dues = GenDues(c.first);
  const int n = *rc::gen::inRange(0, 30);
  std::int64_t id = *rc::gen::inRange(1, 5);
  for (int i = 0; i < n; ++i) {
    id += *rc::gen::inRange(1, 4);
    const Posting p = GenPosting(id, c.first, c.postings);
    if (!validated || ValidateNew(c.dues, c.postings, p).has_value()) {
      c.postings.push_back(p);
    }
  }
  c.first = c.first.AddDays(-25);
  return c;
}

std::vector<Date> AsOfDates(const Case& c) {
  std::vector<Date> out;
  const int step = *rc::gen::inRange(1, 8);
  for (Date d = c.first; d <= c.last; d = d.AddDays(step)) {
    out.push_back(d);
  }
  return out;
}

std::int64_t UnreversedPaymentsUpTo(const std::vector<Posting>& ps, Date d) {
  std::int64_t sum = 0;
  for (const Posting& p : ps) {
    if (p.kind != PostingKind::kPaymentReceived || p.effective_on > d) {
      continue;
    }
    // The lowest-id reversal of p counts; p is out once it is effective.
    const Posting* rev = nullptr;
    for (const Posting& r : ps) {
      if (r.kind == PostingKind::kReversal && r.reverses == p.id && (!rev || r.id < rev->id)) {
        rev = &r;
      }
    }
    if (!rev || rev->effective_on > d) {
      sum += p.amount.pence();
    }
  }
  return sum;
}

RC_GTEST_PROP(Ledger, PaidIsTheSumOfUnreversedPayments, (bool validated)) {
  const Case c = GenCase(validated);
  for (const Date d : AsOfDates(c)) {
    RC_ASSERT(StatementAsOf(c.dues, c.postings, d).paid.pence() ==
              UnreversedPaymentsUpTo(c.postings, d));
  }
}

RC_GTEST_PROP(Ledger, BalanceIsTheSumOfPostingsAndArrearsExcludeCredit, (bool validated)) {
  const Case c = GenCase(validated);
  for (const Date d : AsOfDates(c)) {
    const Statement s = StatementAsOf(c.dues, c.postings, d);
    RC_ASSERT(s.arrears >= Money());
    RC_ASSERT(s.credit >= Money());
    RC_ASSERT(s.arrears == Money() || s.credit == Money());
    RC_ASSERT(s.arrears - s.credit ==
              s.due - (s.paid - s.charges_paid) - s.written_off + s.refunded);
    RC_ASSERT(s.charges_outstanding == s.charges - s.charges_paid);
    RC_ASSERT(s.charges_outstanding >= Money());
    RC_ASSERT(s.charges_paid <= s.paid);
  }
}

RC_GTEST_PROP(Ledger, ValidatedLedgersKeepDueAndWriteOffsInBounds, ()) {
  const Case c = GenCase(true);
  for (const Date d : AsOfDates(c)) {
    const Statement s = StatementAsOf(c.dues, c.postings, d);
    RC_ASSERT(s.written_off >= Money());
    RC_ASSERT(s.charges >= Money());
  }
}

RC_GTEST_PROP(Ledger, ReplayIsDeterministicAndIgnoresInputOrder, (bool validated)) {
  const Case c = GenCase(validated);
  std::vector<Posting> shuffled = c.postings;
  std::mt19937 rng(*rc::gen::arbitrary<std::uint32_t>());
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const std::vector<DayRange> ranges = {{0, 30}, {31, 90}, {91, std::nullopt}};
  for (const Date d : AsOfDates(c)) {
    const Statement a = StatementAsOf(c.dues, c.postings, d);
    RC_ASSERT(a == StatementAsOf(c.dues, c.postings, d));
    RC_ASSERT(a == StatementAsOf(c.dues, shuffled, d));
    const auto lines = Allocate(c.dues, c.postings, d);
    RC_ASSERT(lines == Allocate(c.dues, c.postings, d));
    RC_ASSERT(lines == Allocate(c.dues, shuffled, d));
    RC_ASSERT(AgeArrears(c.dues, c.postings, d, ranges) == AgeArrears(c.dues, shuffled, d, ranges));
    RC_ASSERT(OldestUnpaidDue(c.dues, c.postings, d) == OldestUnpaidDue(c.dues, shuffled, d));
  }
}

// Ids x10 leave room to record a payment and its reversal anywhere in the history.
RC_GTEST_PROP(Ledger, APaymentAndItsReversalChangeNothing, (bool validated, bool same_day)) {
  Case c = GenCase(validated);
  for (Posting& p : c.postings) {
    p.id *= 10;
    if (p.reverses) {
      *p.reverses *= 10;
    }
  }
  const std::int64_t max_id = c.postings.empty() ? 10 : c.postings.back().id;
  const std::int64_t pay_id = *rc::gen::inRange<std::int64_t>(0, max_id / 10 + 2) * 10 + 1;
  const std::int64_t rev_id =
      *rc::gen::inRange<std::int64_t>(pay_id / 10, max_id / 10 + 2) * 10 + 2;
  const Date on = c.first.AddDays(*rc::gen::inRange(0, 450));
  const Date rev_on = same_day ? on : on.AddDays(*rc::gen::inRange(0, 40));
  Posting pay = Make(pay_id, PostingKind::kPaymentReceived, on.ToIso(),
                     *rc::gen::inRange<std::int64_t>(1, 90000));
  pay.method = "debit_card";
  std::vector<Posting> with = c.postings;
  with.push_back(pay);
  with.push_back(testing::Reverse(rev_id, rev_on.ToIso(), pay_id, pay.amount.pence()));
  const std::vector<DayRange> ranges = {{0, 14}, {15, std::nullopt}};
  for (const Date d : AsOfDates(c)) {
    if (d >= on && d < rev_on) {
      continue;  // the payment counts until its reversal takes effect
    }
    RC_ASSERT(StatementAsOf(c.dues, c.postings, d) == StatementAsOf(c.dues, with, d));
    RC_ASSERT(Allocate(c.dues, c.postings, d) == Allocate(c.dues, with, d));
    RC_ASSERT(AgeArrears(c.dues, c.postings, d, ranges) == AgeArrears(c.dues, with, d, ranges));
  }
}

// Reversing any posting on its own date gives the ledger as if it had never been recorded.
RC_GTEST_PROP(Ledger, ReversalRestoresThePreviousBalances, ()) {
  const Case c = GenCase(true);
  std::vector<const Posting*> reversible;
  for (const Posting& p : c.postings) {
    const bool reversed = std::any_of(c.postings.begin(), c.postings.end(), [&](const Posting& r) {
      return r.kind == PostingKind::kReversal && r.reverses == p.id;
    });
    if (p.kind != PostingKind::kReversal && !reversed) {
      reversible.push_back(&p);
    }
  }
  RC_PRE(!reversible.empty());
  const Posting& target = *reversible[*rc::gen::inRange<std::size_t>(0, reversible.size())];
  const Posting rev = testing::Reverse(c.postings.back().id + 1, target.effective_on.ToIso(),
                                       target.id, target.amount.pence());
  RC_ASSERT(ValidateNew(c.dues, c.postings, rev).has_value());
  std::vector<Posting> with = c.postings;
  with.push_back(rev);
  std::vector<Posting> without;
  for (const Posting& p : c.postings) {
    if (p.id != target.id) {
      without.push_back(p);
    }
  }
  for (const Date d : AsOfDates(c)) {
    RC_ASSERT(StatementAsOf(c.dues, with, d) == StatementAsOf(c.dues, without, d));
  }
  // A reversal cannot be reversed, and the same posting cannot be reversed twice.
  const Posting again =
      testing::Reverse(rev.id + 1, target.effective_on.ToIso(), target.id, target.amount.pence());
  RC_ASSERT(ValidateNew(c.dues, with, again).error().reason == "ledger.already_reversed");
  const Posting of_rev =
      testing::Reverse(rev.id + 1, target.effective_on.ToIso(), rev.id, rev.amount.pence());
  RC_ASSERT(ValidateNew(c.dues, with, of_rev).error().reason == "ledger.reversal_of_reversal");
}

RC_GTEST_PROP(Ledger, LinesOfEachPaymentAddUpToItsAmount, (bool validated)) {
  const Case c = GenCase(validated);
  for (const Date d : AsOfDates(c)) {
    std::map<std::int64_t, std::int64_t> sums;
    for (const AllocationLine& l : Allocate(c.dues, c.postings, d)) {
      RC_ASSERT(l.amount > Money());
      sums[l.payment_id] += l.amount.pence();
    }
    std::map<std::int64_t, std::int64_t> expected;
    const Statement s = StatementAsOf(c.dues, c.postings, d);
    for (const Posting& p : c.postings) {
      if (p.kind == PostingKind::kPaymentReceived && p.effective_on <= d) {
        expected[p.id] = p.amount.pence();
      }
    }
    // Reversed payments have no lines; every counted payment is split exactly.
    std::int64_t total = 0;
    for (const auto& [id, sum] : sums) {
      RC_ASSERT(expected.contains(id));
      RC_ASSERT(sum == expected.at(id));
      total += sum;
    }
    RC_ASSERT(total == s.paid.pence());
  }
}

RC_GTEST_PROP(Ledger, ArrearsBucketsAddUpToTheStatementArrears, (bool validated)) {
  const Case c = GenCase(validated);
  // Random ranges covering every age from 0.
  std::vector<DayRange> ranges;
  std::int64_t from = 0;
  const int n = *rc::gen::inRange(0, 5);
  for (int i = 0; i < n; ++i) {
    const std::int64_t to = from + *rc::gen::inRange<std::int64_t>(0, 60);
    ranges.emplace_back(from, to);
    from = to + 1;
  }
  ranges.emplace_back(from, std::nullopt);
  RC_ASSERT(CheckRanges(ranges).has_value());
  for (const Date d : AsOfDates(c)) {
    std::int64_t sum = 0;
    for (const ArrearsBucket& b : AgeArrears(c.dues, c.postings, d, ranges)) {
      sum += b.amount.pence();
    }
    const Statement s = StatementAsOf(c.dues, c.postings, d);
    RC_ASSERT(sum == s.arrears.pence());
    RC_ASSERT(OldestUnpaidDue(c.dues, c.postings, d).has_value() == (s.arrears > Money()));
  }
}

}  // namespace
}  // namespace childmaint::ledger
