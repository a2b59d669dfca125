// Golden files: tests/golden/ledger/*.yaml, one test each (label golden). Every amount in them is
// hand-computed from api.md ("How the schedule and the statement follow from a decision") and the
// rules in ledger.h / replay.h; the runner only compares, it never rewrites a file.
//
// Format (unknown keys are an error, so a typo cannot silently skip a check):
//
//   name: one line saying what the file shows
//   source: who computed it by hand, from what, when
//   ranges: [[0, 30], [31, 60], [61, null]]      # optional: day ranges for arrears_buckets_pence
//   dues:                                          # the schedule's dues, in order (ledger/due.h)
//     - {due_on: "2025-05-01", amount_pence: 24000, initial_arrears: true}
//   postings:                                      # in recording order; each goes through
//     - {id: 1, kind: payment_received, effective_on: "2025-05-01", amount_pence: 30333,
//        method: bank_transfer}                    # ValidateNew against the ones kept before it
//     - {id: 2, kind: reversal, effective_on: "2025-05-02", amount_pence: 30333, reverses: 1,
//        rejected: ledger.already_reversed}        # must be refused with this reason; not kept
//     # other keys: reference, recorded_at
//   expect:                                        # any number of dates
//     - as_of: "2025-05-01"
//       statement: {due_pence: 54333, paid_pence: 30333, arrears_pence: 24000, credit_pence: 0}
//                                                  # listed fields only; also charges_pence,
//                                                  # charges_paid_pence, charges_outstanding_pence,
//                                                  # written_off_pence, refunded_pence
//       allocation:                                # optional: the whole list, in order
//         - {payment: 1, due_on: "2025-05-01", amount_pence: 30333, target: current}
//       arrears_buckets_pence: [24000, 0, 0]       # optional: one per range
//       ranges: [[1, 30], [31, null]]              # optional: overrides the file's ranges here
//       oldest_unpaid_due: "2025-05-01"            # optional: a date or null
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "ledger/allocation.h"
#include "ledger/arrears.h"
#include "ledger/ledger.h"

namespace childmaint::ledger {
namespace {

namespace fs = std::filesystem;

void CheckKeys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& at) {
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    EXPECT_TRUE(allowed.contains(key)) << at << ": unknown key '" << key << "'";
  }
}

Date ToDate(const YAML::Node& n) {
  const auto d = Date::ParseIso(n.as<std::string>());
  if (!d) {
    throw YAML::Exception(n.Mark(), "not a YYYY-MM-DD date: " + n.as<std::string>());
  }
  return *d;
}

Money Pence(const YAML::Node& n) { return Money::Pence(n.as<std::int64_t>()); }

std::vector<DayRange> ToRanges(const YAML::Node& n) {
  std::vector<DayRange> out;
  for (const auto& r : n) {
    const std::int64_t min_days = r[0].as<std::int64_t>();
    std::optional<std::int64_t> max_days;
    if (!r[1].IsNull()) {
      max_days = r[1].as<std::int64_t>();
    }
    out.emplace_back(min_days, max_days);
  }
  return out;
}

Posting ToPosting(const YAML::Node& n, const std::string& at) {
  CheckKeys(n,
            {"id", "kind", "effective_on", "amount_pence", "method", "reference", "reverses",
             "recorded_at", "rejected"},
            at);
  Posting p;
  p.id = n["id"].as<std::int64_t>();
  const auto kind = ParsePostingKind(n["kind"].as<std::string>());
  if (!kind) {
    throw YAML::Exception(n.Mark(), "unknown kind " + n["kind"].as<std::string>());
  }
  p.kind = *kind;
  p.effective_on = ToDate(n["effective_on"]);
  p.amount = Pence(n["amount_pence"]);
  p.method = n["method"] ? n["method"].as<std::string>() : "";
  p.reference = n["reference"] ? n["reference"].as<std::string>() : "";
  if (n["reverses"]) {
    p.reverses = n["reverses"].as<std::int64_t>();
  }
  p.recorded_at = n["recorded_at"] ? n["recorded_at"].as<std::int64_t>() : 0;
  return p;
}

void CheckStatement(const Statement& s, const YAML::Node& want, const std::string& at) {
  const std::vector<std::pair<std::string, Money>> fields = {
      {"due_pence", s.due},
      {"paid_pence", s.paid},
      {"arrears_pence", s.arrears},
      {"credit_pence", s.credit},
      {"charges_pence", s.charges},
      {"charges_paid_pence", s.charges_paid},
      {"charges_outstanding_pence", s.charges_outstanding},
      {"written_off_pence", s.written_off},
      {"refunded_pence", s.refunded}};
  std::set<std::string> names;
  for (const auto& [name, value] : fields) {
    names.insert(name);
    if (want[name]) {
      EXPECT_EQ(value.pence(), want[name].as<std::int64_t>()) << at << " " << name;
    }
  }
  CheckKeys(want, names, at + " statement");
}

