#include "law/lint.h"

#include <gtest/gtest.h>

#include "law/law_bundle.h"

namespace childmaint::law {
namespace {

bool Mentions(const std::vector<std::string>& problems, std::string_view what) {
  for (const auto& p : problems) {
    if (p.find(what) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(Lint, TheProjectsLawFilesAreClean) {
  const ParameterSet law = *ParameterSet::LoadEmbedded();
  const auto problems = Lint(law, LintOptions{});
  for (const auto& p : problems) {
    ADD_FAILURE() << p;
  }
}

// The embedded files with one more file appended, to show each rule catches its fault.
std::vector<std::string> LintWith(std::string_view extra) {
  std::vector<SourceText> sources = EmbeddedLawSources();
  sources.push_back(SourceText{"test/broken.yaml", extra});
  auto set = ParameterSet::Load(sources);
  if (!set) {
    return {set.error().message};
  }
  return Lint(*set, LintOptions{.today = *Date::ParseIso("2030-01-01")});
}

constexpr std::string_view kBroken = R"(id: test.broken
title: Broken
provision: {instrument: ukpga/1991/48, location: "x", uri: "https://www.legislation.gov.uk/x"}
parameters:
  unquoted:
    unit: gbp
    timeline:
      - {from: 2012-12-10, value: 7.00, source: {instrument: ukpga/1991/48, location: x, kind: original}, status: unverified, reviewed_on: 2026-11-23}
  overlap:
    unit: gbp
    timeline:
      - {from: 2012-12-10, value: "1.00", source: {instrument: ukpga/1991/48, location: x, kind: original}, status: unverified}
      - {from: 2012-12-10, value: "2.00", source: {instrument: nowhere/1/1, location: x, kind: original}, status: verified}
  gap:
    unit: rate
    timeline:
      - {from: 2013-01-01, value: "12 percent", source: {instrument: ukpga/1991/48, location: x, kind: original}, status: maybe}
)";

TEST(Lint, CatchesEachFault) {
  const auto problems = LintWith(kBroken);
  EXPECT_TRUE(Mentions(problems, "must be quoted"));
  EXPECT_TRUE(Mentions(problems, "overlap"));
  EXPECT_TRUE(Mentions(problems, "not in instruments.yaml"));
  EXPECT_TRUE(Mentions(problems, "needs verified_by"));
  EXPECT_TRUE(Mentions(problems, "(a gap)"));
  EXPECT_TRUE(Mentions(problems, "not a valid rate"));
  EXPECT_TRUE(Mentions(problems, "status must be"));
  EXPECT_TRUE(Mentions(problems, "needs reviewed_on"));
  EXPECT_TRUE(Mentions(problems, "is stale"));  // today 2030: every 2026 review is stale
}

TEST(Lint, SchemaErrorsNameTheFile) {
  const auto problems = LintWith("id: test.x\ntitle: t\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(Mentions(problems, "test/broken.yaml"));
}

}  // namespace
}  // namespace childmaint::law
