// End to end over HTTP: the real server on a temporary SQLite file, driven through api.md's golden
// path, the no-NI and tracing routes, the fee, payments with idempotency, a reversal, sign-in
// with lockout, and domestic-abuse protection.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

// Sam (with phone and email) applies about Alex; `other_ni` false: Alex's NI number unknown.
Application App(const std::string& ghacm, const std::string& collection = "direct_pay",
                bool other_ni = true) {
  Application app;
  app.ghacm_reference = ghacm;
  app.collection = collection;
  app.WithContactDetails();
  if (!other_ni) {
    app.other_parent.ni_number.reset();
  }
  return app;
}

constexpr const char* kOtherAddress = R"({"line1":"9 Low Road","town":"York","postcode":"YO1 7HH"})";

const std::string kDecision = AnnualIncomeDecision();

class ApiE2E : public ::testing::Test {
 protected:
  void SetUp() override { cw_ = {{"Authorization", server_.Bearer("caseworker")}}; }
  std::string NewCase(const std::string& ghacm, const std::string& collection = "direct_pay",
                      bool domestic_abuse = false) {
    Application app = App(ghacm, collection);
    app.applicant.domestic_abuse = domestic_abuse;
    return CreateCase(server_, cw_, app);
  }
  TestServer server_;
  Headers cw_;
};

TEST_F(ApiE2E, HealthOpenApiAndCalculations) {
  EXPECT_EQ(server_.Get("/api/v1/health").json().Find("status")->AsString(), "ok");
  const HttpResult doc = server_.Get("/api/v1/openapi.json");
  EXPECT_EQ(doc.status, 200);
  EXPECT_EQ(doc.json().Find("openapi")->AsString(), "3.0.3");
  const HttpResult calc = server_.Post(
      "/api/v1/calculations",
      R"({"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000}},)"
      R"("receiving_parents":[{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]}]})");
  ASSERT_EQ(calc.status, 200) << calc.body;
  EXPECT_EQ(calc.json().Find("weekly_liability_pence")->AsInt(), 7200);
  const HttpResult bad = server_.Post("/api/v1/calculations", R"({"effective_date":"2011-01-01"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Header("content-type"), "application/problem+json");
  EXPECT_FALSE(bad.json().Find("errors")->items()[0].Find("code")->AsString().empty());
  const HttpResult malformed = server_.Post("/api/v1/calculations", "{");
  EXPECT_EQ(malformed.json().Find("errors")->items()[0].Find("code")->AsString(), "malformed_json");
}

TEST_F(ApiE2E, GoldenPathApplicationDecisionScheduleStatement) {
  const std::string ref = NewCase("GHACM-GOLDEN");
  ASSERT_EQ(ref.size(), 12u);
  EXPECT_EQ(ref.substr(0, 3), "121");
  const HttpResult c = server_.Get("/api/v1/cases/" + ref, cw_);
  ASSERT_EQ(c.status, 200);
  EXPECT_EQ(c.json().Find("status")->AsString(), "awaiting_decision");
  EXPECT_EQ(c.json().Find("children")->items()[0].Find("id")->AsString(), "c1");
  EXPECT_TRUE(c.json().Find("current_decision")->IsNull());

  const HttpResult d = server_.Post("/api/v1/cases/" + ref + "/decisions", kDecision, cw_);
  ASSERT_EQ(d.status, 201) << d.body;
  // £31,200 a year: 31200 × 7 / 365 = £598.36 a week; 12 % = £71.80.
  EXPECT_EQ(d.json().Find("weekly_pence")->AsInt(), 7180);
  EXPECT_EQ(d.json().Find("calculation")->Find("weekly_liability_pence")->AsInt(), 7180);
  EXPECT_GT(d.json().Find("calculation")->Find("steps")->size(), 0u);

  const HttpResult s = server_.Get("/api/v1/cases/" + ref + "/schedule", cw_);
  ASSERT_EQ(s.status, 200) << s.body;
  const Json sj = s.json();
  EXPECT_EQ(sj.Find("frequency")->AsString(), "monthly");
  // 24 days at 7180 ÷ 7 = 24617.14 -> 24617.
  EXPECT_EQ(sj.Find("initial_arrears")->Find("amount_pence")->AsInt(), 24617);
  EXPECT_EQ(sj.Find("initial_arrears")->Find("due_date")->AsString(), "2025-05-01");
  const auto& inst = sj.Find("instalments")->items();  // sj outlives inst
  ASSERT_EQ(inst.size(), 12u);
  // 7180 × 52 / 12 = 31113.33 -> 31113; the twelfth takes the difference: 373360 − 11 × 31113.
  EXPECT_EQ(inst[0].Find("amount_pence")->AsInt(), 31113);
  EXPECT_EQ(inst[11].Find("amount_pence")->AsInt(), 373360 - 11 * 31113);
  EXPECT_EQ(inst[1].Find("due_date")->AsString(), "2025-06-01");

  const HttpResult st = server_.Get("/api/v1/cases/" + ref + "/statement?as_of=2025-06-01", cw_);
  ASSERT_EQ(st.status, 200) << st.body;
  EXPECT_EQ(st.json().Find("due_pence")->AsInt(), 24617 + 31113 * 2);
  EXPECT_EQ(st.json().Find("paid_pence")->AsInt(), 0);
  EXPECT_EQ(st.json().Find("arrears_pence")->AsInt(), 24617 + 31113 * 2);
  EXPECT_EQ(st.json().Find("credit_pence")->AsInt(), 0);

  // Direct Pay: the service receives no money.
  const HttpResult pay = server_.Post("/api/v1/cases/" + ref + "/payments",
                                      R"({"received_on":"2025-05-01","amount_pence":100,"method":"bank_transfer"})",
                                      cw_);
  EXPECT_EQ(pay.status, 409);
}

