// The console's forms: who sees which, and the API call each submitted form becomes.
#include "console/forms.h"

#include <gtest/gtest.h>

namespace childmaint::console {
namespace {

bool HasForm(const std::vector<CaseForm>& forms, std::string_view action) {
  for (const CaseForm& f : forms) {
    if (f.action == action) {
      return true;
    }
  }
  return false;
}

const CaseForm* Find(const std::vector<CaseForm>& forms, std::string_view action) {
  for (const CaseForm& f : forms) {
    if (f.action == action) {
      return &f;
    }
  }
  return nullptr;
}

TEST(ConsoleForms, AuditorsGetNoFormsAndOnlyTeamLeadersWriteOff) {
  const CaseChoices none;
  EXPECT_TRUE(CaseForms("auditor", none).empty());
  EXPECT_TRUE(CaseForms("parent", none).empty());
  const auto caseworker = CaseForms("caseworker", none);
  EXPECT_TRUE(HasForm(caseworker, "payment"));
  EXPECT_TRUE(HasForm(caseworker, "decision"));
  EXPECT_FALSE(HasForm(caseworker, "write-off"));
  EXPECT_TRUE(HasForm(CaseForms("team_leader", none), "write-off"));
  // Nothing to reverse or answer: no such form.
  EXPECT_FALSE(HasForm(caseworker, "reversal"));
  EXPECT_FALSE(HasForm(caseworker, "complaint-response"));
  CaseChoices some;
  some.postings = {{"4", "Posting 4"}};
  some.complaints = {{"2", "Complaint 2"}};
  EXPECT_TRUE(HasForm(CaseForms("caseworker", some), "reversal"));
  EXPECT_TRUE(HasForm(CaseForms("caseworker", some), "complaint-response"));
}

TEST(ConsoleForms, EnforcementBeyondDeductionOrdersOnlyForTeamLeaders) {
  const CaseChoices none;
  const auto options = [&](std::string_view role) {
    std::vector<std::string> out;
    const auto forms = CaseForms(role, none);
    const CaseForm* f = Find(forms, "enforcement");
    if (f == nullptr || f->fields.empty()) {
      return out;
    }
    for (const auto& [v, label] : f->fields.front().options) {
      out.push_back(v);
    }
    return out;
  };
  const auto cw = options("caseworker");
  const auto tl = options("team_leader");
  EXPECT_NE(std::find(cw.begin(), cw.end(), "deduction_from_earnings_order"), cw.end());
  EXPECT_EQ(std::find(cw.begin(), cw.end(), "liability_order"), cw.end());
  EXPECT_NE(std::find(tl.begin(), tl.end(), "liability_order"), tl.end());
  EXPECT_GT(tl.size(), cw.size());
}

TEST(ConsoleForms, DecisionAsksAboutEachChild) {
  CaseChoices choices;
  choices.children = {{"c1", "Jo Taylor"}};
  const auto forms = CaseForms("caseworker", choices);
  const CaseForm* d = Find(forms, "decision");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->fields.back().name, "nights_c1");
  EXPECT_NE(d->fields.back().label.find("Jo Taylor"), std::string::npos);
}

TEST(ConsoleForms, PaymentBecomesThePaymentsCallInPence) {
  auto call = BuildCall("payment", "121000000018",
                        "csrf=x&received_on=2025-05-01&amount=%C2%A31%2C072.5&method=bank_transfer");
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->target, "/api/v1/cases/121000000018/payments");
  EXPECT_EQ(call->body.Find("amount_pence")->AsInt(), 107250);
  EXPECT_EQ(call->body.Find("received_on")->AsString(), "2025-05-01");
  EXPECT_EQ(call->body.Find("method")->AsString(), "bank_transfer");
  EXPECT_EQ(call->errors.size(), 0u);
}

TEST(ConsoleForms, AnAmountThatIsNotPoundsIsTheFormsOwnError) {
  auto call = BuildCall("payment", "121000000018", "received_on=2025-05-01&amount=lots");
  ASSERT_TRUE(call.has_value());
  ASSERT_EQ(call->errors.size(), 1u);
  EXPECT_EQ(call->errors.items()[0].Find("field")->AsString(), "amount");
}

