// End to end over HTTP: enforcement actions and their fees (SI 2014/612 regs 10, 12), waivers,
// the order money is applied in (maintenance and arrears before charges), write-offs, refunds,
// missed Direct Pay payments and moving a case between service types (service.md §§3, 4, 6).
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

const std::string kEnfDecision = AnnualIncomeDecision();

class EnforcementE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    tl_ = {{"Authorization", server_.Bearer("team_leader")}};
  }
  std::string NewCase(const std::string& ghacm, const std::string& collection) {
    Application app;
    app.ghacm_reference = ghacm;
    app.collection = collection;
    return CreateCase(server_, cw_, app.WithContactDetails());
  }
  Headers SignIn(const std::string& ref, const std::string& ni, const std::string& pin) {
    return ParentSession(server_, ref, ni, pin);
  }
  Json Statement(const std::string& ref, const std::string& as_of) {
    return CaseStatement(server_, cw_, ref, as_of);
  }
  TestServer server_;
  Headers cw_;
  Headers tl_;
};

TEST_F(EnforcementE2E, ChargesWaiversAndTheOrderMoneyIsApplied) {
  const std::string ref = NewCase("GHACM-ENF", "collect_and_pay");
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kEnfDecision, cw_).status, 201);
  const std::string actions = "/api/v1/cases/" + ref + "/enforcement-actions";
  // Collect and Pay: what is due includes the collection fee, so read the arrears back.
  const std::int64_t arrears = Statement(ref, "2025-06-01").Find("arrears_pence")->AsInt();
  ASSERT_GT(arrears, 0);

  const HttpResult deo = server_.Post(
      actions, R"({"kind":"deduction_from_earnings_order","taken_on":"2025-06-01"})", cw_);
  ASSERT_EQ(deo.status, 201) << deo.body;
  EXPECT_EQ(deo.json().Find("charge_pence")->AsInt(), 5000);
  EXPECT_EQ(deo.json().Find("arrears_pence")->AsInt(), arrears);
  EXPECT_FALSE(deo.json().Find("charge_posting_id")->IsNull());
  EXPECT_EQ(Statement(ref, "2025-06-01").Find("charges_outstanding_pence")->AsInt(), 5000);

  const std::string lo = R"({"kind":"liability_order","taken_on":"2025-06-01"})";
  EXPECT_EQ(server_.Post(actions, lo, cw_).status, 403);
  const HttpResult lo_ok = server_.Post(actions, lo, tl_);
  ASSERT_EQ(lo_ok.status, 201) << lo_ok.body;
  EXPECT_EQ(lo_ok.json().Find("charge_pence")->AsInt(), 30000);
  EXPECT_EQ(Statement(ref, "2025-06-01").Find("charges_outstanding_pence")->AsInt(), 35000);

  // A reg 12 waiver given when the action is taken: no charge at all.
  const HttpResult waived_now = server_.Post(
      actions, R"({"kind":"regular_deduction_order","taken_on":"2025-06-01","waiver":"cms_error"})",
      cw_);
  ASSERT_EQ(waived_now.status, 201) << waived_now.body;
  EXPECT_EQ(waived_now.json().Find("charge_pence")->AsInt(), 0);
  EXPECT_TRUE(waived_now.json().Find("charge_posting_id")->IsNull());

  // Waiving the liability order's charge afterwards.
  const std::string waiver = actions + "/" + std::to_string(lo_ok.json().Find("id")->AsInt()) +
                             "/waiver";
  const std::string waiver_body = R"({"reason":"successful_appeal","effective_on":"2025-06-01"})";
  EXPECT_EQ(server_.Post(waiver, waiver_body, cw_).status, 403);
  ASSERT_EQ(server_.Post(waiver, waiver_body, tl_).status, 201);
  EXPECT_EQ(server_.Post(waiver, waiver_body, tl_).status, 409);  // already waived
  EXPECT_EQ(Statement(ref, "2025-06-01").Find("charges_outstanding_pence")->AsInt(), 5000);

  // More than the arrears: arrears first, then the charge.
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/payments",
                         R"({"received_on":"2025-06-02","amount_pence":)" +
                             std::to_string(arrears + 3000) + R"(,"method":"debit_card"})",
                         cw_).status, 201);
  const Json st = Statement(ref, "2025-06-02");
  EXPECT_EQ(st.Find("arrears_pence")->AsInt(), 0);
  EXPECT_EQ(st.Find("charges_outstanding_pence")->AsInt(), 2000);
  EXPECT_EQ(st.Find("credit_pence")->AsInt(), 0);

  // No arrears, nothing to enforce.
  EXPECT_EQ(server_.Post(actions, R"({"kind":"deduction_from_earnings_request","taken_on":"2025-06-02"})",
                         cw_).status, 409);
  EXPECT_EQ(server_.Post(actions, R"({"kind":"gaol","taken_on":"2025-06-02"})", cw_).status, 422);

  const HttpResult list = server_.Get(actions, cw_);
  ASSERT_EQ(list.status, 200);
  const Json lj = list.json();
  const auto& items = lj.Find("enforcement_actions")->items();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].Find("status")->AsString(), "charge_waived");
  // A parent of the case sees its actions.
  EXPECT_EQ(server_.Get(actions, SignIn(ref, "AB123456C", "4827163")).status, 200);
}

