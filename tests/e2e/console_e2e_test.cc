// The caseworker console over HTTP: accounts made by `childmaint admin account`, sign-in with
// lockout, finding a case, the case page, forms that act through the API as the account (so the
// API's role checks and audit trail apply), the queues, CSRF and sign-in on every page.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

// Sam (protected by domestic-abuse marking) applies for Collect and Pay.
Application ConsoleApplication() {
  Application app;
  app.ghacm_reference = "GHACM-CONSOLE";
  app.applicant.domestic_abuse = true;
  app.collection = "collect_and_pay";
  return app;
}

class ConsoleE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    const HttpResult app = server_.Post("/api/v1/applications", ConsoleApplication().Json(), cw_);
    ASSERT_EQ(app.status, 201) << app.body;
    ref_ = app.json().Find("case_reference")->AsString();
    if (app.json().Find("fee_pence")->AsInt() > 0) {
      ASSERT_EQ(server_.Post("/api/v1/cases/" + ref_ + "/application-fee", R"({"outcome":"paid"})",
                             cw_).status,
                200);
    }
    const HttpResult d =
        server_.Post("/api/v1/cases/" + ref_ + "/decisions", WeeklyIncomeDecision(), cw_);
    ASSERT_EQ(d.status, 201) << d.body;
    const HttpResult form = server_.Get("/console/sign-in");
    csrf_pair_ = CookiePair(form, "cms_csrf");
    csrf_ = csrf_pair_.substr(csrf_pair_.find('=') + 1);
  }
  // `childmaint admin account`: the generated password ("" when refused).
  std::string Account(const std::string& role, const std::string& name, bool must_succeed = true) {
    return Trimmed(Shell(Childmaint("admin account --role " + role + " --name " + name + " --db '" +
                                    server_.db_url() + "' 2>/dev/null"),
                         must_succeed));
  }
  HttpResult PostSignIn(const std::string& name, const std::string& password) {
    return server_.Post("/console/sign-in", "csrf=" + csrf_ + "&name=" + name + "&password=" + password,
                        {{"Cookie", csrf_pair_}});
  }
  // A signed-in account's Cookie header (console session and CSRF cookie).
  Headers SignedIn(const std::string& role, const std::string& name) {
    const std::string password = Account(role, name);
    const HttpResult r = PostSignIn(name, password);
    EXPECT_EQ(r.status, 303) << r.body;
    return {{"Cookie", CookiePair(r, "cms_console") + "; " + csrf_pair_}};
  }
  HttpResult Form(const Headers& who, const std::string& path, const std::string& fields,
                  bool with_csrf = true) {
    return server_.Post(path, (with_csrf ? "csrf=" + csrf_ + "&" : std::string()) + fields, who);
  }
  std::size_t Postings() {
    const HttpResult s = server_.Get("/api/v1/cases/" + ref_ + "/statement", cw_);
    return s.json().Find("postings")->items().size();
  }
  // The case's audit entries with this action: their actors.
  std::vector<std::string> Actors(const std::string& action) {
    const HttpResult a = server_.Get("/api/v1/cases/" + ref_ + "/audit", cw_);
    const Json j = a.json();
    std::vector<std::string> out;
    for (const Json& item : j.Find("items")->items()) {
      if (item.Find("action")->AsString() == action) {
        out.push_back(item.Find("actor")->AsString());
      }
    }
    return out;
  }

  TestServer server_;
  Headers cw_;
  std::string ref_;
  std::string csrf_pair_;
  std::string csrf_;
};

TEST_F(ConsoleE2E, SignInPageAndEveryPageNeedsSignIn) {
  const HttpResult r = server_.Get("/console/sign-in");
  EXPECT_EQ(r.status, 200);
  for (const char* text : {"<label class=\"govuk-label\" for=\"name\">Name</label>",
                           "<label class=\"govuk-label\" for=\"password\">Password</label>",
                           "Sign in</button>", "name=\"csrf\""}) {
    EXPECT_TRUE(Has(r.body, text)) << text;
  }
  EXPECT_EQ(Count(r.body, "<h1"), 1u);
  EXPECT_TRUE(Has(r.Header("content-security-policy"), "default-src 'self'"));
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  for (const std::string& path : {std::string("/console"), std::string("/console/queues"), "/console/cases/" + ref_}) {
    const HttpResult page = server_.Get(path);
    EXPECT_EQ(page.status, 303) << path;
    EXPECT_EQ(page.Header("location"), "/console/sign-in") << path;
  }
  // A form posted without signing in changes nothing.
  EXPECT_EQ(server_.Post("/console/cases/" + ref_ + "/payment",
                         "csrf=" + csrf_ + "&received_on=2025-05-02&amount=50&method=bank_transfer",
                         {{"Cookie", csrf_pair_}}).status,
            303);
  // A parent's session is not a console session.
  const HttpResult parent = server_.Post("/api/v1/session", SignInBody(ref_, kSamNi, kSamPin));
  ASSERT_EQ(parent.status, 200);
  EXPECT_EQ(server_.Get("/console", {{"Cookie", CookiePair(parent, "cms_session")}}).status, 303);
  EXPECT_EQ(Postings(), 0u);
}

