#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

#include "base/date.h"
#include "base/exact_pence.h"

namespace childmaint {
namespace {

RC_GTEST_PROP(Date, IsoRoundTrip, ()) {
  const auto days = *rc::gen::inRange(-25000, 400000);
  const Date d = Date::FromDays(std::chrono::sys_days(std::chrono::days(days)));
  RC_ASSERT(*Date::ParseIso(d.ToIso()) == d);
}

RC_GTEST_PROP(SplitLargestRemainder, PartsSumToRoundedTotal, ()) {
  // Shares as the calculation makes them: a weekly amount divided between qualifying children,
  // decreased by a shared-care fraction (sevenths or a half), times a number of children.
  const auto n = *rc::gen::inRange<std::size_t>(1, 21);
  const auto children = *rc::gen::inRange<std::int64_t>(1, 401);
  const auto weekly = *rc::gen::inRange<std::int64_t>(0, 100'000'000);
  std::vector<ExactPence> shares;
  ExactPence sum;
  for (std::size_t i = 0; i < n; ++i) {
    const auto sevenths = *rc::gen::inRange<std::int64_t>(0, 8);
    const Rate kept = sevenths == 7 ? Rate::Of(1, 2) : Rate::Of(7 - sevenths, 7);
    const auto count = *rc::gen::inRange<std::int64_t>(1, 21);
    shares.push_back(ExactPence::Pence(weekly) / children * kept * count);
    sum += shares.back();
  }
  const Money total = RoundHalfUpToPenny(sum);
  std::vector<Money> out(n);
  SplitLargestRemainder(total, shares, out);
  std::int64_t got = 0;
  for (std::size_t i = 0; i < n; ++i) {
    got += out[i].pence();
    // Each part is its share rounded down or up by at most one penny.
    RC_ASSERT(out[i].pence() - shares[i].Floor().pence() <= 1);
    RC_ASSERT(out[i] >= shares[i].Floor());
  }
  RC_ASSERT(got == total.pence());
}

RC_GTEST_PROP(RoundHalfUpToPenny, WithinHalfAPenny, ()) {
  const auto num = *rc::gen::inRange<std::int64_t>(-1'000'000'000, 1'000'000'000);
  const auto den = *rc::gen::inRange<std::int64_t>(1, 100000);
  const ExactPence x = ExactPence::Pence(num) / den;
  const Money r = RoundHalfUpToPenny(x);
  const ExactPence diff = ExactPence(r) - x;
  RC_ASSERT(diff <= ExactPence::Pence(1) / 2);
  RC_ASSERT(diff >= ExactPence::Pence(-1) / 2);
}

}  // namespace
}  // namespace childmaint
