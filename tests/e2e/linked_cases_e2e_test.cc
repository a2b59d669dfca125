// Linked cases over HTTP (service.md §2, contract rule 9, INTERP-111): two receiving parents with
// the same paying parent are one calculation; a decision on either case re-issues the other's in
// the same transaction, schedules and statements follow, the review does both at once on the
// shared review date, and a parent of one case never learns who the other receiving parent is.
#include <gtest/gtest.h>

#include <string>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

constexpr const char* kPayingParentNi = "JK123456C";

// A receiving parent at 2 Side Street, Hull, applying about Alex (the same paying parent each
// time) for Jo Child.
Application Linked(const std::string& ghacm, const std::string& received_on,
                   const std::string& name, const std::string& ni, const std::string& pin,
                   bool protected_party, const std::string& postcode,
                   const std::string& dob = "1991-02-03",
                   const std::string& phone = "07700 900999") {
  Application app;
  app.ghacm_reference = ghacm;
  app.received_on = received_on;
  app.applicant = Party{name, dob, ni, Address{"2 Side Street", "Hull", postcode}, phone,
                        "x@example.org", protected_party, pin};
  app.other_parent.ni_number = kPayingParentNi;
  app.children = {{"Jo Child", "2017-09-01"}};
  return app;
}

class LinkedCasesE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    a_ = Apply(Linked("GHACM-LINK-A", "2025-03-03", "Sam Taylor", "AB123456C", "4827163", false,
                      "LS1 1AA"));
    b_ = Apply(Linked("GHACM-LINK-B", "2025-05-01", "Pat Hidden", "CE123456D", "1357913", true,
                      "HU1 9ZZ", "1993-08-09", "07700 900555"));
    ASSERT_FALSE(a_.empty());
    ASSERT_FALSE(b_.empty());
    // Case A alone: 12 % of £600 = £72 a week.
    const HttpResult da = Decide(a_, WeeklyIncomeDecision("2025-04-07", "2025-05-01", 60000));
    ASSERT_EQ(da.status, 201) << da.body;
    ASSERT_EQ(da.json().Find("weekly_pence")->AsInt(), 7200);
  }
  std::string Apply(const Application& app) { return CreateCase(server_, cw_, app); }
  HttpResult Decide(const std::string& ref, const std::string& body) {
    return server_.Post("/api/v1/cases/" + ref + "/decisions", body, cw_);
  }
  Json Case(const std::string& ref) { return server_.Get("/api/v1/cases/" + ref, cw_).json(); }
  Json Current(const std::string& ref) { return *Case(ref).Find("current_decision"); }
  std::int64_t DecisionCount(const std::string& ref) {
    const Json list = server_.Get("/api/v1/cases/" + ref + "/decisions", cw_).json();
    return static_cast<std::int64_t>(list.Find("decisions")->size());
  }
  // The API session of a parent (the same session authenticates the portal).
  Headers SignIn(const std::string& ref, const std::string& ni, const std::string& pin) {
    return ParentSession(server_, ref, ni, pin);
  }
  TestServer server_;
  Headers cw_;
  std::string a_;
  std::string b_;
};

TEST_F(LinkedCasesE2E, DecisionOnTheSecondCaseReissuesTheFirstWithItsShare) {
  const HttpResult db = Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000));
  ASSERT_EQ(db.status, 201) << db.body;
  // Two qualifying children: 16 % of £600 = £96, £48 each.
  EXPECT_EQ(db.json().Find("weekly_pence")->AsInt(), 4800);
  EXPECT_EQ(db.json().Find("kind")->AsString(), "initial");

  const Json a = Current(a_);
  EXPECT_EQ(a.Find("kind")->AsString(), "linked");
  EXPECT_EQ(a.Find("effective_date")->AsString(), "2025-06-02");
  EXPECT_EQ(a.Find("first_payment_date")->AsString(), "2025-07-01");  // A's own payment day
  EXPECT_EQ(a.Find("weekly_pence")->AsInt(), 4800);
  // The same calculation on both cases (a caseworker sees it whole), oldest case first.
  const Json b = Current(b_);
  EXPECT_EQ(*a.Find("calculation"), *b.Find("calculation"));
  const Json* rps = a.Find("calculation")->Find("receiving_parents");
  ASSERT_EQ(rps->size(), 2u);
  EXPECT_EQ(rps->items()[0].Find("id")->AsString(), a_);
  EXPECT_EQ(rps->items()[1].Find("id")->AsString(), b_);
  EXPECT_EQ(DecisionCount(a_), 2);

  // A's schedule: £48 × 52 ÷ 12 = £208 a month; initial arrears 2 Jun - 1 Jul, 29 days × 4800/7.
  const Json sa = server_.Get("/api/v1/cases/" + a_ + "/schedule", cw_).json();
  EXPECT_EQ(sa.Find("weekly_pence")->AsInt(), 4800);
  EXPECT_EQ(sa.Find("initial_arrears")->Find("amount_pence")->AsInt(), 19886);
  EXPECT_EQ(sa.Find("instalments")->items()[0].Find("due_date")->AsString(), "2025-07-01");
  EXPECT_EQ(sa.Find("instalments")->items()[0].Find("amount_pence")->AsInt(), 20800);
  // A's statement: the old schedule until 2 June (24 days of £72 and two £312 instalments),
  // then the linked decision's initial arrears and first instalment.
  const Json st = server_.Get("/api/v1/cases/" + a_ + "/statement?as_of=2025-07-01", cw_).json();
  EXPECT_EQ(st.Find("due_pence")->AsInt(), 24686 + 31200 * 2 + 19886 + 20800);
  const Json sb = server_.Get("/api/v1/cases/" + b_ + "/statement?as_of=2025-07-01", cw_).json();
  EXPECT_EQ(sb.Find("due_pence")->AsInt(), 19886 + 20800);

  // The audit trail of A records the linked decision and what caused it.
  const Json audit = server_.Get("/api/v1/cases/" + a_ + "/audit", cw_).json();
  bool found = false;
  for (const Json& item : audit.Find("items")->items()) {
    const Json* detail = item.Find("detail");
    if (item.Find("action")->AsString() == "decision_made" &&
        detail->Find("kind")->AsString() == "linked") {
      found = true;
      EXPECT_EQ(detail->Find("weekly_pence")->AsInt(), 4800);
      EXPECT_EQ(detail->Find("previous_weekly_pence")->AsInt(), 7200);
      EXPECT_EQ(detail->Find("linked_case_reference")->AsString(), b_);
    }
  }
  EXPECT_TRUE(found) << audit.Dump();
  // Linked cases share a review date: B takes A's (the anniversary of A's IED).
  EXPECT_EQ(Case(b_).Find("next_review_date")->AsString(), "2026-04-07");
  EXPECT_EQ(Case(a_).Find("next_review_date")->AsString(), "2026-04-07");
}

