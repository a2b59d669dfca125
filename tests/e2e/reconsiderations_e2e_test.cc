// End to end over HTTP: mandatory reconsideration (requested by the receiving parent, one open at
// a time, revised into a new decision) and the tribunal appeal that follows it.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

const std::string kDecision = AnnualIncomeDecision();

std::string DecisionFields(const std::string& annual_pence) {
  return R"("paying_parent":{"income":{"annual_pence":)" + annual_pence +
         R"(},"benefits":[],"relevant_other_children":0},"nights_with_paying_parent":{"c1":0})";
}

class ReconsiderationE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    cw_ = {{"Authorization", server_.Bearer("caseworker")}};
    Application app;
    app.ghacm_reference = "GHACM-MR";
    ref_ = CreateCase(server_, cw_, app.WithContactDetails());
    const HttpResult d = server_.Post(Path("/decisions"), kDecision, cw_);
    EXPECT_EQ(d.status, 201) << d.body;
    decision_id_ = d.json().Find("id")->AsInt();
  }
  std::string Path(const std::string& tail) const { return "/api/v1/cases/" + ref_ + tail; }
  Headers ReceivingParent() { return ParentSession(server_, ref_, kSamNi, kSamPin); }
  TestServer server_;
  Headers cw_;
  std::string ref_;
  std::int64_t decision_id_ = 0;
};

bool NamesField(const HttpResult& r, const std::string& field) {
  const Json j = r.json();
  const Json* errors = j.Find("errors");
  if (errors == nullptr) {
    return false;
  }
  for (const Json& e : errors->items()) {
    const Json* f = e.Find("field");
    if (f != nullptr && f->IsString() && f->AsString() == field) {
      return true;
    }
  }
  return false;
}

TEST_F(ReconsiderationE2E, ReconsiderationRevisedThenTribunalAllowed) {
  const Headers parent = ReceivingParent();
  const HttpResult mr = server_.Post(
      Path("/reconsiderations"),
      R"({"requested_on":"2001-01-01","reasons":"the income is wrong"})", parent);
  ASSERT_EQ(mr.status, 201) << mr.body;
  const Json m = mr.json();
  EXPECT_EQ(m.Find("decision_id")->AsInt(), decision_id_);
  EXPECT_TRUE(m.Find("in_time")->AsBool());
  EXPECT_FALSE(m.Find("late_reasons_required")->AsBool());
  EXPECT_EQ(m.Find("status")->AsString(), "open");
  EXPECT_NE(m.Find("requested_on")->AsString(), "2001-01-01");  // a parent asks today
  const std::string mr_id = std::to_string(m.Find("id")->AsInt());

  const HttpResult again =
      server_.Post(Path("/reconsiderations"), R"({"reasons":"again"})", parent);
  EXPECT_EQ(again.status, 409) << again.body;
  const HttpResult early = server_.Post(Path("/appeals"), R"({"reconsideration_id":)" + mr_id + "}",
                                        parent);
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_NE(early.body.find("mandatory reconsideration first"), std::string::npos);
  // Parents cannot decide the outcome.
  EXPECT_NE(server_.Post(Path("/reconsiderations/" + mr_id + "/outcome"),
                         R"({"outcome":"upheld","reasons":"x"})", parent).status, 200);

  const std::string before = server_.Get(Path("/schedule"), cw_).body;
  const HttpResult revised = server_.Post(
      Path("/reconsiderations/" + mr_id + "/outcome"),
      R"({"outcome":"revised","reasons":"payslips show more",)" + DecisionFields("4160000") + "}",
      cw_);
  ASSERT_EQ(revised.status, 200) << revised.body;
  const Json rj = revised.json();
  EXPECT_EQ(rj.Find("status")->AsString(), "revised");
  const std::int64_t revision_id = rj.Find("new_decision_id")->AsInt();
  const HttpResult twice = server_.Post(Path("/reconsiderations/" + mr_id + "/outcome"),
                                        R"({"outcome":"upheld","reasons":"x"})", cw_);
  EXPECT_EQ(twice.status, 409) << twice.body;

  const Json decisions = server_.Get(Path("/decisions"), parent).json();
  const auto& list = decisions.Find("decisions")->items();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].Find("id")->AsInt(), revision_id);
  EXPECT_EQ(list[1].Find("kind")->AsString(), "revision");
  EXPECT_EQ(list[1].Find("effective_date")->AsString(), "2025-04-07");
  EXPECT_NE(list[1].Find("weekly_pence")->AsInt(), list[0].Find("weekly_pence")->AsInt());
  const HttpResult after = server_.Get(Path("/schedule"), cw_);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body, before);

  const HttpResult appeal =
      server_.Post(Path("/appeals"), R"({"reconsideration_id":)" + mr_id + "}", parent);
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  const Json aj = appeal.json();
  EXPECT_EQ(aj.Find("status")->AsString(), "lodged");
  EXPECT_TRUE(aj.Find("in_time")->AsBool());
  const std::string appeal_id = std::to_string(aj.Find("id")->AsInt());
  const std::string lodged_on = aj.Find("lodged_on")->AsString();

  const HttpResult allowed = server_.Post(
      Path("/appeals/" + appeal_id + "/outcome"),
      R"({"outcome":"allowed","decided_on":")" + lodged_on + R"(",)" + DecisionFields("2600000") +
          "}",
      cw_);
  ASSERT_EQ(allowed.status, 200) << allowed.body;
  EXPECT_EQ(allowed.json().Find("status")->AsString(), "allowed");
  const Json after_appeal = server_.Get(Path("/decisions"), cw_).json();
  const auto& all = after_appeal.Find("decisions")->items();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].Find("kind")->AsString(), "tribunal");
  EXPECT_EQ(all[2].Find("id")->AsInt(), allowed.json().Find("new_decision_id")->AsInt());

  const Json mrs = server_.Get(Path("/reconsiderations"), parent).json();
  EXPECT_EQ(mrs.Find("reconsiderations")->items().size(), 1u);
  const Json appeals = server_.Get(Path("/appeals"), parent).json();
  EXPECT_EQ(appeals.Find("appeals")->items().size(), 1u);
}

