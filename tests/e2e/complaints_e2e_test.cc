// End to end over HTTP: complaints (service.md §7) — due dates in working days, a parent's
// complaint, the overdue queue, answering and escalating up the ladder, the Independent Case
// Examiner's 6 months — and the audit trail (service.md §9).
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

class ComplaintsE2E : public ::testing::Test {
 protected:
  void SetUp() override { cw_ = {{"Authorization", server_.Bearer("caseworker")}}; }
  std::string NewCase(const std::string& ghacm) {
    Application app;
    app.ghacm_reference = ghacm;
    return CreateCase(server_, cw_, app.WithContactDetails());
  }
  Headers SignIn(const std::string& ref, const std::string& ni, const std::string& pin) {
    return ParentSession(server_, ref, ni, pin);
  }
  std::string Complain(const std::string& ref, const std::string& received_on) {
    const HttpResult r = server_.Post(
        "/api/v1/cases/" + ref + "/complaints",
        R"({"summary":"My payments were recorded late","received_on":")" + received_on + R"("})",
        cw_);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(r.json().Find("id")->AsInt());
  }
  TestServer server_;
  Headers cw_;
};

TEST_F(ComplaintsE2E, DueDatesSkipBankHolidays) {
  const std::string ref = NewCase("GHACM-CMP1");
  // Friday 2 May 2025: Mon 5 May is a bank holiday, so day 2 is Wed 7 May; 15 working days
  // (6-9, 12-16, 19-23 May is 14; Mon 26 May is a holiday) ends Tue 27 May.
  const HttpResult r = server_.Post("/api/v1/cases/" + ref + "/complaints",
                                    R"({"summary":"Late letter","received_on":"2025-05-02"})", cw_);
  ASSERT_EQ(r.status, 201) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j.Find("stage")->AsString(), "resolution");
  EXPECT_EQ(j.Find("status")->AsString(), "open");
  EXPECT_EQ(j.Find("received_on")->AsString(), "2025-05-02");
  EXPECT_EQ(j.Find("acknowledge_by")->AsString(), "2025-05-07");
  EXPECT_EQ(j.Find("respond_by")->AsString(), "2025-05-27");
  // Bad bodies name their fields; another case's complaint is 404.
  const HttpResult bad = server_.Post("/api/v1/cases/" + ref + "/complaints",
                                      R"({"received_on":"2025-13-01"})", cw_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("summary"), std::string::npos);
  EXPECT_NE(bad.body.find("received_on"), std::string::npos);
  const std::string other = NewCase("GHACM-CMP1B");
  const std::string id = std::to_string(j.Find("id")->AsInt());
  EXPECT_EQ(server_.Post("/api/v1/cases/" + other + "/complaints/" + id + "/acknowledge",
                         R"({"on":"2025-05-06"})", cw_).status, 404);
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/complaints/" + id + "/acknowledge",
                         R"({"on":"2025-05-06"})", cw_).status, 200);
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/complaints/" + id + "/acknowledge",
                         R"({"on":"2025-05-06"})", cw_).status, 409);
}

TEST_F(ComplaintsE2E, ParentComplainsAndSeesOnlyTheirOwn) {
  const std::string ref = NewCase("GHACM-CMP2");
  Complain(ref, "2025-05-02");  // recorded by a caseworker
  const Headers parent = SignIn(ref, "AB123456C", "4827163");
  const HttpResult r = server_.Post("/api/v1/cases/" + ref + "/complaints",
                                    R"({"summary":"Nobody called me back"})", parent);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().Find("made_by")->AsString(), "receiving_parent");
  EXPECT_FALSE(r.json().Find("respond_by")->AsString().empty());
  // A parent cannot back-date, acknowledge or answer.
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/complaints",
                         R"({"summary":"x","received_on":"2025-01-01"})", parent).status, 422);
  const std::string id = std::to_string(r.json().Find("id")->AsInt());
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/complaints/" + id + "/respond",
                         R"({"on":"2025-05-06","response":"x"})", parent).status, 401);
  const HttpResult list = server_.Get("/api/v1/cases/" + ref + "/complaints", parent);
  ASSERT_EQ(list.status, 200) << list.body;
  const Json lj = list.json();
  ASSERT_EQ(lj.Find("items")->items().size(), 1u);
  EXPECT_EQ(list.body.find("JK123456C"), std::string::npos);
  EXPECT_EQ(list.body.find("9 Low Road"), std::string::npos);
  const HttpResult all = server_.Get("/api/v1/cases/" + ref + "/complaints", cw_);
  const Json aj = all.json();
  EXPECT_EQ(aj.Find("items")->items().size(), 2u);
  // Parents see no audit trail and no queue.
  EXPECT_EQ(server_.Get("/api/v1/cases/" + ref + "/audit", parent).status, 401);
  EXPECT_EQ(server_.Get("/api/v1/complaints?overdue_as_of=2025-06-01", parent).status, 401);
}

