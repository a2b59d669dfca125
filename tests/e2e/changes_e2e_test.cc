// Changes of circumstances over HTTP: the 25 % rule, supersession dates, shared care, a parent's
// online report (a work item, and a reconsideration within 32 days), and closure when the last
// child stops qualifying.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

Application ChangeApplication() {
  Application app;
  app.ghacm_reference = "GHACM-CHANGE";
  return app;
}

std::string Income(int weekly_pence) {
  return R"({"income":{"weekly_pence":)" + std::to_string(weekly_pence) + "}}";
}

class ChangesE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    ref_ = CreateCase(server_, cw_, ChangeApplication());
    ASSERT_FALSE(ref_.empty());
    const HttpResult d = server_.Post(
        "/api/v1/cases/" + ref_ + "/decisions",
        R"({"effective_date":"2025-04-07","paying_parent":)" + Income(60000) +
            R"(,"nights_with_paying_parent":{"c1":0},"first_payment_date":"2025-05-01"})",
        cw_);
    ASSERT_EQ(d.status, 201) << d.body;
  }
  HttpResult Change(const std::string& body, const Headers& who) {
    return server_.Post("/api/v1/cases/" + ref_ + "/changes", body, who);
  }
  TestServer server_;
  Headers cw_;
  std::string ref_;
};

TEST_F(ChangesE2E, IncomeChangeUnderTwentyFivePerCentIsNotApplied) {
  const HttpResult r = Change(R"({"kind":"income","change_date":"2025-06-10","paying_parent":)" +
                                  Income(66000) + "}",
                              cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().Find("status")->AsString(), "not_applied");
  EXPECT_TRUE(r.json().Find("decision")->IsNull());
  const Json decisions = server_.Get("/api/v1/cases/" + ref_ + "/decisions", cw_).json();
  EXPECT_EQ(decisions.Find("decisions")->size(), 1u);
}

TEST_F(ChangesE2E, IncomeChangeOfAQuarterSupersedesFromTheDateOfChange) {
  const HttpResult r = Change(R"({"kind":"income","change_date":"2025-06-10","paying_parent":)" +
                                  Income(75000) + "}",
                              cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j.Find("status")->AsString(), "applied");
  const Json* d = j.Find("decision");
  EXPECT_EQ(d->Find("kind")->AsString(), "supersession");
  EXPECT_EQ(d->Find("effective_date")->AsString(), "2025-06-10");
  EXPECT_EQ(d->Find("first_payment_date")->AsString(), "2025-07-01");  // the old payment day
  EXPECT_EQ(d->Find("weekly_pence")->AsInt(), 9000);                   // 12 % of £750
  // The statement: the old schedule until 10 June, then the new initial arrears and instalments.
  const Json st = server_.Get("/api/v1/cases/" + ref_ + "/statement?as_of=2025-07-01", cw_).json();
  // Old: initial arrears 24 days × 7200/7 = 24685.71 -> 24686, instalments 1 May and 1 Jun of
  // 7200 × 52 / 12 = 31200. New: 21 days × 9000/7 = 27000, instalment 1 Jul 9000 × 52 / 12 = 39000.
  EXPECT_EQ(st.Find("due_pence")->AsInt(), 24686 + 31200 * 2 + 27000 + 39000);
}

TEST_F(ChangesE2E, SharedCareRunsFromTheDateReported) {
  const HttpResult r = Change(
      R"({"kind":"shared_care","change_date":"2025-07-20","reported_on":"2025-08-05",)"
      R"("nights_with_paying_parent":{"c1":110}})",
      cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  const Json* d = r.json().Find("decision");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Find("effective_date")->AsString(), "2025-08-05");
  EXPECT_EQ(d->Find("weekly_pence")->AsInt(), 5143);  // 7200 × 5/7 = 5142.86
}

TEST_F(ChangesE2E, ParentsReportIsAWorkItemAndWithin32DaysAReconsideration) {
  const Headers parent = ParentSession(server_, ref_, kSamNi, kSamPin);
  ASSERT_FALSE(HasFailure());
  const HttpResult r = Change(R"({"kind":"income","change_date":"2025-06-10"})", parent);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().Find("status")->AsString(), "reported");
  // The decision was notified today (the server's clock), so this counts as a reconsideration.
  EXPECT_NE(r.json().Find("reason")->AsString().find("reconsideration"), std::string::npos);
  const Json items = server_.Get("/api/v1/work-items?status=open", cw_).json();
  bool found = false;
  for (const Json& w : items.Find("work_items")->items()) {
    found = found || w.Find("kind")->AsString() == "change_of_circumstances";
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref_ + "/changes", parent).status, 200);
}

TEST_F(ChangesE2E, LastChildLeavingClosesTheCaseAndArrearsStay) {
  const HttpResult r = Change(
      R"({"kind":"child_left","change_date":"2025-06-15","child_id":"c1"})", cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref_, cw_).json().Find("status")->AsString(), "closed");
  // Nothing falls due from the day it closed; what fell due before stays.
  const Json before = server_.Get("/api/v1/cases/" + ref_ + "/statement?as_of=2025-06-14", cw_).json();
  const Json later = server_.Get("/api/v1/cases/" + ref_ + "/statement?as_of=2026-01-01", cw_).json();
  EXPECT_EQ(before.Find("due_pence")->AsInt(), later.Find("due_pence")->AsInt());
  EXPECT_GT(later.Find("arrears_pence")->AsInt(), 0);
  // A child who is not on the case is a field error.
  EXPECT_EQ(Change(R"({"kind":"child_left","change_date":"2025-06-15","child_id":"c9"})", cw_).status,
            422);
}

}  // namespace
}  // namespace childmaint::testing

namespace childmaint::testing {
namespace {

// A child who has turned 16 (and is not in full-time education) is left out of a decision.
TEST(AgeE2E, ChildrenOver16AreLeftOutOfDecisions) {
  TestServer server;
  const Headers cw = {{"Authorization", server.Bearer("caseworker")}};
  Application app = ChangeApplication();
  app.ghacm_reference = "GHACM-AGES00";
  app.children = {{"Kim Taylor", "2009-05-01"}, {"Jo Taylor", "2015-09-01"}};
  const HttpResult a = server.Post("/api/v1/applications", app.Json(), cw);
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string ref = a.json().Find("case_reference")->AsString();
  // Kim turns 16 on 2025-05-01: a decision from 2025-06-01 is for one child (12 % of £600).
  const HttpResult d = server.Post("/api/v1/cases/" + ref + "/decisions",
                                   WeeklyIncomeDecision("2025-06-01", "2025-06-01"), cw);
  ASSERT_EQ(d.status, 201) << d.body;
  EXPECT_EQ(d.json().Find("weekly_pence")->AsInt(), 7200);
  const Json c = server.Get("/api/v1/cases/" + ref, cw).json();
  EXPECT_EQ(c.Find("children")->items()[0].Find("stopped_qualifying_on")->AsString(), "2025-05-01");
}

}  // namespace
}  // namespace childmaint::testing