TEST_F(ConsoleE2E, SignInRightWrongAndLockout) {
  const std::string password = Account("caseworker", "casey");
  ASSERT_GE(password.size(), 20u);
  EXPECT_EQ(Account("auditor", "casey", /*must_succeed=*/false), "");  // names are unique
  // Without the CSRF token the form is refused.
  EXPECT_EQ(server_.Post("/console/sign-in", "name=casey&password=" + password).status, 400);
  const HttpResult wrong = PostSignIn("casey", "wrong");
  EXPECT_EQ(wrong.status, 401);
  const HttpResult unknown = PostSignIn("nobody", password);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_TRUE(Has(wrong.body, "We could not sign you in with those details."));
  EXPECT_TRUE(Has(unknown.body, "We could not sign you in with those details."));
  EXPECT_TRUE(Has(wrong.body, "href=\"#name\""));
  EXPECT_FALSE(Has(wrong.body, "wrong"));  // the password is never echoed
  const HttpResult right = PostSignIn("casey", password);
  ASSERT_EQ(right.status, 303);
  EXPECT_EQ(right.Header("location"), "/console");
  const std::string cookie = SetCookie(right, "cms_console");
  for (const char* attr : {"HttpOnly", "SameSite=Strict", "Path=/console"}) {
    EXPECT_TRUE(Has(cookie, attr)) << cookie;
  }
  EXPECT_FALSE(Has(cookie, "Secure"));
  const HttpResult tls = server_.Post(
      "/console/sign-in", "csrf=" + csrf_ + "&name=casey&password=" + password,
      {{"Cookie", csrf_pair_}, {"X-Forwarded-Proto", "https"}});
  EXPECT_TRUE(Has(SetCookie(tls, "cms_console"), "; Secure"));
  EXPECT_NE(CookiePair(tls, "cms_console"), CookiePair(right, "cms_console"));  // rotated
  const Headers session = {{"Cookie", CookiePair(right, "cms_console") + "; " + csrf_pair_}};
  const HttpResult home = server_.Get("/console", session);
  EXPECT_EQ(home.status, 200);
  EXPECT_TRUE(Has(home.body, "Signed in as casey"));
  // Sign-out ends the session.
  EXPECT_EQ(Form(session, "/console/sign-out", "").status, 303);
  EXPECT_EQ(server_.Get("/console", session).status, 303);
  // Five failures in a row lock the name, even for the right password.
  // (The right sign-in above reset the count.)
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(PostSignIn("casey", "wrong").status, 401);
  }
  const HttpResult locked = PostSignIn("casey", password);
  EXPECT_EQ(locked.status, 429);
  EXPECT_FALSE(locked.Header("retry-after").empty());
  const HttpResult audit = server_.Get("/api/v1/audit?limit=500", cw_);
  std::size_t failed = 0;
  std::size_t lock = 0;
  std::size_t signed_in = 0;
  const Json items = audit.json();
  for (const Json& item : items.Find("items")->items()) {
    const std::string action = item.Find("action")->AsString();
    failed += action == "console_sign_in_failed" ? 1 : 0;
    lock += action == "console_sign_in_locked" ? 1 : 0;
    if (action == "console_signed_in") {
      EXPECT_EQ(item.Find("actor")->AsString(), "caseworker:account:casey");
      ++signed_in;
    }
  }
  EXPECT_EQ(failed, 7u);
  EXPECT_EQ(lock, 1u);
  EXPECT_EQ(signed_in, 2u);
}