TEST_F(ApiE2E, PaymentsAreIdempotentAndReversible) {
  const std::string ref = NewCase("GHACM-PAY", "collect_and_pay");
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kDecision, cw_).status, 201);
  const std::string body = R"({"received_on":"2025-05-01","amount_pence":40000,"method":"debit_card"})";
  Headers keyed = cw_;
  keyed.emplace_back("Idempotency-Key", "pay-1");
  const HttpResult first = server_.Post("/api/v1/cases/" + ref + "/payments", body, keyed);
  ASSERT_EQ(first.status, 201) << first.body;
  const HttpResult again = server_.Post("/api/v1/cases/" + ref + "/payments", body, keyed);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  const HttpResult other = server_.Post(
      "/api/v1/cases/" + ref + "/payments",
      R"({"received_on":"2025-05-01","amount_pence":1,"method":"debit_card"})", keyed);
  EXPECT_EQ(other.status, 409);
  const HttpResult st = server_.Get("/api/v1/cases/" + ref + "/statement?as_of=2025-05-02", cw_);
  EXPECT_EQ(st.json().Find("paid_pence")->AsInt(), 40000);  // recorded once
  const std::int64_t id = first.json().Find("id")->AsInt();
  const HttpResult rev = server_.Post("/api/v1/cases/" + ref + "/postings/" + std::to_string(id) +
                                          "/reversal",
                                      R"({"reason":"bounced","effective_on":"2025-05-03"})", cw_);
  ASSERT_EQ(rev.status, 201) << rev.body;
  EXPECT_EQ(rev.json().Find("reverses")->AsInt(), id);
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref + "/statement?as_of=2025-05-04", cw_)
                .json().Find("paid_pence")->AsInt(), 0);
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref + "/statement?as_of=2025-05-02", cw_)
                .json().Find("paid_pence")->AsInt(), 40000);
  // A second reversal of the same posting is refused.
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/postings/" + std::to_string(id) + "/reversal",
                         R"({"reason":"again"})", cw_).status, 409);
}

TEST_F(ApiE2E, NoNiNumberAndTracingRoutes) {
  Application no_ni = App("GHACM-NONI", "direct_pay", /*other_ni=*/false);
  no_ni.applicant.ni_number.reset();
  const HttpResult clerical = server_.Post("/api/v1/applications", no_ni.Json(), cw_);
  ASSERT_EQ(clerical.status, 201) << clerical.body;
  EXPECT_EQ(clerical.json().Find("status")->AsString(), "clerical_incident");
  EXPECT_TRUE(clerical.json().Find("case_reference")->IsNull());
  EXPECT_EQ(clerical.json().Find("uri")->AsString().substr(0, 3), "URI");
  const HttpResult items = server_.Get("/api/v1/work-items?status=open", cw_);
  ASSERT_EQ(items.status, 200);
  bool incident = false;
  const Json listed = items.json();
  for (const Json& w : listed.Find("work_items")->items()) {
    incident = incident || w.Find("kind")->AsString() == "clerical_incident";
  }
  EXPECT_TRUE(incident);

  Application untraced = App("GHACM-TRACE", "direct_pay", /*other_ni=*/false);
  untraced.other_parent.address.reset();
  const HttpResult tracing = server_.Post("/api/v1/applications", untraced.Json(), cw_);
  ASSERT_EQ(tracing.status, 201);
  EXPECT_EQ(tracing.json().Find("status")->AsString(), "tracing");
  EXPECT_TRUE(tracing.json().Find("case_reference")->IsNull());
  const std::string id = std::to_string(tracing.json().Find("application_id")->AsInt());
  const HttpResult traced = server_.Post("/api/v1/applications/" + id + "/traced-address",
                                         kOtherAddress, cw_);
  ASSERT_EQ(traced.status, 200) << traced.body;
  EXPECT_EQ(traced.json().Find("status")->AsString(), "case_created");
  EXPECT_EQ(traced.json().Find("case_reference")->AsString().size(), 12u);
  // The Get-help reference is used once.
  EXPECT_EQ(server_.Post("/api/v1/applications", untraced.Json(), cw_).status, 409);
}

