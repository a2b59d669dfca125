// Golden files: tests/golden/schedule/*.yaml, one test each (label golden).
//
// Each file gives the terms of a schedule and hand-computed figures from api.md "How the schedule
// and the statement follow from a decision", compared exactly (no tolerance exists):
//
//   terms: {weekly_pence: 9600, frequency: monthly, effective_date: "2024-01-03",
//           first_payment_date: "2024-01-31"}          # reference_weeks: optional, default 52
//   expect:
//     initial_arrears: {due_date: "2024-01-31", amount_pence: 38400}
//     instalments: [{due_date: ..., amount_pence: ...}, ...]      # the first entries, in order
//     instalments_at: [{index: 11, due_date: ..., amount_pence: ...}]   # any j
//     instalments_due_by: [{as_of: ..., count: 2}]
//     due_on_or_before: [{as_of: "2024-03-01", amount_pence: 121600}]
//   # or, for terms that are refused:
//   expect: {error: {code: invalid_argument, reason: schedule.first_payment_before_effective,
//                    field: first_payment_date}}
//
// Every due_on_or_before figure is also checked against the sum of the listed instalments.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "schedule/schedule.h"

namespace childmaint::schedule {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kDefaultReferenceWeeks = 52;

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(CM_SCHEDULE_GOLDEN_DIR, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string CodeName(ErrorCode c) {
  switch (c) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kOutOfRange:
      return "out_of_range";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    default:
      return "other";
  }
}

Date DateOf(const YAML::Node& n) {
  const auto d = Date::ParseIso(n.as<std::string>());
  EXPECT_TRUE(d.has_value()) << "bad date " << n.as<std::string>();
  return d.value_or(Date());
}

void ExpectOnlyKeys(const YAML::Node& map, const std::set<std::string>& allowed,
                    const std::string& where) {
  ASSERT_TRUE(map.IsMap()) << where << " must be a map";
  for (const auto& kv : map) {
    EXPECT_TRUE(allowed.contains(kv.first.as<std::string>()))
        << "unknown key " << kv.first.as<std::string>() << " in " << where;
  }
}

ScheduleTerms TermsOf(const YAML::Node& n) {
  ExpectOnlyKeys(
      n, {"weekly_pence", "frequency", "effective_date", "first_payment_date", "reference_weeks"},
      "terms");
  ScheduleTerms t;
  t.weekly = Money::Pence(n["weekly_pence"].as<std::int64_t>());
  const auto f = ParseFrequency(n["frequency"].as<std::string>());
  EXPECT_TRUE(f.has_value()) << n["frequency"].as<std::string>();
  t.frequency = f.value_or(Frequency::kMonthly);
  t.effective_date = DateOf(n["effective_date"]);
  t.first_payment_date = DateOf(n["first_payment_date"]);
  t.reference_weeks =
      n["reference_weeks"] ? n["reference_weeks"].as<std::int64_t>() : kDefaultReferenceWeeks;
  return t;
}

void CheckError(const ScheduleTerms& t, const YAML::Node& want) {
  ExpectOnlyKeys(want, {"code", "reason", "field"}, "expect.error");
  const Date as_of = t.first_payment_date;
  const auto a = Instalments(t, 1);
  const auto b = InitialArrearsOf(t);
  const auto c = DueOnOrBefore(t, as_of);
  const auto d = InstalmentsDueBy(t, as_of);
  ASSERT_FALSE(a.has_value() || b.has_value() || c.has_value() || d.has_value())
      << "expected every function to refuse these terms";
  for (const Error& e : {a.error(), b.error(), c.error(), d.error()}) {
    EXPECT_EQ(CodeName(e.code), want["code"].as<std::string>());
    EXPECT_EQ(e.reason, want["reason"].as<std::string>());
    if (want["field"]) {
      EXPECT_EQ(e.field, want["field"].as<std::string>());
    }
  }
}

void CheckExpectations(const ScheduleTerms& t, const YAML::Node& expect) {
  ExpectOnlyKeys(expect,
                 {"initial_arrears", "instalments", "instalments_at", "instalments_due_by",
                  "due_on_or_before"},
                 "expect");
  if (const YAML::Node ia = expect["initial_arrears"]) {
    const auto got = InitialArrearsOf(t);
    ASSERT_TRUE(got.has_value()) << got.error().reason;
    EXPECT_EQ(t.first_payment_date.ToIso(), ia["due_date"].as<std::string>());
    EXPECT_EQ(got->pence(), ia["amount_pence"].as<std::int64_t>()) << "initial arrears";
  }
  if (const YAML::Node list = expect["instalments"]) {
    const auto got = Instalments(t, static_cast<std::int64_t>(list.size()));
    ASSERT_TRUE(got.has_value()) << got.error().reason;
    for (std::size_t j = 0; j < list.size(); ++j) {
      EXPECT_EQ((*got)[j].due_date.ToIso(), list[j]["due_date"].as<std::string>()) << "j=" << j;
      EXPECT_EQ((*got)[j].amount.pence(), list[j]["amount_pence"].as<std::int64_t>()) << "j=" << j;
    }
  }
  for (const YAML::Node& at : expect["instalments_at"]) {
    const auto j = at["index"].as<std::int64_t>();
    const auto got = Instalments(t, j + 1);
    ASSERT_TRUE(got.has_value()) << got.error().reason;
    EXPECT_EQ(got->back().due_date.ToIso(), at["due_date"].as<std::string>()) << "j=" << j;
    EXPECT_EQ(got->back().amount.pence(), at["amount_pence"].as<std::int64_t>()) << "j=" << j;
  }
  for (const YAML::Node& by : expect["instalments_due_by"]) {
    const auto got = InstalmentsDueBy(t, DateOf(by["as_of"]));
    ASSERT_TRUE(got.has_value()) << got.error().reason;
    EXPECT_EQ(*got, by["count"].as<std::int64_t>()) << "as_of " << by["as_of"].as<std::string>();
  }
  for (const YAML::Node& due : expect["due_on_or_before"]) {
    const Date as_of = DateOf(due["as_of"]);
    const auto got = DueOnOrBefore(t, as_of);
    ASSERT_TRUE(got.has_value()) << got.error().reason;
    const auto want = due["amount_pence"].as<std::int64_t>();
    EXPECT_EQ(got->pence(), want) << "as_of " << as_of.ToIso();
    // The same figure by listing every instalment due.
    const auto count = InstalmentsDueBy(t, as_of);
    ASSERT_TRUE(count.has_value());
    const auto list = Instalments(t, *count);
    ASSERT_TRUE(list.has_value());
    std::int64_t sum = t.first_payment_date <= as_of ? InitialArrearsOf(t)->pence() : 0;
    for (const Instalment& i : *list) {
      EXPECT_LE(i.due_date, as_of);
      sum += i.amount.pence();
    }
    EXPECT_EQ(sum, want) << "iterative sum as_of " << as_of.ToIso();
  }
}

class ScheduleGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ScheduleGolden, Matches) {
  try {
    const YAML::Node doc = YAML::LoadFile(GetParam());
    ExpectOnlyKeys(doc, {"name", "source", "terms", "expect"}, GetParam());
    ASSERT_TRUE(doc["name"] && doc["source"]) << "every golden file names itself and its source";
    const ScheduleTerms t = TermsOf(doc["terms"]);
    const YAML::Node expect = doc["expect"];
    ASSERT_TRUE(expect && expect.IsMap()) << "missing expect";
    if (expect["error"]) {
      CheckError(t, expect["error"]);
    } else {
      CheckExpectations(t, expect);
    }
  } catch (const YAML::Exception& e) {
    FAIL() << GetParam() << ": " << e.what();
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, ScheduleGolden, ::testing::ValuesIn(GoldenFiles()), TestName);

}  // namespace
}  // namespace childmaint::schedule