TEST_F(ConsoleE2E, SearchFindsTheCase) {
  const Headers who = SignedIn("auditor", "audrey");
  const std::string link = "href=\"/console/cases/" + ref_ + "\"";
  for (const std::string q : {ref_, std::string("taylor"), std::string("AB+12+34+56+C"),
                              std::string("ls11aa"), std::string("Alex+Morgan")}) {
    const HttpResult r = server_.Get("/console?q=" + q, who);
    EXPECT_EQ(r.status, 200) << q;
    EXPECT_TRUE(Has(r.body, link)) << q;
  }
  const HttpResult none = server_.Get("/console?q=zzzzzz", who);
  EXPECT_TRUE(Has(none.body, "No cases match."));
  EXPECT_FALSE(Has(none.body, link));
  const HttpResult short_q = server_.Get("/console?q=a", who);
  EXPECT_EQ(short_q.status, 422);
  EXPECT_TRUE(Has(short_q.body, "govuk-error-summary"));
  const HttpResult page = server_.Get("/console", who);
  EXPECT_TRUE(Has(page.body, "for=\"q\">Case reference, name, NI number or postcode</label>"));
  EXPECT_EQ(server_.Get("/console/cases/121000000099", who).status, 404);
  EXPECT_EQ(server_.Get("/console/cases/not-a-case", who).status, 404);
}

