#include "tests/e2e/fixtures.h"

#include <gtest/gtest.h>

namespace childmaint::testing {

namespace {

Json AddressJson(const std::optional<Address>& a) {
  if (!a) {
    return Json::Null();
  }
  Json j = Json::Object();
  j.Set("line1", Json(a->line1)).Set("town", Json(a->town)).Set("postcode", Json(a->postcode));
  return j;
}

Json TextOrNull(const std::optional<std::string>& s) { return s ? Json(*s) : Json::Null(); }

Json PartyJson(const Party& p, const std::string& role) {
  Json j = Json::Object();
  if (!role.empty()) {
    j.Set("role", Json(role));
  }
  j.Set("name", Json(p.name)).Set("date_of_birth", Json(p.date_of_birth));
  j.Set("ni_number", TextOrNull(p.ni_number)).Set("address", AddressJson(p.address));
  if (p.phone) {
    j.Set("phone", Json(*p.phone));
  }
  if (p.email) {
    j.Set("email", Json(*p.email));
  }
  if (p.domestic_abuse) {
    j.Set("domestic_abuse", Json(*p.domestic_abuse));
  }
  return j.Set("pin", TextOrNull(p.pin));
}

}  // namespace

Party Sam() {
  return Party{"Sam Taylor", "1990-05-17", kSamNi, Address{"1 High Street", "Leeds", "LS1 1AA"},
               std::nullopt, std::nullopt, std::nullopt, kSamPin};
}

Party Alex() {
  return Party{"Alex Morgan", "1988-11-02", kAlexNi, Address{"9 Low Road", "York", "YO1 7HH"},
               std::nullopt, std::nullopt, std::nullopt, kAlexPin};
}

Application& Application::WithContactDetails() {
  applicant.phone = "07700 900123";
  applicant.email = "sam@example.org";
  applicant.domestic_abuse = false;
  return *this;
}

std::string Application::Json() const {
  childmaint::Json kids = childmaint::Json::Array();
  for (const Child& c : children) {
    childmaint::Json child = childmaint::Json::Object();
    child.Set("name", childmaint::Json(c.name)).Set("date_of_birth", childmaint::Json(c.date_of_birth));
    kids.Push(std::move(child));
  }
  childmaint::Json j = childmaint::Json::Object();
  j.Set("ghacm_reference", childmaint::Json(ghacm_reference))
      .Set("received_on", childmaint::Json(received_on))
      .Set("applicant", PartyJson(applicant, "receiving_parent"))
      .Set("other_parent", PartyJson(other_parent, ""))
      .Set("children", std::move(kids))
      .Set("collection", childmaint::Json(collection))
      .Set("payment_frequency", childmaint::Json("monthly"));
  return j.Dump();
}

std::string CreateCase(TestServer& server, const Headers& who, const Application& app) {
  const HttpResult r = server.Post("/api/v1/applications", app.Json(), who);
  EXPECT_EQ(r.status, 201) << r.body;
  const childmaint::Json j = r.json();
  const childmaint::Json* ref = j.Find("case_reference");
  return ref != nullptr && ref->IsString() ? ref->AsString() : std::string();
}

std::string AnnualIncomeDecision(const std::string& effective_date) {
  return R"({"effective_date":")" + effective_date +
         R"(","paying_parent":{"income":{"annual_pence":3120000},)"
         R"("benefits":[],"relevant_other_children":0},"nights_with_paying_parent":{"c1":0},)"
         R"("first_payment_date":"2025-05-01"})";
}

std::string WeeklyIncomeDecision(const std::string& effective_date,
                                 const std::string& first_payment_date, int weekly_pence) {
  return R"({"effective_date":")" + effective_date +
         R"(","paying_parent":{"income":{"weekly_pence":)" + std::to_string(weekly_pence) +
         R"(}},"first_payment_date":")" + first_payment_date + R"("})";
}

Json CaseStatement(TestServer& server, const Headers& who, const std::string& ref,
                   const std::string& as_of) {
  const HttpResult st = server.Get("/api/v1/cases/" + ref + "/statement?as_of=" + as_of, who);
  EXPECT_EQ(st.status, 200) << st.body;
  return st.json();
}

std::string SignInBody(const std::string& ref, const std::string& ni, const std::string& pin) {
  return R"({"case_reference":")" + ref + R"(","ni_number":")" + ni + R"(","pin":")" + pin +
         R"("})";
}

Headers ParentSession(TestServer& server, const std::string& ref, const std::string& ni,
                      const std::string& pin) {
  const HttpResult r = server.Post("/api/v1/session", SignInBody(ref, ni, pin));
  EXPECT_EQ(r.status, 200) << r.body;
  return {{"Cookie", CookiePair(r, "cms_session")}};
}

std::string SetCookie(const HttpResult& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == "set-cookie" && v.rfind(name + "=", 0) == 0) {
      return v;
    }
  }
  return {};
}

std::string CookiePair(const HttpResult& r, const std::string& name) {
  const std::string header = SetCookie(r, name);
  return header.substr(0, header.find(';'));
}

std::string Childmaint(const std::string& args) { return std::string(CM_CHILDMAINT) + " " + args; }

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace childmaint::testing
