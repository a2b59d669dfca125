// One-time PIN codes over HTTP: a set-up code for a party applied for without a PIN (read from the
// outbox with `childmaint admin outbox`), PIN reset by code, single use, the shared lockout, no
// enumeration, no code in the audit trail, and the portal's /forgotten-pin and /set-pin pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

// Sam applies without a PIN (email on file); Alex has no PIN and only a phone.
Application PinApplication() {
  Application app;
  app.ghacm_reference = "GHACM-PIN";
  app.applicant.email = "sam@example.org";
  app.applicant.pin.reset();
  app.other_parent.phone = "07700 900456";
  app.other_parent.pin.reset();
  return app;
}

struct Note {
  std::string channel;
  std::string to;
  std::string template_name;
  std::string text;
  std::string code;  // the XXXX-XXXX-XXXX in the text
};

std::vector<Note> Outbox(const TestServer& server, const std::string& ref) {
  std::vector<Note> notes;
  const std::string out =
      Shell(Childmaint("admin outbox --db '" + server.db_url() + "' --case " + ref));
  const std::regex code_re("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t nl = out.find('\n', start);
    const std::string line = out.substr(start, nl - start);
    start = nl == std::string::npos ? out.size() : nl + 1;
    auto j = Json::Parse(line);
    if (!j) {
      continue;
    }
    Note n{j->Find("channel")->AsString(), j->Find("to")->AsString(),
           j->Find("template")->AsString(), j->Find("text")->AsString(), ""};
    std::smatch m;
    if (std::regex_search(n.text, m, code_re)) {
      n.code = m.str();
    }
    notes.push_back(std::move(n));
  }
  return notes;
}

std::string Confirm(const std::string& ref, const std::string& ni, const std::string& code,
                    const std::string& pin) {
  return R"({"case_reference":")" + ref + R"(","ni_number":")" + ni + R"(","code":")" + code +
         R"(","new_pin":")" + pin + R"("})";
}

// The value of the form's hidden csrf input.
std::string HiddenCsrf(const std::string& html) {
  const std::string marker = R"(name="csrf" value=")";
  const auto at = html.find(marker);
  if (at == std::string::npos) {
    return {};
  }
  const auto from = at + marker.size();
  return html.substr(from, html.find('"', from) - from);
}

class PinCodesE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    const HttpResult app = server_.Post("/api/v1/applications", PinApplication().Json(), cw_);
    ASSERT_EQ(app.status, 201) << app.body;
    ref_ = app.json().Find("case_reference")->AsString();
  }
  // The latest code of this template sent to this address.
  std::string LatestCode(const std::string& to, const std::string& template_name) {
    std::string code;
    for (const Note& n : Outbox(server_, ref_)) {
      if (n.to == to && n.template_name == template_name) {
        code = n.code;
      }
    }
    return code;
  }
  TestServer server_;
  Headers cw_;
  std::string ref_;
};

TEST_F(PinCodesE2E, SetUpCodeLetsTheParentChooseAPinOnce) {
  const std::vector<Note> notes = Outbox(server_, ref_);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].channel, "email");
  EXPECT_EQ(notes[0].to, "sam@example.org");
  EXPECT_EQ(notes[0].template_name, "pin_set_up_code");
  EXPECT_EQ(notes[1].channel, "sms");
  EXPECT_EQ(notes[1].to, "07700 900456");
  ASSERT_FALSE(notes[0].code.empty());
  EXPECT_NE(notes[0].code, notes[1].code);
  // Nobody can sign in before choosing a PIN.
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "2468135")).status, 401);
  const HttpResult set = server_.Post("/api/v1/session/pin-reset/confirm",
                                      Confirm(ref_, "ab 12 34 56 c", notes[0].code, "2468135"));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json().Find("status")->AsString(), "pin_set");
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "2468135")).status, 200);
  // Used once only.
  const HttpResult again = server_.Post("/api/v1/session/pin-reset/confirm",
                                        Confirm(ref_, "AB123456C", notes[0].code, "1357913"));
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "1357913")).status, 401);
  // Another party's code is not Sam's.
  EXPECT_EQ(server_
                .Post("/api/v1/session/pin-reset/confirm",
                      Confirm(ref_, "AB123456C", notes[1].code, "1357913"))
                .status,
            401);
}