TEST_F(ConsoleE2E, CasePageShowsPartiesDecisionStepsAndPostings) {
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref_ + "/payments",
                         R"({"received_on":"2025-05-03","amount_pence":4321,"method":"debit_card"})", cw_)
                .status,
            201);
  const Headers who = SignedIn("auditor", "audrey");
  const HttpResult r = server_.Get("/console/cases/" + ref_, who);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Count(r.body, "<h1"), 1u);
  for (const char* text : {"Sam Taylor", "Alex Morgan", "AB123456C", "JK123456C", "1 High Street",
                           "9 Low Road", "Domestic abuse protection", "Jo Taylor",
                           "\xC2\xA3" "43.21", "debit_card", "Instalments", "Audit trail"}) {
    EXPECT_TRUE(Has(r.body, text)) << text;
  }
  // Every step of the calculation with the law it applied.
  const HttpResult c = server_.Get("/api/v1/cases/" + ref_, cw_);
  const Json kase = c.json();
  const Json* steps = kase.Find("current_decision")->Find("calculation")->Find("steps");
  ASSERT_NE(steps, nullptr);
  std::size_t checked = 0;
  for (const Json& step : steps->items()) {
    const std::string citation = step.Find("citation")->AsString();
    if (citation.find_first_of("&<>\"'") == std::string::npos) {
      EXPECT_TRUE(Has(r.body, "<td class=\"govuk-table__cell\">" + citation + "</td>")) << citation;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
  EXPECT_TRUE(Has(r.body, "<strong class=\"govuk-tag\">Current</strong>"));
}

TEST_F(ConsoleE2E, CaseworkerRecordsAPaymentAndADecisionThroughTheForms) {
  const Headers who = SignedIn("caseworker", "casey");
  const std::string base = "/console/cases/" + ref_;
  const HttpResult page = server_.Get(base, who);
  for (const char* text : {"Record a payment", "for=\"payment-amount\">Amount in pounds</label>",
                           "Make a decision", "Reply to a message", "Take an enforcement step"}) {
    EXPECT_TRUE(Has(page.body, text)) << text;
  }
  EXPECT_FALSE(Has(page.body, "Reverse a posting"));  // nothing to reverse yet
  const HttpResult paid =
      Form(who, base + "/payment", "received_on=2025-05-02&amount=50.00&method=bank_transfer");
  ASSERT_EQ(paid.status, 303) << paid.body;
  EXPECT_EQ(paid.Header("location"), base + "?done=payment");
  const HttpResult after = server_.Get(base + "?done=payment", who);
  EXPECT_TRUE(Has(after.body, "Record a payment: done."));
  EXPECT_TRUE(Has(after.body, "\xC2\xA3" "50.00"));
  EXPECT_TRUE(Has(after.body, "caseworker:account:casey"));  // the audit trail on the page
  EXPECT_TRUE(Has(after.body, "Reverse a posting"));
  EXPECT_EQ(Actors("payment_recorded"), std::vector<std::string>{"caseworker:account:casey"});
  // The API's validation, shown on the form with a link to the field.
  const HttpResult zero =
      Form(who, base + "/payment", "received_on=2025-05-02&amount=0&method=bank_transfer");
  EXPECT_EQ(zero.status, 422);
  EXPECT_TRUE(Has(zero.body, "href=\"#payment-amount\""));
  EXPECT_TRUE(Has(zero.body, "must be more than 0"));
  EXPECT_TRUE(Has(zero.body, "<p class=\"govuk-error-message\" id=\"payment-amount-error\">"));
  EXPECT_TRUE(Has(zero.body, "value=\"0\""));  // the form keeps what was typed
  EXPECT_EQ(Postings(), 1u);
  const HttpResult decided =
      Form(who, base + "/decision",
           "effective_date=2025-06-02&first_payment_date=2025-07-01&income=40000&benefits=&"
           "relevant_other_children=0&nights_c1=0");
  ASSERT_EQ(decided.status, 303) << decided.body;
  const HttpResult list = server_.Get("/api/v1/cases/" + ref_ + "/decisions", cw_);
  EXPECT_EQ(list.json().Find("decisions")->items().size(), 2u);
  const HttpResult shown = server_.Get(base, who);
  EXPECT_TRUE(Has(shown.body, "effective 2025-06-02 <strong class=\"govuk-tag\">Current</strong>"));
  const HttpResult audit = server_.Get("/api/v1/cases/" + ref_ + "/audit", cw_);
  EXPECT_TRUE(Has(audit.body, "\"actor\":\"caseworker:account:casey\""));
  EXPECT_GE(Count(audit.body, "caseworker:account:casey"), 2u);
}

TEST_F(ConsoleE2E, TheOtherFormsReachTheirEndpoints) {
  const Headers who = SignedIn("caseworker", "casey");
  const std::string base = "/console/cases/" + ref_;
  const std::string api = "/api/v1/cases/" + ref_;
  const HttpResult paid = server_.Post(
      api + "/payments", R"({"received_on":"2025-05-03","amount_pence":1000,"method":"debit_card"})", cw_);
  ASSERT_EQ(paid.status, 201);
  const std::string posting = std::to_string(paid.json().Find("id")->AsInt());
  EXPECT_EQ(Form(who, base + "/reversal", "posting_id=" + posting + "&reason=keyed+twice").status, 303);
  EXPECT_EQ(Postings(), 2u);
  EXPECT_EQ(Actors("posting_reversed"), std::vector<std::string>{"caseworker:account:casey"});
  const HttpResult complaint = server_.Post(
      api + "/complaints", R"({"summary":"Late letter","received_on":"2025-05-02"})", cw_);
  ASSERT_EQ(complaint.status, 201);
  const std::string id = std::to_string(complaint.json().Find("id")->AsInt());
  ASSERT_EQ(server_.Post(api + "/complaints/" + id + "/acknowledge", R"({"on":"2025-05-06"})", cw_).status,
            200);
  EXPECT_TRUE(Has(server_.Get(base, who).body, "Respond to a complaint"));
  const HttpResult answered = Form(who, base + "/complaint-response",
                                   "complaint_id=" + id + "&on=2025-05-20&response=Sorry+about+that");
  EXPECT_EQ(answered.status, 303) << answered.body;
  EXPECT_TRUE(Has(server_.Get(api + "/complaints", cw_).body, "\"status\":\"answered\""));
  EXPECT_EQ(Form(who, base + "/message", "party_id=2&body=We+have+your+letter").status, 303);
  EXPECT_TRUE(Has(server_.Get(api + "/messages", cw_).body, "We have your letter"));
  const HttpResult step = Form(who, base + "/enforcement",
                               "kind=deduction_from_earnings_order&taken_on=2026-01-05&waiver=");
  EXPECT_EQ(step.status, 303) << step.body;
  EXPECT_EQ(Actors("enforcement_action_taken"), std::vector<std::string>{"caseworker:account:casey"});
  EXPECT_EQ(Count(server_.Get(api + "/enforcement-actions", cw_).body,
                  "\"deduction_from_earnings_order\""),
            1u);
  // A caseworker cannot take a step that needs a team leader, even by a forged form.
  EXPECT_EQ(Form(who, base + "/enforcement", "kind=liability_order&taken_on=2026-01-06").status, 403);
}

TEST_F(ConsoleE2E, AnAuditorSeesNoFormsAndCannotChangeAnything) {
  const Headers who = SignedIn("auditor", "audrey");
  const std::string base = "/console/cases/" + ref_;
  const HttpResult page = server_.Get(base, who);
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Has(page.body, "Record a payment"));
  EXPECT_FALSE(Has(page.body, "action=\"" + base + "/"));
  const HttpResult forged =
      Form(who, base + "/payment", "received_on=2025-05-02&amount=50.00&method=bank_transfer");
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(Has(forged.body, "cannot change anything"));
  EXPECT_EQ(Postings(), 0u);
  EXPECT_TRUE(Actors("payment_recorded").empty());
  const HttpResult queues = server_.Get("/console/queues", who);
  EXPECT_EQ(queues.status, 200);
  EXPECT_FALSE(Has(queues.body, "/resolve\""));
}