TEST(ConsoleForms, DecisionBody) {
  auto call = BuildCall("decision", "121000000018",
                        "effective_date=2025-04-07&first_payment_date=2025-05-01&income=31200&"
                        "benefits=&relevant_other_children=1&nights_c1=52");
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->target, "/api/v1/cases/121000000018/decisions");
  const Json* payer = call->body.Find("paying_parent");
  ASSERT_NE(payer, nullptr);
  EXPECT_EQ(payer->Find("income")->Find("annual_pence")->AsInt(), 3120000);
  EXPECT_EQ(payer->Find("benefits")->size(), 0u);
  EXPECT_EQ(payer->Find("relevant_other_children")->AsInt(), 1);
  EXPECT_EQ(call->body.Find("nights_with_paying_parent")->Find("c1")->AsInt(), 52);
}

TEST(ConsoleForms, BenefitsAreAListAndIncomeIsOptional) {
  auto call = BuildCall("decision", "1", "benefits=universal_credit%2C+pension_credit");
  ASSERT_TRUE(call.has_value());
  const Json* payer = call->body.Find("paying_parent");
  EXPECT_EQ(payer->Find("income"), nullptr);
  ASSERT_EQ(payer->Find("benefits")->size(), 2u);
  EXPECT_EQ(payer->Find("benefits")->items()[1].AsString(), "pension_credit");
}

TEST(ConsoleForms, OtherCalls) {
  EXPECT_EQ(BuildCall("reversal", "1", "posting_id=7&reason=wrong")->target,
            "/api/v1/cases/1/postings/7/reversal");
  EXPECT_EQ(BuildCall("reversal", "1", "posting_id=..%2Fx")->errors.size(), 1u);
  EXPECT_EQ(BuildCall("complaint-response", "1", "complaint_id=3&on=2025-01-01&response=r")->target,
            "/api/v1/cases/1/complaints/3/respond");
  EXPECT_EQ(BuildCall("write-off", "1", "amount=5&effective_on=2025-01-01&reason=r")
                ->body.Find("amount_pence")->AsInt(), 500);
  EXPECT_EQ(BuildCall("message", "1", "party_id=2&body=hi")->body.Find("party_id")->AsInt(), 2);
  EXPECT_EQ(BuildCall("resolve", "9", "note=done")->target, "/api/v1/work-items/9/resolution");
  EXPECT_EQ(BuildCall("traced-address", "4", "line1=a&town=b&postcode=c")->target,
            "/api/v1/applications/4/traced-address");
  EXPECT_FALSE(BuildCall("delete-everything", "1", "").has_value());
}

TEST(ConsoleForms, ApiFieldsMapToFormFields) {
  EXPECT_EQ(FormFieldFor("payment", "amount_pence"), "amount");
  EXPECT_EQ(FormFieldFor("payment", "amount"), "amount");
  EXPECT_EQ(FormFieldFor("decision", "paying_parent.income.annual_pence"), "income");
  EXPECT_EQ(FormFieldFor("decision", "nights_with_paying_parent.c2"), "nights_c2");
  EXPECT_EQ(FormFieldFor("payment", ""), "received_on");
}

TEST(ConsoleForms, PenceFromPounds) {
  EXPECT_EQ(PenceFromPounds("72.50"), 7250);
  EXPECT_EQ(PenceFromPounds("72"), 7200);
  EXPECT_EQ(PenceFromPounds("0.5"), 50);
  EXPECT_EQ(PenceFromPounds("\xC2\xA3" "1,000.00"), 100000);
  EXPECT_FALSE(PenceFromPounds("-1").has_value());
  EXPECT_FALSE(PenceFromPounds("1.234").has_value());
  EXPECT_FALSE(PenceFromPounds("").has_value());
  EXPECT_FALSE(PenceFromPounds("ten").has_value());
}

}  // namespace
}  // namespace childmaint::console
