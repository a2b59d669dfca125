// File: fixtures.h — what the e2e tests share: the application they start from, decision bodies,
// a parent's API session, cookies and `childmaint` command lines (Shell is in server_fixture.h).
//
//   Application app;                                  // Sam applies about Alex, for Jo
//   app.ghacm_reference = "GHACM-MR";
//   app.WithContactDetails();                         // Sam's phone and email, no domestic abuse
//   const std::string ref = CreateCase(server, cw, app);
//   server.Post("/api/v1/cases/" + ref + "/decisions", AnnualIncomeDecision(), cw);
//   const Headers sam = ParentSession(server, ref, kSamNi, kSamPin);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tests/e2e/server_fixture.h"

namespace childmaint::testing {

inline constexpr const char* kSamNi = "AB123456C";
inline constexpr const char* kSamPin = "4827163";
inline constexpr const char* kAlexNi = "JK123456C";
inline constexpr const char* kAlexPin = "7654321";

struct Address {
  std::string line1;
  std::string town;
  std::string postcode;
};

// A parent on an application. Optional ni_number, address and pin are sent as null when empty;
// optional phone, email and domestic_abuse are left out.
struct Party {
  std::string name;
  std::string date_of_birth;
  std::optional<std::string> ni_number;
  std::optional<Address> address;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<bool> domestic_abuse;
  std::optional<std::string> pin;
};

struct Child {
  std::string name;
  std::string date_of_birth;
};

// Sam Taylor, the receiving parent: AB123456C, PIN 4827163, 1 High Street, Leeds.
Party Sam();
// Alex Morgan, the paying parent: JK123456C, PIN 7654321, 9 Low Road, York.
Party Alex();

// POST /api/v1/applications: Sam applies about Alex for Jo Taylor (born 2017-09-01), received
// 2025-03-03, Direct Pay, paid monthly. Change the fields a test is about.
struct Application {
  std::string ghacm_reference = "GHACM-E2E";
  std::string received_on = "2025-03-03";
  Party applicant = Sam();
  Party other_parent = Alex();
  std::vector<Child> children = {{"Jo Taylor", "2017-09-01"}};
  std::string collection = "direct_pay";

  // Sam's phone (07700 900123) and email (sam@example.org), and domestic_abuse stated false.
  Application& WithContactDetails();
  std::string Json() const;
};

// Creates the case as `who` (expects 201) and returns its reference ("" when it failed).
std::string CreateCase(TestServer& server, const Headers& who, const Application& app);

// A decision body: the paying parent's annual income of £31,200, no benefits, no other children,
// Jo with them no nights, first payment 2025-05-01.
std::string AnnualIncomeDecision(const std::string& effective_date = "2025-04-07");
// A decision body: the paying parent's weekly income only.
std::string WeeklyIncomeDecision(const std::string& effective_date = "2025-04-07",
                                 const std::string& first_payment_date = "2025-05-01",
                                 int weekly_pence = 60000);

// GET the case's statement as of a date (expects 200).
Json CaseStatement(TestServer& server, const Headers& who, const std::string& ref,
                   const std::string& as_of);

// The body of POST /api/v1/session.
std::string SignInBody(const std::string& ref, const std::string& ni, const std::string& pin);
// A parent's API session (expects 200): the Cookie header to send.
Headers ParentSession(TestServer& server, const std::string& ref, const std::string& ni,
                      const std::string& pin);

// The "name=value" of the response's Set-Cookie for `name` ("" when none), and the whole header.
std::string CookiePair(const HttpResult& r, const std::string& name);
std::string SetCookie(const HttpResult& r, const std::string& name);

// `build/childmaint ARGS`, as a shell command (arguments are not quoted).
std::string Childmaint(const std::string& args);

bool Has(const std::string& text, const std::string& part);
std::size_t Count(const std::string& text, const std::string& part);

}  // namespace childmaint::testing