TEST_F(PinCodesE2E, ResetByCodeAnswersAlikeForAnyDetailsAndEndsSessions) {
  ASSERT_EQ(server_
                .Post("/api/v1/session/pin-reset/confirm",
                      Confirm(ref_, "AB123456C", LatestCode("sam@example.org", "pin_set_up_code"),
                              "2468135"))
                .status,
            200);
  const HttpResult session =
      server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "2468135"));
  ASSERT_EQ(session.status, 200);
  const Headers sam = {{"Cookie", CookiePair(session, "cms_session")}};
  ASSERT_EQ(server_.Get("/api/v1/cases/" + ref_, sam).status, 200);

  const std::size_t before = Outbox(server_, ref_).size();
  const HttpResult unknown_ni =
      server_.Post("/api/v1/session/pin-reset",
                   R"({"case_reference":")" + ref_ + R"(","ni_number":"CE654321D"})");
  const HttpResult bad_ref = server_.Post(
      "/api/v1/session/pin-reset", R"({"case_reference":"121000000000","ni_number":"AB123456C"})");
  const HttpResult match = server_.Post("/api/v1/session/pin-reset",
                                        R"({"case_reference":")" + ref_.substr(0, 3) + " " +
                                            ref_.substr(3) + R"(","ni_number":"ab123456c"})");
  EXPECT_EQ(match.status, 202);
  EXPECT_EQ(unknown_ni.status, 202);
  EXPECT_EQ(bad_ref.status, 202);
  EXPECT_EQ(unknown_ni.body, match.body);
  EXPECT_EQ(bad_ref.body, match.body);
  EXPECT_EQ(Outbox(server_, ref_).size(), before + 1);  // only the match sent anything
  const std::string code = LatestCode("sam@example.org", "pin_reset_code");
  ASSERT_FALSE(code.empty());

  const HttpResult reset = server_.Post("/api/v1/session/pin-reset/confirm",
                                        Confirm(ref_, "AB123456C", code, "9753124"));
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref_, sam).status, 401);  // sessions ended
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "2468135")).status, 401);
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "9753124")).status, 200);
  EXPECT_EQ(
      server_.Post("/api/v1/session/pin-reset/confirm", Confirm(ref_, "AB123456C", code, "1112223"))
          .status,
      401);  // used
}

TEST_F(PinCodesE2E, BadNewPinNamesTheFieldAndKeepsTheCode) {
  const std::string code = LatestCode("sam@example.org", "pin_set_up_code");
  const HttpResult bad =
      server_.Post("/api/v1/session/pin-reset/confirm", Confirm(ref_, "AB123456C", code, "12ab"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Header("content-type"), "application/problem+json");
  EXPECT_EQ(bad.json().Find("errors")->items().at(0).Find("field")->AsString(), "new_pin");
  EXPECT_EQ(
      server_.Post("/api/v1/session/pin-reset/confirm", Confirm(ref_, "AB123456C", code, "2468135"))
          .status,
      200);
}

TEST_F(PinCodesE2E, FiveWrongCodesLockThePairEvenForTheRightCode) {
  const std::string code = LatestCode("sam@example.org", "pin_set_up_code");
  for (int i = 0; i < 5; ++i) {
    const HttpResult r = server_.Post("/api/v1/session/pin-reset/confirm",
                                      Confirm(ref_, "AB123456C", "AAAA-BBBB-CCCC", "2468135"));
    EXPECT_EQ(r.status, 401) << i;
    EXPECT_EQ(r.json().Find("detail")->AsString(),
              "That code is not valid. Check it, or ask for a new code.");
  }
  const HttpResult locked = server_.Post("/api/v1/session/pin-reset/confirm",
                                         Confirm(ref_, "AB123456C", code, "2468135"));
  EXPECT_EQ(locked.status, 429);
  const int retry = std::stoi(locked.Header("retry-after"));
  EXPECT_GT(retry, 1700);
  EXPECT_LE(retry, 1800);
  // Sign-in shares the lock; the other parent's pair is untouched.
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "2468135")).status, 429);
  EXPECT_EQ(server_
                .Post("/api/v1/session/pin-reset/confirm",
                      Confirm(ref_, "JK123456C", LatestCode("07700 900456", "pin_set_up_code"),
                              "5556667"))
                .status,
            200);
}

