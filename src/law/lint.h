// File: lint.h — checks the law/ files beyond what loading needs (`childmaint params lint`).
//
// Loading already proves every figure the calculation reads exists on every day from the scheme's
// opening. Lint adds: every value quoted and of its unit, timelines strictly increasing and
// starting at the scheme's opening (no gaps, no overlaps), every entry cited to a known instrument,
// verified entries saying by whom and when, and the last entry reviewed recently enough.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "law/parameter_set.h"

namespace childmaint::law {

struct LintOptions {
  std::optional<Date> today;        // when set, stale reviewed_on dates are problems
  std::int64_t max_review_age_days = 400;
};

// One line per problem ("file: parameter: what"); empty when the files are clean.
std::vector<std::string> Lint(const ParameterSet& set, const LintOptions& options);

}  // namespace childmaint::law
