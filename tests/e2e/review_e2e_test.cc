// `childmaint demo-data` then `childmaint review` (api.md "Commands"; service.md §5), end to end on
// a temporary SQLite file (or, with CM_TEST_DB=postgresql, a fresh PostgreSQL database); the stored
// decisions are read back with the sqlite3 (psql) command.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "tests/e2e/fixtures.h"

namespace {

using childmaint::testing::OnPostgresql;
using childmaint::testing::Shell;

std::string LastLine(const std::string& out) {
  std::string s = out;
  while (!s.empty() && s.back() == '\n') {
    s.pop_back();
  }
  const auto nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

class ReviewE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/cm_review_XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    db_ = childmaint::testing::NewTestDatabase(dir_ + "/review.db");
  }
  void TearDown() override {
    childmaint::testing::DropTestDatabase(db_);
    Shell("rm -rf '" + dir_ + "'");
  }
  std::string Cmd(const std::string& args) {
    return std::string(CM_CHILDMAINT) + " " + args + " --db '" + db_ + "' 2>&1";
  }
  std::string Sql(const std::string& sql) { return childmaint::testing::RunSql(db_, sql); }
  std::string dir_;
  std::string db_;
};

TEST_F(ReviewE2e, ReviewsEveryCaseOnceAYearLater) {
  const std::string demo = Shell(Cmd("demo-data --cases 20 --as-of 2025-06-01"));
  EXPECT_NE(demo.find("demo case: reference 121"), std::string::npos) << demo;
  // Nothing is due on the day the demo data was made.
  EXPECT_EQ(LastLine(Shell(Cmd("review --as-of 2025-06-01"))).rfind("reviewed 0 cases in ", 0), 0u);
  const std::string first = LastLine(Shell(Cmd("review --as-of 2026-06-01")));
  EXPECT_EQ(first.rfind("reviewed 20 cases in ", 0), 0u) << first;
  EXPECT_EQ(first.substr(first.size() - 2), " s");
  const std::string second = LastLine(Shell(Cmd("review --as-of 2026-06-01")));
  EXPECT_EQ(second.rfind("reviewed 0 cases in ", 0), 0u) << second;

  EXPECT_EQ(Sql("SELECT COUNT(*) FROM cases"), "20\n");
  // Every case: two decisions, the initial one then an annual review.
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM cases c WHERE (SELECT COUNT(*) FROM decisions d WHERE "
                "d.case_id = c.id) = 2 AND (SELECT kind FROM decisions d WHERE d.case_id = c.id "
                "ORDER BY id DESC LIMIT 1) = 'annual_review' AND (SELECT kind FROM decisions d "
                "WHERE d.case_id = c.id ORDER BY id LIMIT 1) = 'initial'"),
            "20\n");
  // Effective from the first anniversary; paid from the old schedule; next review a year on.
  // (Date arithmetic and JSON paths are the one place the two dialects' SQL differs.)
  const bool pg = OnPostgresql();
  const std::string one_year = pg ? "to_char(c.initial_effective_date::date + interval '1 year', "
                                    "'YYYY-MM-DD')"
                                  : "date(c.initial_effective_date, '+1 year')";
  const std::string two_years = pg ? "to_char(c.initial_effective_date::date + interval '2 years', "
                                     "'YYYY-MM-DD')"
                                   : "date(c.initial_effective_date, '+2 years')";
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM decisions d JOIN cases c ON c.id = d.case_id WHERE "
                "d.kind = 'annual_review' AND d.effective_date = " + one_year +
                " AND d.first_payment_date >= d.effective_date AND c.next_review_date = " +
                two_years),
            "20\n");
  const std::string request_date = pg ? "request::json->>'effective_date'"
                                      : "json_extract(request, '$.effective_date')";
  const std::string response_date = pg ? "response::json->>'effective_date'"
                                       : "json_extract(response, '$.effective_date')";
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM decisions WHERE kind = 'annual_review' AND " + request_date +
                " = effective_date AND " + response_date + " = effective_date"),
            "20\n");
}

TEST_F(ReviewE2e, SeveralAnniversariesDueCountOnce) {
  Shell(Cmd("demo-data --cases 5 --as-of 2025-06-01"));
  const std::string out = LastLine(Shell(Cmd("review --as-of 2028-06-01")));
  EXPECT_EQ(out.rfind("reviewed 5 cases in ", 0), 0u) << out;
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM decisions WHERE kind = 'annual_review'"), "5\n");
  // Each reviewed case has its own audit row.
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM audit WHERE action = 'decision_made' AND detail LIKE "
                "'%annual_review%'"),
            "5\n");
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM cases WHERE next_review_date > '2028-06-01' AND "
                "next_review_date <= '2029-06-01'"),
            "5\n");
}

}  // namespace
