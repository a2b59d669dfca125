// The parents' portal over HTTP (server-rendered, no JavaScript needed): sign-in with CSRF,
// the weekly amount, "How we worked this out", the payment plan, sign-out, security headers.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

// Sam, protected by domestic-abuse marking, applies about Alex.
Application PortalApplication() {
  Application app;
  app.ghacm_reference = "GHACM-PORTAL";
  app.applicant.domestic_abuse = true;
  return app;
}

class PortalE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    const Headers cw = {{"Authorization", server_.Bearer("caseworker")}};
    ref_ = CreateCase(server_, cw, PortalApplication());
    ASSERT_FALSE(ref_.empty());
    ASSERT_EQ(server_.Post("/api/v1/cases/" + ref_ + "/decisions", WeeklyIncomeDecision(), cw).status,
              201);
  }
  // Signs in through the form; returns the Cookie header for the session (and the CSRF cookie).
  std::string SignIn(const std::string& ni, const std::string& pin, int* status = nullptr) {
    const HttpResult form = server_.Get("/sign-in");
    const std::string csrf_pair = CookiePair(form, "cms_csrf");
    const std::string csrf = csrf_pair.substr(csrf_pair.find('=') + 1);
    const HttpResult r = server_.Post(
        "/sign-in", "csrf=" + csrf + "&case_reference=" + ref_.substr(0, 3) + "+" + ref_.substr(3) +
                        "&ni_number=" + ni + "&pin=" + pin,
        {{"Cookie", csrf_pair}});
    if (status != nullptr) {
      *status = r.status;
    }
    const std::string session = CookiePair(r, "cms_session");
    return session.empty() ? "" : session + "; " + csrf_pair;
  }
  TestServer server_;
  std::string ref_;
};

TEST_F(PortalE2E, SignInPageHasTheFormAndSecurityHeaders) {
  const HttpResult r = server_.Get("/sign-in");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.Header("content-type").find("text/html"), std::string::npos);
  for (const char* text : {"Case reference number</label>", "National Insurance number</label>",
                           "PIN</label>", "Sign in</button>", "name=\"csrf\""}) {
    EXPECT_NE(r.body.find(text), std::string::npos) << text;
  }
  EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  EXPECT_NE(CookiePair(r, "cms_csrf"), "");
  // Without the CSRF token the form is refused.
  EXPECT_EQ(server_.Post("/sign-in", "case_reference=1&ni_number=2&pin=3").status, 400);
}

TEST_F(PortalE2E, ParentSeesTheWeeklyAmountAndHowItWasWorkedOut) {
  int status = 0;
  const std::string cookie = SignIn("ab+12+34+56+c", "4827163", &status);
  ASSERT_EQ(status, 303);
  ASSERT_FALSE(cookie.empty());
  const HttpResult overview = server_.Get("/overview", {{"Cookie", cookie}});
  ASSERT_EQ(overview.status, 200);
  EXPECT_NE(overview.body.find("\xC2\xA3" "72.00"), std::string::npos);  // 12 % of £600
  const HttpResult calc = server_.Get("/calculation", {{"Cookie", cookie}});
  EXPECT_NE(calc.body.find("Basic rate for 1 qualifying child: 12% of \xC2\xA3" "600.00"),
            std::string::npos);
  EXPECT_NE(calc.body.find("Child Support Act 1991 Sch 1 para 2(1)"), std::string::npos);
  const HttpResult pay = server_.Get("/payments", {{"Cookie", cookie}});
  EXPECT_EQ(pay.status, 200);
  EXPECT_NE(pay.body.find("The next payments (every month)"), std::string::npos);
  EXPECT_NE(pay.body.find("Nothing has been paid yet."), std::string::npos);
  // The plan runs from today: the first instalment (1 May 2025) is long past.
  EXPECT_EQ(pay.body.find("1 May 2025"), std::string::npos);
  // Signing out ends the session.
  const std::string csrf = cookie.substr(cookie.find("cms_csrf=") + 9);
  const HttpResult out = server_.Post("/sign-out", "csrf=" + csrf, {{"Cookie", cookie}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(server_.Get("/overview", {{"Cookie", cookie}}).status, 303);
}

TEST_F(PortalE2E, WrongDetailsGetOneMessageAndPagesNeedASession) {
  int status = 0;
  EXPECT_EQ(SignIn("AB123456C", "0000000", &status), "");
  EXPECT_EQ(status, 401);
  const HttpResult form = server_.Get("/overview");
  EXPECT_EQ(form.status, 303);
  EXPECT_EQ(form.Header("location"), "/sign-in");
}

TEST_F(PortalE2E, TheOtherParentNeverSeesProtectedDetails) {
  const std::string cookie = SignIn("JK123456C", "7654321");
  ASSERT_FALSE(cookie.empty());
  for (const char* page : {"/overview", "/calculation", "/payments", "/nowhere"}) {
    const HttpResult r = server_.Get(page, {{"Cookie", cookie}});
    for (const char* secret : {"1 High Street", "LS1 1AA", "AB123456C", "1990-05-17"}) {
      EXPECT_EQ(r.body.find(secret), std::string::npos) << page << " " << secret;
    }
  }
}

}  // namespace
}  // namespace childmaint::testing