TEST_F(PinCodesE2E, TheAuditTrailRecordsCodesButNeverHoldsThem) {
  const std::string code = LatestCode("sam@example.org", "pin_set_up_code");
  ASSERT_EQ(
      server_
          .Post("/api/v1/session/pin-reset/confirm", Confirm(ref_, "AB123456C", "WRONG", "2468135"))
          .status,
      401);
  ASSERT_EQ(
      server_.Post("/api/v1/session/pin-reset/confirm", Confirm(ref_, "AB123456C", code, "2468135"))
          .status,
      200);
  const HttpResult audit = server_.Get("/api/v1/audit?limit=500", cw_);
  ASSERT_EQ(audit.status, 200);
  for (const char* action : {"pin_code_issued", "pin_code_failed", "pin_set_with_code"}) {
    EXPECT_NE(audit.body.find(action), std::string::npos) << action;
  }
  std::string plain = code;
  plain.erase(std::remove(plain.begin(), plain.end(), '-'), plain.end());
  EXPECT_EQ(audit.body.find(code), std::string::npos);
  EXPECT_EQ(audit.body.find(plain), std::string::npos);
  EXPECT_EQ(audit.body.find(code.substr(5, 4)), std::string::npos);
  EXPECT_EQ(audit.body.find("2468135"), std::string::npos);
}

TEST(PinCodesTracedE2E, TheTracedAddressPathAlsoSendsSetUpCodes) {
  TestServer server;
  const Headers cw = {{"Authorization", server.Bearer("caseworker")}};
  Application untraced = PinApplication();
  untraced.other_parent.address.reset();
  const HttpResult app = server.Post("/api/v1/applications", untraced.Json(), cw);
  ASSERT_EQ(app.status, 201) << app.body;
  EXPECT_EQ(app.json().Find("status")->AsString(), "tracing");
  const std::string id = std::to_string(app.json().Find("application_id")->AsInt());
  const HttpResult traced =
      server.Post("/api/v1/applications/" + id + "/traced-address",
                  R"({"line1":"9 Low Road","town":"York","postcode":"YO1 7HH"})", cw);
  ASSERT_EQ(traced.status, 200) << traced.body;
  const std::string ref = traced.json().Find("case_reference")->AsString();
  const std::vector<Note> notes = Outbox(server, ref);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].template_name, "pin_set_up_code");
  EXPECT_EQ(server
                .Post("/api/v1/session/pin-reset/confirm",
                      Confirm(ref, "AB123456C", notes[0].code, "2468135"))
                .status,
            200);
}

