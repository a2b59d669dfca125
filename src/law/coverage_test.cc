// Temporal coverage (cf. Catala's tests_couverture_temporelle): every day from the scheme's
// opening to the horizon has every figure the calculation reads, and the precomputed spans agree
// with the figures built directly from the files for that day.
#include <gtest/gtest.h>

#include "law/parameter_set.h"

namespace childmaint::law {
namespace {

TEST(Coverage, EveryDayHasEveryFigure) {
  const ParameterSet law = *ParameterSet::LoadEmbedded();
  const Date horizon = *Date::ParseIso("2030-12-31");
  int days = 0;
  for (Date d = law.scheme_start(); d <= horizon; d = d.AddDays(1), ++days) {
    const auto span = law.InForce(d);
    ASSERT_TRUE(span.has_value()) << d.ToIso();
    auto direct = law.BuildInForce(d);
    ASSERT_TRUE(direct.has_value()) << d.ToIso() << ": " << direct.error().message;
    direct->from = (*span)->from;
    ASSERT_TRUE(*direct == **span) << "span and direct figures differ on " << d.ToIso();
  }
  EXPECT_GT(days, 6500);
}

}  // namespace
}  // namespace childmaint::law