std::string Show(const AllocationLine& l) {
  return std::to_string(l.payment_id) + " " + l.due_on.ToIso() + " " +
         std::to_string(l.amount.pence()) + " " + std::string(TargetName(l.target));
}

void CheckAllocation(const std::vector<AllocationLine>& got, const YAML::Node& want,
                     const std::string& at) {
  std::vector<std::string> expected;
  for (const auto& l : want) {
    CheckKeys(l, {"payment", "due_on", "amount_pence", "target"}, at + " allocation");
    expected.push_back(l["payment"].as<std::string>() + " " + ToDate(l["due_on"]).ToIso() + " " +
                       l["amount_pence"].as<std::string>() + " " + l["target"].as<std::string>());
  }
  std::vector<std::string> actual;
  for (const AllocationLine& l : got) {
    actual.push_back(Show(l));
  }
  EXPECT_EQ(actual, expected) << at << " allocation (payment due_on amount target)";
}

void RunGolden(const fs::path& path) {
  const YAML::Node doc = YAML::LoadFile(path.string());
  const std::string file = path.filename().string();
  CheckKeys(doc, {"name", "source", "ranges", "dues", "postings", "expect"}, file);
  ASSERT_TRUE(doc["name"] && doc["source"]) << file << ": name and source are required";
  std::vector<Due> dues;
  for (const auto& d : doc["dues"]) {
    CheckKeys(d, {"due_on", "amount_pence", "initial_arrears"}, file + " dues");
    dues.push_back(Due{ToDate(d["due_on"]), Pence(d["amount_pence"]),
                       d["initial_arrears"] && d["initial_arrears"].as<bool>()});
  }
  std::vector<Posting> kept;
  for (const auto& n : doc["postings"]) {
    const std::string at = file + " posting " + n["id"].as<std::string>();
    const Posting p = ToPosting(n, at);
    const Status s = ValidateNew(dues, kept, p);
    if (n["rejected"]) {
      EXPECT_FALSE(s.has_value()) << at << ": accepted, expected " << n["rejected"];
      if (!s.has_value()) {
        EXPECT_EQ(s.error().reason, n["rejected"].as<std::string>()) << at;
      }
      continue;
    }
    EXPECT_TRUE(s.has_value()) << at << ": refused: " << (s ? "" : s.error().reason);
    kept.push_back(p);
  }
  ASSERT_TRUE(doc["expect"] && doc["expect"].size() > 0) << file << ": nothing to check";
  for (const auto& e : doc["expect"]) {
    const std::string at = file + " as_of " + e["as_of"].as<std::string>();
    CheckKeys(e,
              {"as_of", "statement", "allocation", "arrears_buckets_pence", "ranges",
               "oldest_unpaid_due"},
              at);
    const Date as_of = ToDate(e["as_of"]);
    if (e["statement"]) {
      CheckStatement(StatementAsOf(dues, kept, as_of), e["statement"], at);
    }
    if (e["allocation"]) {
      CheckAllocation(Allocate(dues, kept, as_of), e["allocation"], at);
    }
    if (e["arrears_buckets_pence"]) {
      const YAML::Node rn = e["ranges"] ? e["ranges"] : doc["ranges"];
      ASSERT_TRUE(rn) << at << ": arrears_buckets_pence needs ranges";
      const std::vector<DayRange> ranges = ToRanges(rn);
      std::vector<std::int64_t> got;
      for (const ArrearsBucket& b : AgeArrears(dues, kept, as_of, ranges)) {
        got.push_back(b.amount.pence());
      }
      EXPECT_EQ(got, e["arrears_buckets_pence"].as<std::vector<std::int64_t>>()) << at;
    }
    if (e["oldest_unpaid_due"]) {
      const std::optional<Date> got = OldestUnpaidDue(dues, kept, as_of);
      if (e["oldest_unpaid_due"].IsNull()) {
        EXPECT_EQ(got, std::nullopt) << at;
      } else {
        EXPECT_EQ(got, ToDate(e["oldest_unpaid_due"])) << at;
      }
    }
  }
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(CM_LEDGER_GOLDEN_DIR)) {
    if (e.path().extension() == ".yaml") {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class GoldenLedger : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenLedger, Matches) {
  try {
    RunGolden(GetParam());
  } catch (const YAML::Exception& e) {
    FAIL() << GetParam() << ": " << e.what();
  }
}

TEST(GoldenLedgerFiles, AtLeastEight) { EXPECT_GE(GoldenFiles().size(), 8U); }

INSTANTIATE_TEST_SUITE_P(Ledger, GoldenLedger, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = fs::path(param_info.param).stem().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
                               '_');
                           return name;
                         });

}  // namespace
}  // namespace childmaint::ledger