TEST_F(LinkedCasesE2E, ChangeOnOneCaseReissuesTheOther) {
  ASSERT_EQ(Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 201);
  const HttpResult r = server_.Post(
      "/api/v1/cases/" + b_ + "/changes",
      R"({"kind":"income","change_date":"2025-09-10",)"
      R"("paying_parent":{"income":{"weekly_pence":90000}}})",
      cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().Find("status")->AsString(), "applied");
  // Basic plus: 16 % of £800 + 12 % of £100 = £140, £70 each, from the date of the change on
  // both cases.
  EXPECT_EQ(r.json().Find("decision")->Find("weekly_pence")->AsInt(), 7000);
  const Json a = Current(a_);
  EXPECT_EQ(a.Find("kind")->AsString(), "linked");
  EXPECT_EQ(a.Find("effective_date")->AsString(), "2025-09-10");
  EXPECT_EQ(a.Find("first_payment_date")->AsString(), "2025-10-01");
  EXPECT_EQ(a.Find("weekly_pence")->AsInt(), 7000);
  EXPECT_EQ(DecisionCount(a_), 3);
  // A revision on A re-issues B in turn.
  const HttpResult rev = Decide(
      a_, R"({"kind":"revision","effective_date":"2025-09-10","first_payment_date":"2025-10-01",)"
          R"("paying_parent":{"income":{"weekly_pence":100000}}})");
  ASSERT_EQ(rev.status, 201) << rev.body;
  EXPECT_EQ(rev.json().Find("weekly_pence")->AsInt(), 7600);  // (£128 + 12 % of £200) ÷ 2
  EXPECT_EQ(Current(b_).Find("kind")->AsString(), "linked");
  EXPECT_EQ(Current(b_).Find("weekly_pence")->AsInt(), 7600);
}

TEST_F(LinkedCasesE2E, ReviewDoesBothCasesAsOneCalculationOnTheSharedDate) {
  ASSERT_EQ(Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 201);
  const std::string review =
      std::string(CM_CHILDMAINT) + " review --db '" + server_.db_url() + "' --as-of ";
  const std::string early = Shell(review + "2026-04-06 2>&1");
  EXPECT_NE(early.find("reviewed 0 cases in "), std::string::npos) << early;
  const std::string out = Shell(review + "2026-04-07 2>&1");
  EXPECT_NE(out.find("reviewed 2 cases in "), std::string::npos) << out;
  const Json a = Current(a_);
  const Json b = Current(b_);
  for (const Json* d : {&a, &b}) {
    EXPECT_EQ(d->Find("kind")->AsString(), "annual_review");
    EXPECT_EQ(d->Find("effective_date")->AsString(), "2026-04-07");
    EXPECT_EQ(d->Find("weekly_pence")->AsInt(), 4800);
    EXPECT_EQ(d->Find("calculation")->Find("receiving_parents")->size(), 2u);
  }
  EXPECT_EQ(*a.Find("calculation"), *b.Find("calculation"));
  EXPECT_EQ(a.Find("first_payment_date")->AsString(), "2026-05-01");
  EXPECT_EQ(b.Find("first_payment_date")->AsString(), "2026-05-01");
  EXPECT_EQ(Case(a_).Find("next_review_date")->AsString(), "2027-04-07");
  EXPECT_EQ(Case(b_).Find("next_review_date")->AsString(), "2027-04-07");
  const std::string again = Shell(review + "2026-04-07 2>&1");
  EXPECT_NE(again.find("reviewed 0 cases in "), std::string::npos) << again;
}

