// Invariants of the calculation over generated requests (tests/testing/calc_gen.h).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "base/exact_pence.h"
#include "calc/calc_test_util.h"
#include "tests/testing/calc_gen.h"

namespace childmaint::calc {
namespace {

using calc::testing::TestLaw;

struct Run {
  Result res;
  Trace trace{false};
};

Run MustRun(const Request& r) {
  Run run;
  const Status s = Calculate(r, TestLaw(), run.res, run.trace);
  RC_ASSERT(s.has_value());
  return run;
}

// The most the 2012 scheme can ask for: 3+ children at the cap (rules.md §3.5).
constexpr std::int64_t kMaximumLiability = 48200;

RC_GTEST_PROP(Calculate, ReceivingParentPartsSumToTheLiability, ()) {
  const Request r = *childmaint::testing::ValidRequest();
  const Run run = MustRun(r);
  std::int64_t sum = 0;
  for (const auto& rp : run.res.receiving_parents) {
    sum += rp.weekly.pence();
    RC_ASSERT(rp.weekly.pence() >= 0);
    RC_ASSERT(rp.paying_parent_fee.pence() >= 0);
    RC_ASSERT(rp.receiving_parent_gets.pence() >= 0);
  }
  RC_ASSERT(sum == run.res.weekly_liability.pence());
  RC_ASSERT(run.res.weekly_liability.pence() <= kMaximumLiability);
  RC_ASSERT(run.res.weekly_amount_before_shared_care.pence() <= kMaximumLiability);
  RC_ASSERT(run.res.income_used.pence() <= 300000);
}

RC_GTEST_PROP(Calculate, FeesAreExactlyTwentyAndFourPerCentRounded, ()) {
  const Request r = *childmaint::testing::ValidRequest();
  const Run run = MustRun(r);
  const bool fees = r.collection == Collection::kCollectAndPay &&
                    r.effective_date >= *Date::ParseIso("2014-08-11");
  for (const auto& rp : run.res.receiving_parents) {
    const std::int64_t w = rp.weekly.pence();
    // Half-up in integers: (w × 20 + 50) / 100 and (w × 4 + 50) / 100.
    RC_ASSERT(rp.paying_parent_fee.pence() == (fees ? (w * 20 + 50) / 100 : 0));
    RC_ASSERT(rp.receiving_parent_fee.pence() == (fees ? (w * 4 + 50) / 100 : 0));
    RC_ASSERT(rp.paying_parent_pays.pence() == w + rp.paying_parent_fee.pence());
    RC_ASSERT(rp.receiving_parent_gets.pence() == w - rp.receiving_parent_fee.pence());
  }
}

RC_GTEST_PROP(Calculate, OrderOfReceivingParentsChangesOnlyTieBreakPennies, ()) {
  Request r = *childmaint::testing::ValidRequest();
  const Run before = MustRun(r);
  // Reverse the receiving parents (their children move with them).
  std::reverse(r.receiving_parents.begin(), r.receiving_parents.end());
  const Run after = MustRun(r);
  RC_ASSERT(before.res.weekly_liability == after.res.weekly_liability);
  RC_ASSERT(before.res.rate == after.res.rate);
  const std::size_t n = r.receiving_parents.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t a = before.res.receiving_parents[i].weekly.pence();
    const std::int64_t b = after.res.receiving_parents[n - 1 - i].weekly.pence();
    RC_ASSERT(a - b <= 1 && b - a <= 1);
  }
}

RC_GTEST_PROP(Calculate, MoreSharedCareNeverRaisesTheLiability, ()) {
  Request r = *childmaint::testing::ValidRequest();
  const Run before = MustRun(r);
  const auto c = *rc::gen::inRange<std::size_t>(0, r.children.size());
  auto& nights = r.children[c].nights_with_paying_parent;
  nights = *rc::gen::inRange<std::int64_t>(nights, 367);
  const Run after = MustRun(r);
  RC_ASSERT(after.res.weekly_liability <= before.res.weekly_liability);
}

RC_GTEST_PROP(Calculate, LiabilityNeverFallsAsIncomeRisesWithinABand, ()) {
  Request r = *childmaint::testing::ValidRequest();
  r.income.form = Income::Form::kWeekly;
  const auto a = *rc::gen::inRange<std::int64_t>(0, 400000);
  const auto b = *rc::gen::inRange<std::int64_t>(a, 400001);
  r.income.weekly = Money::Pence(a);
  const Run low = MustRun(r);
  r.income.weekly = Money::Pence(b);
  const Run high = MustRun(r);
  if (low.res.rate == high.res.rate) {
    RC_ASSERT(low.res.weekly_amount_before_shared_care <= high.res.weekly_amount_before_shared_care);
    RC_ASSERT(low.res.weekly_liability <= high.res.weekly_liability);
  }
}

RC_GTEST_PROP(Calculate, ResultsAreRepeatableWithAReusedTrace, ()) {
  const Request r = *childmaint::testing::ValidRequest();
  Result first;
  Result second;
  Trace trace(true);
  RC_ASSERT(Calculate(r, TestLaw(), first, trace).has_value());
  const std::size_t steps = trace.steps().size();
  RC_ASSERT(Calculate(r, TestLaw(), second, trace).has_value());
  RC_ASSERT(trace.steps().size() == steps);
  RC_ASSERT(first.weekly_liability == second.weekly_liability);
  RC_ASSERT(steps > 0);
}

}  // namespace
}  // namespace childmaint::calc