TEST_F(ConsoleE2E, OnlyATeamLeaderCanWriteOff) {
  const std::string base = "/console/cases/" + ref_;
  const std::string fields = "amount=10.00&effective_on=2025-06-01&reason=uncollectable";
  const Headers caseworker = SignedIn("caseworker", "casey");
  EXPECT_FALSE(Has(server_.Get(base, caseworker).body, "Write off arrears"));
  EXPECT_EQ(Form(caseworker, base + "/write-off", fields).status, 403);
  EXPECT_EQ(Postings(), 0u);
  const Headers leader = SignedIn("team_leader", "tess");
  const HttpResult page = server_.Get(base, leader);
  EXPECT_TRUE(Has(page.body, "Write off arrears"));
  EXPECT_TRUE(Has(page.body, "value=\"liability_order\""));
  EXPECT_FALSE(Has(server_.Get(base, caseworker).body, "value=\"liability_order\""));
  const HttpResult done = Form(leader, base + "/write-off", fields);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(Postings(), 1u);
  EXPECT_EQ(Actors("arrears_written_off"), std::vector<std::string>{"team_leader:account:tess"});
}

TEST_F(ConsoleE2E, FormsWithoutTheCsrfTokenAreRefused) {
  const Headers who = SignedIn("caseworker", "casey");
  const HttpResult r = Form(who, "/console/cases/" + ref_ + "/payment",
                            "received_on=2025-05-02&amount=50.00&method=bank_transfer", false);
  EXPECT_EQ(r.status, 400);
  const HttpResult wrong = server_.Post(
      "/console/cases/" + ref_ + "/payment",
      "csrf=not-the-token&received_on=2025-05-02&amount=50.00&method=bank_transfer", who);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(Postings(), 0u);
}

TEST_F(ConsoleE2E, QueuesListOverdueComplaintsAndOpenWorkItems) {
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref_ + "/complaints",
                         R"({"summary":"Nobody answered","received_on":"2025-05-02"})", cw_)
                .status,
            201);
  Application clerical = ConsoleApplication();
  clerical.ghacm_reference = "GHACM-CLERIC1";
  clerical.applicant.ni_number.reset();
  const HttpResult app = server_.Post("/api/v1/applications", clerical.Json(), cw_);
  ASSERT_EQ(app.status, 201) << app.body;
  ASSERT_EQ(app.json().Find("status")->AsString(), "clerical_incident");
  const Headers who = SignedIn("caseworker", "casey");
  const HttpResult q = server_.Get("/console/queues", who);
  ASSERT_EQ(q.status, 200);
  EXPECT_EQ(Count(q.body, "<h1"), 1u);
  EXPECT_TRUE(Has(q.body, "href=\"/console/cases/" + ref_ + "\""));
  EXPECT_TRUE(Has(q.body, "Clerical incident"));
  const HttpResult items = server_.Get("/api/v1/work-items?status=open", cw_);
  const Json list = items.json();
  ASSERT_EQ(list.Find("work_items")->items().size(), 1u);
  const std::string id = std::to_string(list.Find("work_items")->items()[0].Find("id")->AsInt());
  EXPECT_TRUE(Has(q.body, "action=\"/console/work-items/" + id + "/resolve\""));
  EXPECT_TRUE(Has(q.body, "for=\"resolve-" + id + "-note\""));
  const HttpResult resolved = Form(who, "/console/work-items/" + id + "/resolve",
                                   "note=NI+number+found+by+phone");
  ASSERT_EQ(resolved.status, 303) << resolved.body;
  const HttpResult open = server_.Get("/api/v1/work-items?status=open", cw_);
  EXPECT_EQ(open.json().Find("work_items")->items().size(), 0u);
  const HttpResult again = Form(who, "/console/work-items/" + id + "/resolve", "note=again");
  EXPECT_EQ(again.status, 409);
  EXPECT_FALSE(Has(server_.Get("/console/queues", who).body, "Clerical incident"));
}

}  // namespace
}  // namespace childmaint::testing