TEST_F(ComplaintsE2E, OverdueQueueEscalationAndAudit) {
  const std::string ref = NewCase("GHACM-CMP3");
  const std::string open = Complain(ref, "2025-05-02");
  const std::string answered = Complain(ref, "2025-05-02");
  const std::string base = "/api/v1/cases/" + ref + "/complaints/";
  const HttpResult resp = server_.Post(
      base + answered + "/respond", R"({"on":"2025-05-20","response":"We are sorry."})", cw_);
  ASSERT_EQ(resp.status, 200) << resp.body;
  EXPECT_EQ(resp.json().Find("status")->AsString(), "answered");
  EXPECT_TRUE(resp.json().Find("answered_on_time")->AsBool());
  // Respond twice; escalate an unanswered complaint: 409.
  EXPECT_EQ(server_.Post(base + answered + "/respond", R"({"on":"2025-05-21","response":"x"})", cw_)
                .status, 409);
  EXPECT_EQ(server_.Post(base + open + "/escalate", R"({"on":"2025-05-21"})", cw_).status, 409);

  const HttpResult queue = server_.Get("/api/v1/complaints?overdue_as_of=2025-06-01", cw_);
  ASSERT_EQ(queue.status, 200) << queue.body;
  const Json qj = queue.json();
  bool has_open = false;
  bool has_answered = false;
  for (const Json& item : qj.Find("items")->items()) {
    const std::string id = std::to_string(item.Find("id")->AsInt());
    has_open = has_open || (id == open && item.Find("case_reference")->AsString() == ref);
    has_answered = has_answered || id == answered;
  }
  EXPECT_TRUE(has_open);
  EXPECT_FALSE(has_answered);
  EXPECT_EQ(server_.Get("/api/v1/complaints?overdue_as_of=June", cw_).status, 422);

  // Escalate to the Complaints Review Team: new dates from Fri 23 May (Mon 26 May a holiday).
  const HttpResult review = server_.Post(base + answered + "/escalate", R"({"on":"2025-05-23"})", cw_);
  ASSERT_EQ(review.status, 200) << review.body;
  const Json rj = review.json();
  EXPECT_EQ(rj.Find("stage")->AsString(), "review");
  EXPECT_EQ(rj.Find("status")->AsString(), "open");
  EXPECT_EQ(rj.Find("acknowledge_by")->AsString(), "2025-05-28");
  EXPECT_EQ(rj.Find("respond_by")->AsString(), "2025-06-16");  // 27-30 May, 2-13 Jun, 16 Jun
  ASSERT_EQ(server_.Post(base + answered + "/respond",
                         R"({"on":"2025-06-10","response":"Reviewed."})", cw_).status, 200);
  // 7 months after the final response is too late for the Independent Case Examiner.
  const HttpResult late = server_.Post(base + answered + "/escalate", R"({"on":"2026-01-10"})", cw_);
  EXPECT_EQ(late.status, 409) << late.body;
  const HttpResult ice = server_.Post(base + answered + "/escalate", R"({"on":"2025-12-10"})", cw_);
  ASSERT_EQ(ice.status, 200) << ice.body;
  EXPECT_EQ(ice.json().Find("stage")->AsString(), "independent_case_examiner");
  const HttpResult pho = server_.Post(base + answered + "/escalate", R"({"on":"2026-03-01"})", cw_);
  ASSERT_EQ(pho.status, 200) << pho.body;
  EXPECT_EQ(pho.json().Find("stage")->AsString(), "ombudsman");
  EXPECT_EQ(server_.Post(base + answered + "/escalate", R"({"on":"2026-04-01"})", cw_).status, 409);

  // The case's audit trail, oldest first, with actors.
  const HttpResult audit = server_.Get("/api/v1/cases/" + ref + "/audit", cw_);
  ASSERT_EQ(audit.status, 200) << audit.body;
  const Json aj = audit.json();
  std::vector<std::string> actions;
  std::int64_t last_id = 0;
  for (const Json& item : aj.Find("items")->items()) {
    actions.push_back(item.Find("action")->AsString());
    EXPECT_EQ(item.Find("actor")->AsString().rfind("caseworker:", 0), 0u);
    EXPECT_GT(item.Find("id")->AsInt(), last_id);
    last_id = item.Find("id")->AsInt();
  }
  const auto count = [&](const char* a) { return std::count(actions.begin(), actions.end(), a); };
  EXPECT_EQ(count("complaint_made"), 2);
  EXPECT_EQ(count("complaint_answered"), 2);
  EXPECT_EQ(count("complaint_escalated"), 3);
  const HttpResult page = server_.Get("/api/v1/audit?since_id=0&limit=2", cw_);
  ASSERT_EQ(page.status, 200) << page.body;
  const Json pj = page.json();
  EXPECT_EQ(pj.Find("items")->items().size(), 2u);
  EXPECT_EQ(pj.Find("next_since_id")->AsInt(), pj.Find("items")->items()[1].Find("id")->AsInt());
  EXPECT_EQ(server_.Get("/api/v1/audit?limit=0", cw_).status, 422);
}

}  // namespace
}  // namespace childmaint::testing