namespace childmaint::testing {
namespace {

// The portal's forms post to the API as the signed-in parent.
TEST_F(PortalE2E, ParentsUseTheFormsForChangesMissedPaymentsReconsiderationAndComplaints) {
  const std::string cookie = SignIn("AB123456C", "4827163");
  ASSERT_FALSE(cookie.empty());
  const std::string csrf = cookie.substr(cookie.find("cms_csrf=") + 9);
  const Headers who = {{"Cookie", cookie}};
  const HttpResult form = server_.Get("/report-missed-payment", who);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("How much was missed?"), std::string::npos);
  // The form carries the page's CSRF token, as a browser would send it back.
  EXPECT_NE(form.body.find("name=\"csrf\" value=\"" + csrf + "\""), std::string::npos);
  const HttpResult bad = server_.Post("/report-missed-payment",
                                      "csrf=" + csrf + "&due_on=2025-06-01&amount=lots", who);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("There is a problem"), std::string::npos);
  const HttpResult missed = server_.Post(
      "/report-missed-payment", "csrf=" + csrf + "&due_on=2025-06-01&amount=72.00&note=none", who);
  EXPECT_EQ(missed.status, 200) << missed.body;
  EXPECT_NE(missed.body.find("Thank you"), std::string::npos);
  const HttpResult complaint = server_.Post(
      "/complaints", "csrf=" + csrf + "&summary=My+letters+never+arrive", who);
  EXPECT_EQ(complaint.status, 200) << complaint.body;
  EXPECT_NE(server_.Get("/complaints", who).body.find("Your complaints</caption>"), std::string::npos);
  EXPECT_EQ(server_.Post("/reconsideration", "csrf=" + csrf + "&reasons=The+income+is+wrong", who)
                .status,
            200);
  EXPECT_EQ(server_.Post("/report-change",
                         "csrf=" + csrf + "&kind=income&change_date=2025-06-10&details=New+job", who)
                .status,
            200);
  // Without the token nothing is sent.
  EXPECT_EQ(server_.Post("/complaints", "summary=x", who).status, 400);
  // The forms need a session.
  EXPECT_EQ(server_.Get("/complaints").status, 303);
  // The API recorded them for this case.
  const Headers cw = {{"Authorization", server_.Bearer("caseworker")}};
  const Json missed_list =
      server_.Get("/api/v1/cases/" + ref_ + "/missed-payments", cw).json();
  EXPECT_EQ(missed_list.Find("missed_payments")->size(), 1u);
  EXPECT_EQ(missed_list.Find("missed_payments")->items()[0].Find("amount_pence")->AsInt(), 7200);
}

}  // namespace
}  // namespace childmaint::testing

