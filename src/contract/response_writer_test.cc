#include "contract/response_writer.h"

#include <gtest/gtest.h>

#include "calc/calculate.h"
#include "contract/request_reader.h"
#include "contract/request_writer.h"

namespace childmaint::contract {
namespace {

TEST(ResponseWriter, EscapesStrings) {
  std::string out;
  AppendJsonString(out, std::string("a\"b\\c\n\x01\xC3\xA9", 9));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\xC3\xA9\"");
}

// The escaper works on blocks of bytes; every position of every length must still be escaped
// exactly as one byte at a time would.
TEST(ResponseWriter, EscapesAtEveryPositionOfEveryLength) {
  const auto one_at_a_time = [](std::string_view s) {
    std::string r = "\"";
    for (const char c : s) {
      if (c == '"' || c == '\\') {
        r += '\\';
        r += c;
      } else if (c == '\n') {
        r += "\\n";
      } else if (c == '\x01') {
        r += "\\u0001";
      } else {
        r += c;
      }
    }
    return r + "\"";
  };
  for (std::size_t n = 0; n <= 70; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      for (const char special : {'"', '\\', '\n', '\x01'}) {
        std::string s(n, 'x');
        s[at] = special;
        std::string out = "prefix";
        AppendJsonString(out, s);
        ASSERT_EQ(out, "prefix" + one_at_a_time(s)) << n << " " << at;
      }
    }
    std::string out;
    AppendJsonString(out, std::string(n, 'y'));
    ASSERT_EQ(out, one_at_a_time(std::string(n, 'y')));
  }
}

TEST(ResponseWriter, ErrorObject) {
  std::string out;
  WriteError(Error::Make(ErrorCode::kInvalidArgument, "invalid_field", "must be a number",
                         "paying_parent.income.weekly_pence"),
             out);
  EXPECT_EQ(out,
            R"({"error":{"code":"invalid_field","field":"paying_parent.income.weekly_pence",)"
            R"("message":"must be a number"}})");
}

TEST(ResponseWriter, TheContractsExampleResponse) {
  const law::ParameterSet law = *law::ParameterSet::LoadEmbedded();
  RequestReader reader(law);
  calc::Request req;
  ASSERT_TRUE(reader.ReadString(
      R"({"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000},)"
      R"("benefits":[],"partner_benefits":[],"nil_rate_reason":null,"relevant_other_children":0,)"
      R"("other_supported_children":0},"receiving_parents":[{"id":"A","children":[{"id":"c1",)"
      R"("nights_with_paying_parent":0}]}],"variations":{"special_expenses":[],)"
      R"("additional_income_weekly_pence":0},"collection":"direct_pay"})",
      req));
  calc::Result res;
  calc::Trace trace(false);
  ASSERT_TRUE(calc::Calculate(req, law, res, trace));
  std::string out;
  WriteResponse(req, res, nullptr, out);
  EXPECT_EQ(out,
            R"({"effective_date":"2025-04-07","rules_version":"2014-08-11","rate":"basic",)"
            R"("gross_weekly_income_pence":60000,"income_used_pence":60000,)"
            R"("weekly_amount_before_shared_care_pence":7200,"weekly_liability_pence":7200,)"
            R"("receiving_parents":[{"id":"A","weekly_pence":7200,"children":[{"id":"c1",)"
            R"("shared_care_band":"none","shared_care_fraction":"0/7"}],"paying_parent_fee_pence":0,)"
            R"("receiving_parent_fee_pence":0,"paying_parent_pays_pence":7200,)"
            R"("receiving_parent_gets_pence":7200}]})");
  // The request writer's text reads back to the same request.
  std::string again;
  WriteRequest(req, law, again);
  calc::Request back;
  ASSERT_TRUE(reader.ReadString(again, back));
  std::string twice;
  WriteRequest(back, law, twice);
  EXPECT_EQ(again, twice);
}

}  // namespace
}  // namespace childmaint::contract