TEST_F(PinCodesE2E, PortalPagesWithCsrf) {
  const HttpResult sign_in = server_.Get("/sign-in");
  EXPECT_NE(sign_in.body.find(R"(href="/forgotten-pin">Forgotten your PIN?</a>)"),
            std::string::npos);
  EXPECT_NE(sign_in.body.find(R"(href="/set-pin">Set up your PIN</a>)"), std::string::npos);

  const HttpResult forgotten = server_.Get("/forgotten-pin");
  ASSERT_EQ(forgotten.status, 200);
  for (const char* text :
       {R"(<label class="govuk-label" for="case_reference">Case reference number</label>)",
        R"(<label class="govuk-label" for="ni_number">National Insurance number</label>)",
        "Send code</button>", R"(name="csrf")"}) {
    EXPECT_NE(forgotten.body.find(text), std::string::npos) << text;
  }
  // The form carries the token of the one CSRF cookie the page sets, as a browser would send it.
  int csrf_cookies = 0;
  for (const auto& [k, v] : forgotten.headers) {
    csrf_cookies += k == "set-cookie" && v.rfind("cms_csrf=", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(csrf_cookies, 1);
  const std::string csrf_pair = CookiePair(forgotten, "cms_csrf");
  const std::string csrf = HiddenCsrf(forgotten.body);
  ASSERT_FALSE(csrf.empty());
  EXPECT_EQ(csrf_pair, "cms_csrf=" + csrf);
  const Headers with_cookie = {{"Cookie", csrf_pair}};
  const std::string spaced_ref = ref_.substr(0, 3) + "+" + ref_.substr(3);
  // Without the CSRF token nothing is sent.
  const std::size_t before = Outbox(server_, ref_).size();
  EXPECT_EQ(
      server_.Post("/forgotten-pin", "case_reference=" + ref_ + "&ni_number=AB123456C").status,
      400);
  const HttpResult sent = server_.Post(
      "/forgotten-pin",
      "csrf=" + csrf + "&case_reference=" + spaced_ref + "&ni_number=ab+12+34+56+c", with_cookie);
  ASSERT_EQ(sent.status, 200);
  EXPECT_NE(sent.body.find("If the details match our records we have sent a code"),
            std::string::npos);
  EXPECT_NE(sent.body.find(R"(href="/set-pin")"), std::string::npos);
  const HttpResult nobody = server_.Post(
      "/forgotten-pin", "csrf=" + csrf + "&case_reference=" + spaced_ref + "&ni_number=CE654321D",
      with_cookie);
  EXPECT_EQ(nobody.status, 200);
  EXPECT_NE(nobody.body.find("If the details match our records we have sent a code"),
            std::string::npos);
  EXPECT_EQ(Outbox(server_, ref_).size(), before + 1);
  const std::string code = LatestCode("sam@example.org", "pin_reset_code");
  ASSERT_FALSE(code.empty());

  const HttpResult set_form = server_.Get("/set-pin", with_cookie);
  EXPECT_EQ(HiddenCsrf(set_form.body), csrf);  // the cookie's token, no new cookie
  EXPECT_EQ(CookiePair(set_form, "cms_csrf"), "");
  for (const char* text :
       {R"(for="case_reference">Case reference number</label>)",
        R"(for="ni_number">National Insurance number</label>)", R"(for="code">Code</label>)",
        R"(for="new_pin">New PIN</label>)", "Set PIN</button>"}) {
    EXPECT_NE(set_form.body.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(server_
                .Post("/set-pin", "case_reference=" + ref_ + "&ni_number=AB123456C&code=" + code +
                                      "&new_pin=2468135")
                .status,
            400);
  const HttpResult wrong =
      server_.Post("/set-pin",
                   "csrf=" + csrf + "&case_reference=" + spaced_ref +
                       "&ni_number=AB123456C&code=ZZZZ-ZZZZ-ZZZZ&new_pin=2468135",
                   with_cookie);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find(R"(<a href="#code">)"), std::string::npos);
  EXPECT_NE(wrong.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_EQ(wrong.body.find("ZZZZ-ZZZZ-ZZZZ"), std::string::npos);  // never echoed
  EXPECT_EQ(wrong.body.find("2468135"), std::string::npos);
  const HttpResult empty = server_.Post(
      "/set-pin",
      "csrf=" + csrf + "&case_reference=" + spaced_ref + "&ni_number=AB123456C&code=&new_pin=",
      with_cookie);
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find(R"(<a href="#new_pin">Enter a new PIN of 7 digits</a>)"),
            std::string::npos);
  const HttpResult done = server_.Post("/set-pin",
                                       "csrf=" + csrf + "&case_reference=" + spaced_ref +
                                           "&ni_number=AB123456C&code=" + code + "&new_pin=2468135",
                                       with_cookie);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.body.find("Your PIN has been set"), std::string::npos);
  EXPECT_NE(done.body.find(R"(href="/sign-in")"), std::string::npos);
  EXPECT_EQ(server_.Post("/api/v1/session", SignInBody(ref_, "AB123456C", "2468135")).status, 200);
}

}  // namespace
}  // namespace childmaint::testing