TEST_F(ReconsiderationE2E, LateRequestsNeedReasons) {
  // A caseworker records a request about a year after notification (notified today).
  const HttpResult d = server_.Get(Path("/decisions"), cw_);
  const Json dj = d.json();
  const std::string notified = dj.Find("decisions")->items()[0].Find("notified_on")->AsString();
  const int year = std::stoi(notified.substr(0, 4)) + 1;  // a year on: late
  const std::string month = notified.substr(4, 4);  // "-MM-"
  const std::string late_on = std::to_string(year) + month + "01";
  const HttpResult late = server_.Post(
      Path("/reconsiderations"),
      R"({"requested_on":")" + late_on + R"(","reasons":"wrong income"})", cw_);
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_TRUE(NamesField(late, "late_reasons")) << late.body;
  const HttpResult with = server_.Post(
      Path("/reconsiderations"),
      R"({"requested_on":")" + late_on +
          R"(","reasons":"wrong income","late_reasons":"in hospital"})",
      cw_);
  ASSERT_EQ(with.status, 201) << with.body;
  EXPECT_FALSE(with.json().Find("in_time")->AsBool());
  EXPECT_TRUE(with.json().Find("late_reasons_required")->AsBool());
  const std::string id = std::to_string(with.json().Find("id")->AsInt());
  const HttpResult upheld = server_.Post(
      Path("/reconsiderations/" + id + "/outcome"),
      R"({"outcome":"upheld","reasons":"correct","decided_on":")" + late_on + R"("})", cw_);
  ASSERT_EQ(upheld.status, 200) << upheld.body;
  EXPECT_TRUE(upheld.json().Find("new_decision_id")->IsNull());
  // Appeals: two months after the notice is late (reasons needed); 14 months is refused.
  const std::string twelve_months = std::to_string(year + 1) + month + "01";
  const std::string beyond = std::to_string(year + 2) + month + "01";
  const std::string lodge = R"({"reconsideration_id":)" + id + R"(,"lodged_on":")";
  const HttpResult no_reasons = server_.Post(Path("/appeals"), lodge + twelve_months + R"("})", cw_);
  EXPECT_EQ(no_reasons.status, 422) << no_reasons.body;
  EXPECT_TRUE(NamesField(no_reasons, "late_reasons")) << no_reasons.body;
  const HttpResult refused =
      server_.Post(Path("/appeals"), lodge + beyond + R"(","late_reasons":"x"})", cw_);
  EXPECT_EQ(refused.status, 409) << refused.body;
  const HttpResult late_appeal =
      server_.Post(Path("/appeals"), lodge + twelve_months + R"(","late_reasons":"ill"})", cw_);
  ASSERT_EQ(late_appeal.status, 201) << late_appeal.body;
  EXPECT_FALSE(late_appeal.json().Find("in_time")->AsBool());
  const std::string appeal_id = std::to_string(late_appeal.json().Find("id")->AsInt());
  const HttpResult dismissed = server_.Post(
      Path("/appeals/" + appeal_id + "/outcome"),
      R"({"outcome":"dismissed","decided_on":")" + twelve_months + R"("})", cw_);
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.json().Find("status")->AsString(), "dismissed");
  EXPECT_EQ(server_.Get(Path("/decisions"), cw_).json().Find("decisions")->items().size(), 1u);
  EXPECT_EQ(server_.Post(Path("/reconsiderations/999/outcome"),
                         R"({"outcome":"upheld","reasons":"x"})", cw_).status, 404);
}

}  // namespace
}  // namespace childmaint::testing