TEST_F(EnforcementE2E, WriteOffsAndRefunds) {
  const std::string ref = NewCase("GHACM-WO", "collect_and_pay");
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kEnfDecision, cw_).status, 201);
  const std::string wo = "/api/v1/cases/" + ref + "/write-offs";
  const std::int64_t arrears = Statement(ref, "2025-06-01").Find("arrears_pence")->AsInt();
  const std::string over = R"({"amount_pence":)" + std::to_string(arrears + 1) +
                           R"(,"effective_on":"2025-06-01","reason":"uncollectable"})";
  EXPECT_EQ(server_.Post(wo, over, cw_).status, 403);
  EXPECT_EQ(server_.Post(wo, over, tl_).status, 409);  // above the arrears
  ASSERT_EQ(server_.Post(wo, R"({"amount_pence":1000,"effective_on":"2025-06-01","reason":"x"})",
                         tl_).status, 201);
  EXPECT_EQ(Statement(ref, "2025-06-01").Find("arrears_pence")->AsInt(), arrears - 1000);

  const std::string refunds = "/api/v1/cases/" + ref + "/refunds";
  EXPECT_EQ(server_.Post(refunds, R"({"amount_pence":100,"effective_on":"2025-06-02","reason":"x"})",
                         tl_).status, 409);  // no credit
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/payments",
                         R"({"received_on":"2025-06-02","amount_pence":)" +
                             std::to_string(arrears) +
                             R"(,"method":"debit_card"})",
                         cw_).status, 201);
  ASSERT_EQ(server_.Post(refunds, R"({"amount_pence":1000,"effective_on":"2025-06-03","reason":"x"})",
                         tl_).status, 201);
  EXPECT_EQ(Statement(ref, "2025-06-03").Find("credit_pence")->AsInt(), 0);
}

TEST_F(EnforcementE2E, MissedPaymentsAndCollection) {
  const std::string dp = NewCase("GHACM-DP", "direct_pay");
  const std::string missed = "/api/v1/cases/" + dp + "/missed-payments";
  const std::string body = R"({"due_on":"2025-05-01","amount_pence":31113,"note":"nothing came"})";
  const HttpResult r = server_.Post(missed, body, SignIn(dp, "AB123456C", "4827163"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().Find("reported_by")->AsString(), "receiving_party");
  const std::int64_t item = r.json().Find("work_item_id")->AsInt();
  const HttpResult wi = server_.Get("/api/v1/work-items?status=open", cw_);
  const Json wj = wi.json();
  bool found = false;
  for (const Json& w : wj.Find("work_items")->items()) {
    found = found || (w.Find("id")->AsInt() == item && w.Find("kind")->AsString() == "missed_payment");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(server_.Post(missed, body, SignIn(dp, "JK123456C", "7654321")).status, 403);
  const HttpResult list = server_.Get(missed, cw_);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().Find("missed_payments")->size(), 1u);

  const std::string cp = NewCase("GHACM-CP", "collect_and_pay");
  EXPECT_EQ(server_.Post("/api/v1/cases/" + cp + "/missed-payments", body,
                         SignIn(cp, "JK123456C", "7654321")).status, 409);

  // After missed payments the case moves to Collect and Pay; payments are then taken.
  const std::string coll = "/api/v1/cases/" + dp + "/collection";
  EXPECT_EQ(server_.Post(coll, R"({"collection":"cheque"})", cw_).status, 422);
  const HttpResult moved = server_.Post(coll, R"({"collection":"collect_and_pay","from":"2025-06-01"})", cw_);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(server_.Post(coll, R"({"collection":"collect_and_pay"})", cw_).status, 409);
  EXPECT_EQ(server_.Post(missed, body, cw_).status, 409);
  EXPECT_EQ(server_.Post("/api/v1/cases/" + dp + "/payments",
                         R"({"received_on":"2025-06-02","amount_pence":100,"method":"debit_card"})",
                         cw_).status, 201);
}

}  // namespace
}  // namespace childmaint::testing
