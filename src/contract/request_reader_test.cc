#include "contract/request_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace childmaint::contract {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

constexpr std::string_view kValid =
    R"({"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000}},)"
    R"("receiving_parents":[{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]}]})";

// The request with `from` replaced by `to` (first occurrence).
std::string With(std::string_view from, std::string_view to) {
  std::string s(kValid);
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
  return s;
}

struct Outcome {
  std::string code;  // "" when read
  std::string field;
  calc::Request req;
};

Outcome Read(std::string_view json) {
  RequestReader reader(Law());
  Outcome o;
  const Status s = reader.ReadString(json, o.req);
  if (!s) {
    o.code = s.error().reason;
    o.field = s.error().field;
  }
  return o;
}

std::string Code(std::string_view json) { return Read(json).code; }

TEST(RequestReader, ReadsAValidRequestWithDefaults) {
  const Outcome o = Read(kValid);
  ASSERT_EQ(o.code, "");
  EXPECT_EQ(o.req.effective_date.ToIso(), "2025-04-07");
  EXPECT_EQ(o.req.income.form, calc::Income::Form::kWeekly);
  EXPECT_EQ(o.req.income.weekly.pence(), 60000);
  ASSERT_EQ(o.req.receiving_parents.size(), 1u);
  EXPECT_EQ(o.req.receiving_parents[0].id, "A");
  EXPECT_EQ(o.req.children[0].id, "c1");
  EXPECT_EQ(o.req.collection, calc::Collection::kDirectPay);
  EXPECT_FALSE(o.req.nil_rate_reason.has_value());
  EXPECT_EQ(o.req.relevant_other_children, 0);
}

TEST(RequestReader, NotJsonIsMalformed) {
  for (const std::string& bad :
       {std::string(""), std::string(" "), std::string("{"), std::string(kValid).substr(0, 40),
        std::string(kValid) + " x", std::string(kValid) + "{}", "\xEF\xBB\xBF" + std::string(kValid),
        With("60000", "NaN"), With("60000", "Infinity"), With("60000", "01"),
        With("\"A\"", "\"\xFF\""), With("\"A\"", "\"\\ud800\""), With("\"A\"", "\"\\udc00x\""),
        With("\"A\"", "'A'"), With(",\"receiving", " \"receiving"), With("\"A\"", "\"a\tb\"")}) {
    EXPECT_EQ(Code(bad), "malformed_json") << bad;
  }
}

TEST(RequestReader, NestingDeeperThan64IsMalformedElseTheFieldIsUnknown) {
  const auto nested = [](int depth) {
    // The request object is level 1, so `depth` levels in all.
    return With("\"effective_date\"", "\"x\":" + std::string(depth - 1, '[') +
                                           std::string(depth - 1, ']') + ",\"effective_date\"");
  };
  EXPECT_EQ(Code(nested(64)), "unknown_field");
  EXPECT_EQ(Code(nested(65)), "malformed_json");
  EXPECT_EQ(Code(nested(5000)), "malformed_json");
}

TEST(RequestReader, IntegersOnly) {
  for (const char* bad : {"100.0", "1e2", "\"100\"", "true", "null", "-1", "10000000001",
                          "99999999999999999999999999", "-99999999999999999999999999", "1E400",
                          "[1]", "{}"}) {
    const Outcome o = Read(With("60000", bad));
    EXPECT_EQ(o.code, "invalid_field") << bad;
    EXPECT_EQ(o.field, "paying_parent.income.weekly_pence") << bad;
  }
  EXPECT_EQ(Read(With("60000", "-0")).req.income.weekly.pence(), 0);
  EXPECT_EQ(Read(With("60000", "10000000000")).code, "");
}

TEST(RequestReader, NullOnlyForNilRateReason) {
  EXPECT_EQ(Code(With("{\"income\"", "{\"nil_rate_reason\":null,\"income\"")), "");
  EXPECT_EQ(Read(With("{\"income\"", "{\"nil_rate_reason\":\"prisoner\",\"income\"")).req.nil_rate_reason,
            calc::NilRateReason::kPrisoner);
  EXPECT_EQ(Code(With("{\"income\"", "{\"nil_rate_reason\":\"jail\",\"income\"")), "invalid_field");
  EXPECT_EQ(Code(With("{\"income\"", "{\"benefits\":null,\"income\"")), "invalid_field");
  EXPECT_EQ(Code(With("{\"income\"", "{\"relevant_other_children\":null,\"income\"")), "invalid_field");
  EXPECT_EQ(Code(With("\"receiving_parents\"", "\"collection\":null,\"receiving_parents\"")), "invalid_field");
}

