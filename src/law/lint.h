// File: lint.h — checks the law/ files beyond what loading needs (`childmaint params lint`).
//
// Loading already proves every figure the calculation reads exists on every day from the scheme's
// opening. Lint adds: every value quoted and of its unit, timelines strictly increasing and
// starting at the scheme's opening (no gaps, no overlaps), every entry cited to a known instrument,
// verified entries saying by whom and when, and the last entry reviewed recently enough.
//
// Provisions. A parameter file's `provision.uri` must be on https://www.legislation.gov.uk/, with
// one exception: a file under law/service/ (service standards such as complaint targets, which no
// legislation sets) may instead give a page on https://www.gov.uk/. Likewise an instrument whose
// own uri is not on www.legislation.gov.uk (GOV.UK guidance, a Parliamentary answer) may be cited,
// as provision or as an entry's source, only by files under law/service/. Nothing else is relaxed.
//
// Calendars (law/calendars/, calendar.h): the id starts "calendars."; covers is a non-empty range;
// holidays are in strictly increasing date order (no day twice), inside covers, never on a Saturday
// or Sunday, each listed under its own year; every calendar year wholly inside covers has a `years`
// entry citing a known instrument, with status verified | unverified | projected, and at least
// kMinHolidaysPerYear holidays; reviewed_on is present and, given `today`, not stale.
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

// England and Wales have 8 bank holidays in an ordinary year; fewer means one is missing.
inline constexpr std::size_t kMinHolidaysPerYear = 8;

// One line per problem ("file: parameter: what"); empty when the files are clean.
std::vector<std::string> Lint(const ParameterSet& set, const LintOptions& options);

}  // namespace childmaint::law
