// Parentage disputes over HTTP (service.md §1 "Parentage", rules.md §9.2): a denial where
// parentage is not presumed stops decisions; established sends the case back for a decision
// backdated to the initial effective date (here the application's received date); disproved
// closes the case and refunds the payments since the denial; a presumed parent's case stays active.
#include <gtest/gtest.h>

#include "tests/e2e/fixtures.h"

namespace childmaint::testing {
namespace {

class ParentageE2E : public ::testing::Test {
 protected:
  void SetUp() override { cw_ = {{"Authorization", server_.Bearer("caseworker")}}; }
  std::string NewCase(const std::string& ghacm, const std::string& collection) {
    Application app;
    app.ghacm_reference = ghacm;
    app.collection = collection;
    return CreateCase(server_, cw_, app);
  }
  std::string Status(const std::string& ref) {
    return server_.Get("/api/v1/cases/" + ref, cw_).json().Find("status")->AsString();
  }
  HttpResult Dispute(const std::string& ref, const std::string& body) {
    return server_.Post("/api/v1/cases/" + ref + "/parentage-disputes", body, cw_);
  }
  HttpResult Outcome(const std::string& ref, std::int64_t id, const std::string& body) {
    return server_.Post("/api/v1/cases/" + ref + "/parentage-disputes/" + std::to_string(id) +
                            "/outcome",
                        body, cw_);
  }
  Json Statement(const std::string& ref, const std::string& as_of) {
    return CaseStatement(server_, cw_, ref, as_of);
  }
  TestServer server_;
  Headers cw_;
};

TEST_F(ParentageE2E, NotPresumedStopsDecisionsAndEstablishedBackdates) {
  const std::string ref = NewCase("GHACM-PTG1", "direct_pay");
  const HttpResult d = Dispute(ref, R"({"disputed_on":"2025-03-10","presumed":false})");
  ASSERT_EQ(d.status, 201) << d.body;
  EXPECT_EQ(Status(ref), "parentage_disputed");
  EXPECT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", AnnualIncomeDecision("2025-03-03"), cw_).status,
            409);
  const std::int64_t id = d.json().Find("id")->AsInt();
  const HttpResult dna = server_.Post(
      "/api/v1/cases/" + ref + "/parentage-disputes/" + std::to_string(id) + "/dna-test",
      R"({"ordered_on":"2025-03-12","paid_by":"alleged_parent"})", cw_);
  ASSERT_EQ(dna.status, 200) << dna.body;
  EXPECT_TRUE(dna.json().Find("dna_test")->Find("fee_pence")->IsNull());

  const HttpResult o = Outcome(ref, id, R"({"outcome":"established","on":"2025-04-01"})");
  ASSERT_EQ(o.status, 200) << o.body;
  const std::string backdate = o.json().Find("backdate_to")->AsString();
  EXPECT_EQ(backdate, "2025-03-03");  // no initial effective date yet: the received date
  EXPECT_EQ(Status(ref), "awaiting_decision");
  const HttpResult dec =
      server_.Post("/api/v1/cases/" + ref + "/decisions", AnnualIncomeDecision(backdate), cw_);
  ASSERT_EQ(dec.status, 201) << dec.body;
  EXPECT_EQ(Status(ref), "active");
  EXPECT_EQ(Outcome(ref, id, R"({"outcome":"established","on":"2025-04-01"})").status, 409);
  const HttpResult list = server_.Get("/api/v1/cases/" + ref + "/parentage-disputes", cw_);
  ASSERT_EQ(list.status, 200);
  const Json lj = list.json();
  ASSERT_EQ(lj.Find("parentage_disputes")->size(), 1u);
  EXPECT_EQ(lj.Find("parentage_disputes")->items()[0].Find("outcome")->AsString(), "established");
}

TEST_F(ParentageE2E, DisprovedClosesTheCaseAndRefundsPaymentsSinceTheDenial) {
  const std::string ref = NewCase("GHACM-PTG2", "collect_and_pay");
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", AnnualIncomeDecision("2025-04-07"), cw_).status,
            201);
  // Everything due up to 1 May is paid that day.
  const std::int64_t owed = Statement(ref, "2025-05-01").Find("arrears_pence")->AsInt();
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/payments",
                         R"({"received_on":"2025-05-01","amount_pence":)" + std::to_string(owed) +
                             R"(,"method":"debit_card"})",
                         cw_).status, 201);
  const HttpResult d = Dispute(ref, R"({"disputed_on":"2025-05-10","presumed":false})");
  ASSERT_EQ(d.status, 201) << d.body;
  EXPECT_EQ(Status(ref), "parentage_disputed");
  // The instalment of 1 June is paid all the same.
  const std::int64_t june = Statement(ref, "2025-06-01").Find("arrears_pence")->AsInt();
  ASSERT_GT(june, 0);
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/payments",
                         R"({"received_on":"2025-06-02","amount_pence":)" + std::to_string(june) +
                             R"(,"method":"debit_card"})",
                         cw_).status, 201);
  const HttpResult o = Outcome(ref, d.json().Find("id")->AsInt(),
                               R"({"outcome":"disproved","on":"2025-06-10"})");
  ASSERT_EQ(o.status, 200) << o.body;
  EXPECT_EQ(Status(ref), "closed");
  const Json st = Statement(ref, "2025-06-10");
  std::int64_t refunded = 0;
  for (const Json& posting : st.Find("postings")->items()) {
    if (posting.Find("kind")->AsString() == "overpayment_refunded") {
      refunded += posting.Find("amount_pence")->AsInt();
    }
  }
  EXPECT_EQ(refunded, june);  // the payment since the denial goes back
  EXPECT_EQ(st.Find("credit_pence")->AsInt(), 0);
  EXPECT_EQ(st.Find("arrears_pence")->AsInt(), 0);
  EXPECT_EQ(st.Find("paid_pence")->AsInt(), owed + june);
}

TEST_F(ParentageE2E, PresumedParentStaysLiable) {
  const std::string ref = NewCase("GHACM-PTG3", "direct_pay");
  ASSERT_EQ(server_.Post("/api/v1/cases/" + ref + "/decisions", AnnualIncomeDecision("2025-04-07"), cw_).status,
            201);
  // A presumed dispute needs its basis.
  EXPECT_EQ(Dispute(ref, R"({"disputed_on":"2025-05-10","presumed":true})").status, 422);
  const HttpResult d = Dispute(
      ref, R"({"disputed_on":"2025-05-10","presumed":true,"basis":"birth_certificate"})");
  ASSERT_EQ(d.status, 201) << d.body;
  EXPECT_EQ(Status(ref), "active");
  EXPECT_EQ(d.json().Find("basis")->AsString(), "birth_certificate");
  // A second open dispute is refused.
  EXPECT_EQ(Dispute(ref, R"({"disputed_on":"2025-05-11","presumed":false})").status, 409);
}

}  // namespace
}  // namespace childmaint::testing