TEST(RequestReader, UnknownAndDuplicatedFields) {
  const Outcome u = Read(With("{\"income\"", "{\"incme\":1,\"income\""));
  EXPECT_EQ(u.code, "unknown_field");
  EXPECT_EQ(u.field, "paying_parent.incme");
  EXPECT_EQ(Code(With("{\"weekly_pence\"", "{\"weekly\":1,\"weekly_pence\"")), "unknown_field");
  EXPECT_EQ(Code(With("\"paying_parent\"", "\"effective_date\":\"2025-04-07\",\"paying_parent\"")),
            "invalid_field");
  // A key spelt with an escape is the same key.
  EXPECT_EQ(Code(With("\"paying_parent\"", "\"effective\\u005fdate\":\"2025-04-07\",\"paying_parent\"")),
            "invalid_field");
}

TEST(RequestReader, NotAnObject) {
  for (const char* bad : {"[]", "5", "\"x\"", "null", "true"}) {
    const Outcome o = Read(bad);
    EXPECT_EQ(o.code, "invalid_field") << bad;
    EXPECT_EQ(o.field, "") << bad;
  }
}

TEST(RequestReader, IncomeForms) {
  EXPECT_EQ(Read(With("{\"weekly_pence\":60000}", "{\"annual_pence\":100,\"pension_contributions_annual_pence\":100}")).code, "");
  EXPECT_EQ(Read(With("{\"weekly_pence\":60000}", "{\"annual_pence\":100,\"pension_contributions_annual_pence\":101}")).field,
            "paying_parent.income.pension_contributions_annual_pence");
  EXPECT_EQ(Read(With("{\"weekly_pence\":60000}", "{\"historic_annual_pence\":1,\"current_weekly_pence\":2}")).req.income.form,
            calc::Income::Form::kHistoricAndCurrent);
  for (const char* bad : {"{}", "{\"weekly_pence\":1,\"annual_pence\":1}", "{\"historic_annual_pence\":1}",
                          "{\"pension_contributions_annual_pence\":1}", "null", "[]"}) {
    const Outcome o = Read(With("{\"weekly_pence\":60000}", bad));
    EXPECT_EQ(o.code, "invalid_field") << bad;
    EXPECT_EQ(o.field, "paying_parent.income") << bad;
  }
}

TEST(RequestReader, IncomeRequiredUnlessNilBenefitOrPartnerBenefit) {
  const std::string no_income = With("{\"income\":{\"weekly_pence\":60000}}", "{}");
  const Outcome o = Read(no_income);
  EXPECT_EQ(o.code, "missing_field");
  EXPECT_EQ(o.field, "paying_parent.income");
  EXPECT_EQ(Code(With("{\"income\":{\"weekly_pence\":60000}}", "{\"benefits\":[\"state_pension\"]}")), "");
  EXPECT_EQ(Code(With("{\"income\":{\"weekly_pence\":60000}}", "{\"nil_rate_reason\":\"child\"}")), "");
  EXPECT_EQ(Code(With("{\"income\":{\"weekly_pence\":60000}}", "{\"partner_benefits\":[\"pension_credit\"]}")), "");
  EXPECT_EQ(Code(With("{\"income\":{\"weekly_pence\":60000}}", "{\"partner_benefits\":[\"state_pension\"]}")),
            "missing_field");
}

TEST(RequestReader, Benefits) {
  EXPECT_EQ(Code(With("{\"income\"", "{\"benefits\":[\"jsa\"],\"income\"")), "unknown_benefit");
  EXPECT_EQ(Code(With("{\"income\"", "{\"benefits\":[1],\"income\"")), "invalid_field");
  std::string fifty = "[";
  for (int i = 0; i < 50; ++i) {
    fifty += (i ? "," : "") + std::string("\"state_pension\"");
  }
  EXPECT_EQ(Code(With("{\"income\"", "{\"benefits\":" + fifty + "],\"income\"")), "");
  EXPECT_EQ(Code(With("{\"income\"", "{\"benefits\":" + fifty + ",\"carers_allowance\"],\"income\"")),
            "too_many_items");
}

std::string Children(int n, const char* prefix) {
  std::string s = "[";
  for (int i = 0; i < n; ++i) {
    s += (i ? "," : "") + std::string("{\"id\":\"") + prefix + std::to_string(i) +
         "\",\"nights_with_paying_parent\":0}";
  }
  return s + "]";
}

TEST(RequestReader, ListLimits) {
  const std::string one_child = "[{\"id\":\"c1\",\"nights_with_paying_parent\":0}]";
  EXPECT_EQ(Code(With(one_child, Children(20, "c"))), "");
  EXPECT_EQ(Code(With(one_child, Children(21, "c"))), "too_many_items");
  EXPECT_EQ(Code(With(one_child, "[]")), "invalid_field");
  std::string rps = "[";
  for (int i = 0; i < 21; ++i) {
    rps += (i ? "," : "") + std::string("{\"id\":\"r") + std::to_string(i) +
           "\",\"children\":" + Children(1, ("r" + std::to_string(i) + "c").c_str()) + "}";
  }
  rps += "]";
  const std::string all_rps = R"([{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]}])";
  EXPECT_EQ(Code(With(all_rps, rps)), "too_many_items");
  EXPECT_EQ(Code(With(all_rps, "[]")), "invalid_field");
}