TEST_F(LinkedCasesE2E, ACaseThatCannotTakeADecisionIsLeftOut) {
  // Case C: same paying parent, application fee owed (received in the fee years).
  const std::string c = Apply(Linked("GHACM-LINK-C", "2020-01-06", "Lee Owed", "EH123456A",
                                     "2468024", false, "BD1 1AA"));
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(Case(c).Find("status")->AsString(), "awaiting_fee");
  ASSERT_EQ(Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 201);
  // Only A and B are apportioned, and C gets no decision.
  EXPECT_EQ(Current(a_).Find("calculation")->Find("receiving_parents")->size(), 2u);
  EXPECT_EQ(Current(a_).Find("weekly_pence")->AsInt(), 4800);
  EXPECT_EQ(DecisionCount(c), 0);
  // A decision on C is refused, and the refusal changes nothing on A or B.
  EXPECT_EQ(Decide(c, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 409);
  EXPECT_EQ(DecisionCount(a_), 2);
  EXPECT_EQ(DecisionCount(b_), 1);
}

TEST_F(LinkedCasesE2E, AParentOfOneCaseNeverSeesWhoTheOtherReceivingParentIs) {
  ASSERT_EQ(Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 201);
  const Json b_case = Case(b_);
  // Case B's receiving parent is protected; what identifies her or her case must not reach A.
  const std::vector<std::string> secrets = {b_,        "Pat Hidden", "CE123456D", "HU1 9ZZ",
                                            "1993-08-09", "07700 900555"};
  const Headers rp = SignIn(a_, "AB123456C", "4827163");
  const Headers pp = SignIn(a_, kPayingParentNi, "7654321");
  for (const Headers* who : {&rp, &pp}) {
    for (const std::string path : {"/api/v1/cases/" + a_, "/api/v1/cases/" + a_ + "/decisions"}) {
      const HttpResult r = server_.Get(path, *who);
      ASSERT_EQ(r.status, 200) << r.body;
      for (const std::string& s : secrets) {
        EXPECT_EQ(r.body.find(s), std::string::npos) << path << " shows " << s;
      }
      // The apportionment is still explained: the other share, under a neutral label.
      EXPECT_NE(r.body.find("\"other-1\""), std::string::npos) << path;
    }
    for (const char* page : {"/overview", "/calculation", "/payments"}) {
      const HttpResult r = server_.Get(page, *who);
      ASSERT_EQ(r.status, 200) << page;
      EXPECT_EQ(r.body.find(b_), std::string::npos) << page;
      EXPECT_EQ(r.body.find("Pat Hidden"), std::string::npos) << page;
    }
  }
  // A's receiving parent is refused B's case (404), like any case not hers.
  EXPECT_EQ(server_.Get("/api/v1/cases/" + b_, rp).status, 404);
  // A caseworker sees the whole calculation.
  EXPECT_NE(Case(a_).Dump().find(b_), std::string::npos);
  EXPECT_EQ(b_case.Find("status")->AsString(), "active");
}

TEST_F(LinkedCasesE2E, TheOtherReceivingParentsPortalShowsTheNewAmount) {
  // Through the portal overview of case A's receiving parent: £72.00 before, £48.00 after B.
  const Headers rp = SignIn(a_, "AB123456C", "4827163");
  const HttpResult before = server_.Get("/overview", rp);
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("\xC2\xA3" "72.00"), std::string::npos);
  ASSERT_EQ(Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 201);
  const HttpResult after = server_.Get("/overview", rp);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("\xC2\xA3" "48.00"), std::string::npos);
  EXPECT_EQ(after.body.find("\xC2\xA3" "72.00"), std::string::npos);
  const HttpResult calc = server_.Get("/calculation", rp);
  EXPECT_NE(calc.body.find("2 qualifying children"), std::string::npos);
}

TEST_F(LinkedCasesE2E, ACaseClosingGivesItsShareBackToTheOthers) {
  ASSERT_EQ(Decide(b_, WeeklyIncomeDecision("2025-06-02", "2025-07-01", 60000)).status, 201);
  const HttpResult r = server_.Post(
      "/api/v1/cases/" + a_ + "/changes",
      R"({"kind":"child_left","change_date":"2025-08-15","child_id":"c1"})", cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Case(a_).Find("status")->AsString(), "closed");
  // B alone again from the day A closed: 12 % of £600.
  const Json b = Current(b_);
  EXPECT_EQ(b.Find("kind")->AsString(), "linked");
  EXPECT_EQ(b.Find("effective_date")->AsString(), "2025-08-15");
  EXPECT_EQ(b.Find("first_payment_date")->AsString(), "2025-09-01");
  EXPECT_EQ(b.Find("weekly_pence")->AsInt(), 7200);
  EXPECT_EQ(b.Find("calculation")->Find("receiving_parents")->size(), 1u);
  EXPECT_EQ(DecisionCount(a_), 2);  // a closed case gets no new decision
}

}  // namespace
}  // namespace childmaint::testing