namespace childmaint::testing {
namespace {

TEST_F(PortalE2E, ParentChangesTheirPin) {
  const std::string cookie = SignIn("AB123456C", "4827163");
  ASSERT_FALSE(cookie.empty());
  const std::string csrf = cookie.substr(cookie.find("cms_csrf=") + 9);
  const Headers who = {{"Cookie", cookie}};
  const HttpResult wrong = server_.Post(
      "/change-pin", "csrf=" + csrf + "&current_pin=1111111&new_pin=2468135", who);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("current_pin"), std::string::npos);
  EXPECT_EQ(wrong.body.find("1111111"), std::string::npos);  // never echoed back
  const HttpResult done = server_.Post(
      "/change-pin", "csrf=" + csrf + "&current_pin=4827163&new_pin=2468135", who);
  EXPECT_EQ(done.status, 200) << done.body;
  int status = 0;
  EXPECT_EQ(SignIn("AB123456C", "4827163", &status), "");
  EXPECT_EQ(status, 401);
  EXPECT_NE(SignIn("AB123456C", "2468135", &status), "");
  EXPECT_EQ(status, 303);
  // The API refuses it without a parent's session.
  EXPECT_EQ(server_.Post("/api/v1/session/pin", R"({"current_pin":"1","new_pin":"2"})").status, 401);
}

TEST_F(PortalE2E, ServesGovukFrontendAssetsAndNothingElse) {
  const HttpResult css = server_.Get("/assets/govuk-frontend.min.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.body.find(".govuk-button"), std::string::npos);
  EXPECT_NE(css.Header("cache-control").find("max-age"), std::string::npos);
  // Every font the stylesheet names is served.
  for (std::size_t at = css.body.find("url(/assets/"); at != std::string::npos;
       at = css.body.find("url(/assets/", at + 1)) {
    const std::string url = css.body.substr(at + 4, css.body.find(')', at) - at - 4);
    EXPECT_EQ(server_.Get(url).status, 200) << url;
  }
  EXPECT_EQ(server_.Get("/assets/../../etc/passwd").status, 404);
  EXPECT_EQ(server_.Get("/assets/%2e%2e/%2e%2e/etc/passwd").status, 404);
  EXPECT_EQ(server_.Get("/assets/").status, 404);
  EXPECT_EQ(server_.Post("/assets/govuk-frontend.min.css", "x").status, 405);
  // The sign-in page links the stylesheet and its form carries a real CSRF token.
  const HttpResult page = server_.Get("/sign-in");
  EXPECT_NE(page.body.find("href=\"/assets/govuk-frontend.min.css\""), std::string::npos);
  EXPECT_EQ(page.body.find("name=\"csrf\" value=\"\""), std::string::npos);
}

// Collect and Pay: a payment the service received shows in both parents' payment history.
TEST_F(PortalE2E, PaymentHistoryShowsPaymentsReceived) {
  const Headers cw = {{"Authorization", server_.Bearer("caseworker")}};
  Application app;
  app.ghacm_reference = "GHACM-HISTORY";
  app.collection = "collect_and_pay";
  const std::string ref = CreateCase(server_, cw, app);
  ASSERT_FALSE(ref.empty());
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", WeeklyIncomeDecision(), cw).status,
            201);
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/payments",
                         R"({"received_on":"2025-05-02","amount_pence":40000,"method":"debit_card"})",
                         cw)
                .status,
            201);
  for (const auto& [ni, pin] : {std::pair{kSamNi, kSamPin}, std::pair{kAlexNi, kAlexPin}}) {
    const HttpResult pay = server_.Get("/payments", ParentSession(server_, ref, ni, pin));
    EXPECT_EQ(pay.status, 200);
    EXPECT_NE(pay.body.find("2 May 2025"), std::string::npos) << ni;
    EXPECT_NE(pay.body.find("Payment received (debit card)"), std::string::npos) << ni;
    EXPECT_NE(pay.body.find("£400.00"), std::string::npos) << ni;
    // The plan runs from today: the first instalment (1 May 2025) is long past.
    EXPECT_EQ(pay.body.find("1 May 2025"), std::string::npos) << ni;
  }
}

}  // namespace
}  // namespace childmaint::testing