TEST(RequestReader, Ids) {
  EXPECT_EQ(Code(With("\"A\"", "\"\"")), "invalid_field");
  std::string e64;
  for (int i = 0; i < 64; ++i) {
    e64 += "\xC3\xA9";  // é: 64 code points, 128 bytes
  }
  EXPECT_EQ(Code(With("\"A\"", "\"" + e64 + "\"")), "");
  EXPECT_EQ(Code(With("\"A\"", "\"" + e64 + "x\"")), "invalid_field");
  // Child ids unique across the request, compared after unescaping; a child may share a
  // receiving parent's id.
  const std::string two = R"([{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]},)"
                          R"({"id":"B","children":[{"id":"c\u0031","nights_with_paying_parent":0}]}])";
  const std::string all_rps = R"([{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]}])";
  const Outcome dup = Read(With(all_rps, two));
  EXPECT_EQ(dup.code, "invalid_field");
  EXPECT_EQ(dup.field, "receiving_parents[1].children[0].id");
  EXPECT_EQ(Code(With("{\"id\":\"c1\"", "{\"id\":\"A\"")), "");
  const std::string same_rp = R"([{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]},)"
                              R"({"id":"A","children":[{"id":"c2","nights_with_paying_parent":0}]}])";
  EXPECT_EQ(Code(With(all_rps, same_rp)), "invalid_field");
}

TEST(RequestReader, DatesAndRanges) {
  EXPECT_EQ(Code(With("2025-04-07", "1899-12-31")), "invalid_field");
  EXPECT_EQ(Code(With("2025-04-07", "1900-01-01")), "");
  EXPECT_EQ(Code(With("2025-04-07", "2999-12-31")), "");
  EXPECT_EQ(Code(With("2025-04-07", "3000-01-01")), "invalid_field");
  EXPECT_EQ(Code(With("2025-04-07", "2025-02-29")), "invalid_field");
  EXPECT_EQ(Code(With("\"nights_with_paying_parent\":0", "\"nights_with_paying_parent\":367")), "invalid_field");
  EXPECT_EQ(Code(With("\"nights_with_paying_parent\":0", "\"nights_with_paying_parent\":366")), "");
  EXPECT_EQ(Code(With("{\"income\"", "{\"relevant_other_children\":101,\"income\"")), "invalid_field");
  EXPECT_EQ(Code(With("{\"income\"", "{\"other_supported_children\":100,\"income\"")), "");
  EXPECT_EQ(Code(With("{\"income\"", "{\"partner_is_paying_parent\":1,\"income\"")), "invalid_field");
}

TEST(RequestReader, MissingFields) {
  const Outcome o = Read(With(",\"nights_with_paying_parent\":0", ""));
  EXPECT_EQ(o.code, "missing_field");
  EXPECT_EQ(o.field, "receiving_parents[0].children[0].nights_with_paying_parent");
  EXPECT_EQ(Read(With("\"effective_date\":\"2025-04-07\",", "")).field, "effective_date");
}

TEST(RequestReader, SpecialExpenses) {
  const Outcome o = Read(With(
      "\"receiving_parents\"",
      R"("variations":{"special_expenses":[{"kind":"prior_debts","weekly_pence":500},)"
      R"({"kind":"prior_debts","weekly_pence":600}],"additional_income_weekly_pence":7},"receiving_parents")"));
  ASSERT_EQ(o.code, "");
  EXPECT_EQ(o.req.special_expenses[static_cast<std::size_t>(law::ExpenseKind::kPriorDebts)].pence(), 1100);
  EXPECT_EQ(o.req.additional_income.pence(), 7);
  EXPECT_EQ(Code(With("\"receiving_parents\"",
                      R"("variations":{"special_expenses":[{"kind":"rent","weekly_pence":5}]},"receiving_parents")")),
            "invalid_field");
  EXPECT_EQ(Code(With("\"receiving_parents\"",
                      R"("variations":{"special_expenses":[{"kind":"rent"}]},"receiving_parents")")),
            "invalid_field");
}

TEST(RequestReader, SizeLimit) {
  std::string exactly(kValid);
  exactly.append(kMaxRequestBytes - exactly.size(), ' ');
  EXPECT_EQ(Code(exactly), "");
  exactly.push_back(' ');
  EXPECT_EQ(Code(exactly), "request_too_large");
}

TEST(RequestReader, CarriageReturnIsWhitespace) {
  EXPECT_EQ(Code(std::string(kValid) + "\r"), "");
}

}  // namespace
}  // namespace childmaint::contract