TEST_F(ApiE2E, ApplicationFeeBlocksDecisionsUntilPaid) {
  Application before_2014 = App("GHACM-FEE", "direct_pay", /*other_ni=*/false);
  before_2014.received_on = "2020-01-06";
  const HttpResult app = server_.Post("/api/v1/applications", before_2014.Json(), cw_);
  ASSERT_EQ(app.status, 201);
  EXPECT_EQ(app.json().Find("fee_pence")->AsInt(), 2000);
  const std::string ref = app.json().Find("case_reference")->AsString();
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kDecision, cw_).status, 409);
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/application-fee",
                         R"({"outcome":"waived","reason":"under_19"})", cw_).status, 409);
  const HttpResult paid = server_.Post("/api/v1/cases/" + ref + "/application-fee",
                                       R"({"outcome":"paid"})", cw_);
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kDecision, cw_).status, 201);
}

TEST_F(ApiE2E, InvalidInputNamesTheFieldAndChangesNothing) {
  const HttpResult r = server_.Post("/api/v1/applications", R"({"ghacm_reference":"bad ref"})", cw_);
  EXPECT_EQ(r.status, 422);
  bool named = false;
  const Json problem = r.json();
  for (const Json& e : problem.Find("errors")->items()) {
    named = named || e.Find("field")->AsString() == "ghacm_reference";
  }
  EXPECT_TRUE(named);
  const std::string ref = NewCase("GHACM-INVALID");
  const HttpResult bad = server_.Post(
      "/api/v1/cases/" + ref + "/decisions",
      R"({"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":1.5}},"first_payment_date":"2025-05-01"})",
      cw_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json().Find("errors")->items()[0].Find("field")->AsString(),
            "paying_parent.income.weekly_pence");
  EXPECT_TRUE(server_.Get("/api/v1/cases/" + ref, cw_).json().Find("current_decision")->IsNull());
}

TEST_F(ApiE2E, CaseReferencesCannotBeProbed) {
  const std::string ref = NewCase("GHACM-PROBE");
  std::string typo = ref;
  typo[11] = typo[11] == '0' ? '1' : '0';
  EXPECT_EQ(server_.Get("/api/v1/cases/" + typo, cw_).status, 404);
  EXPECT_EQ(server_.Get("/api/v1/cases/12345", cw_).status, 404);
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref).status, 401);
  EXPECT_EQ(server_.Post("/api/v1/applications", "{}", {{"Authorization", "Bearer nope"}}).status, 401);
  const Headers auditor = {{"Authorization", server_.Bearer("auditor")}};
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref, auditor).status, 200);
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kDecision, auditor).status, 403);
}

TEST_F(ApiE2E, SignInLockoutAndProtectedDetails) {
  const std::string ref = NewCase("GHACM-DA", "direct_pay", /*domestic_abuse=*/true);
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", kDecision, cw_).status, 201);
  // The paying parent signs in and reads the case: the receiving parent's details are withheld.
  const HttpResult session = server_.Post(
      "/api/v1/session", SignInBody(ref.substr(0, 3) + " " + ref.substr(3), "jk 12 34 56 c", kAlexPin));
  ASSERT_EQ(session.status, 200) << session.body;
  const std::string cookie = session.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const Headers parent = {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  const HttpResult c = server_.Get("/api/v1/cases/" + ref, parent);
  ASSERT_EQ(c.status, 200) << c.body;
  for (const char* secret : {"1 High Street", "LS1 1AA", "07700 900123", "sam@example.org",
                             "AB123456C", "1990-05-17"}) {
    EXPECT_EQ(c.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(c.body.find("Sam Taylor"), std::string::npos);
  for (const char* path : {"/schedule", "/statement?as_of=2025-06-01", "/decisions"}) {
    const HttpResult r = server_.Get("/api/v1/cases/" + ref + path, parent);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("1 High Street"), std::string::npos) << path;
  }
  // Another case is not theirs; caseworker endpoints are not for parents.
  const std::string other = NewCase("GHACM-OTHER");
  EXPECT_EQ(server_.Get("/api/v1/cases/" + other, parent).status, 404);
  EXPECT_EQ(server_.Get("/api/v1/work-items", parent).status, 401);
  // Five wrong PINs lock the pair, even for the right PIN.
  const std::string wrong = SignInBody(ref, kAlexNi, "0000000");
  for (int i = 0; i < 5; ++i) {
    const HttpResult r = server_.Post("/api/v1/session", wrong);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.json().Find("detail")->AsString(), "We could not sign you in with those details.");
  }
  const HttpResult locked = server_.Post("/api/v1/session", SignInBody(ref, kAlexNi, kAlexPin));
  EXPECT_EQ(locked.status, 429);
  EXPECT_FALSE(locked.Header("retry-after").empty());
}

TEST_F(ApiE2E, StopsCleanlyOnSigterm) { EXPECT_EQ(server_.Stop(), 0); }

}  // namespace
}  // namespace childmaint::testing
