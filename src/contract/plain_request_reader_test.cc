#include "contract/plain_request_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "contract/plain_json.h"
#include "contract/request_reader.h"
#include "contract/request_writer.h"

namespace childmaint::contract {
namespace {

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

constexpr std::uint32_t kNoPartnerMask = 0;

constexpr std::string_view kValid =
    R"({"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000},)"
    R"("benefits":[],"nil_rate_reason":null,"relevant_other_children":1},)"
    R"("receiving_parents":[{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0},)"
    R"({"nights_with_paying_parent":175,"id":"c2"}]},)"
    R"({"id":"B","children":[{"id":"c3","nights_with_paying_parent":366}]}],)"
    R"("variations":{"special_expenses":[{"kind":"prior_debts","weekly_pence":1500}],)"
    R"("additional_income_weekly_pence":0},"collection":"collect_and_pay"})";

// kValid with `from` replaced by `to` (first occurrence).
std::string With(std::string_view from, std::string_view to) {
  std::string s(kValid);
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
  return s;
}

bool Plain(std::string_view text, calc::Request& req) {
  return ReadPlainRequest(text, Law(), kNoPartnerMask, req);
}

TEST(PlainRequestReader, ReadsThePlainFormAsTheFullReaderDoes) {
  calc::Request req;
  ASSERT_TRUE(Plain(kValid, req));
  EXPECT_EQ(req.effective_date.ToIso(), "2025-04-07");
  EXPECT_EQ(req.income.form, calc::Income::Form::kWeekly);
  EXPECT_EQ(req.income.weekly, Money::Pence(60000));
  EXPECT_EQ(req.relevant_other_children, 1);
  ASSERT_EQ(req.receiving_parents.size(), 2u);
  EXPECT_EQ(req.receiving_parents[0].child_count, 2u);
  EXPECT_EQ(req.receiving_parents[1].first_child, 2u);
  ASSERT_EQ(req.children.size(), 3u);
  EXPECT_EQ(req.children[1].id, "c2");
  EXPECT_EQ(req.children[1].nights_with_paying_parent, 175);
  EXPECT_EQ(req.collection, calc::Collection::kCollectAndPay);

  RequestReader full(Law(), /*fast_path=*/false);
  calc::Request slow;
  ASSERT_TRUE(full.ReadString(kValid, slow).has_value());
  std::string a;
  std::string b;
  WriteRequest(req, Law(), a);
  WriteRequest(slow, Law(), b);
  EXPECT_EQ(a, b);
}

TEST(PlainRequestReader, AcceptsJsonWhitespace) {
  calc::Request req;
  std::string spaced(kValid);
  spaced.insert(0, " \t\r\n");
  spaced += "\r\n ";
  EXPECT_TRUE(Plain(spaced, req));
  EXPECT_TRUE(Plain(With(R"(:60000)", " :  60000 "), req));
}

TEST(PlainRequestReader, LeavesEverythingElseToTheFullReader) {
  calc::Request req;
  const std::string cases[] = {
      With(R"("A")", R"("\u0041")"),                     // an escape
      With(R"("A")", "\"\xC3\xA9\""),                    // a byte above 0x7F
      With(R"("A")", R"("")"),                           // an empty id
      With(R"("A")", '"' + std::string(65, 'a') + '"'),  // 65 characters
      With(R"("c2")", R"("c1")"),                        // a duplicated child id
      With(R"("B")", R"("A")"),                          // a duplicated receiving parent id
      With("60000", "60000.0"),                          // a fraction
      With("60000", "6e4"),                              // an exponent
      With("60000", "-1"),                               // a sign
      With("60000", "060000"),                           // a leading zero
      With("60000", "10000000001"),                      // above 10^10 pence
      With("60000", "1234567890123456789012"),           // too many digits
      With(":366", ":367"),                              // above 366 nights
      With(R"("relevant_other_children":1)", R"("relevant_other_children":101)"),
      With(R"("collection")", R"("colection")"),                   // an unknown key
      With(R"("benefits":[])", R"("benefits":[],"benefits":[])"),  // a duplicated key
      With(R"("benefits":[])", R"("benefits":["no_such_benefit"])"),
      With(R"("prior_debts")", R"("no_such_kind")"),
      With(R"("collect_and_pay")", R"("cash")"),
      With(R"("2025-04-07")", R"("2025-02-30")"),
      With(R"("2025-04-07")", R"("3000-01-01")"),
      With(R"({"weekly_pence":60000})",
           R"({"annual_pence":100,"pension_contributions_annual_pence":101})"),
      With(R"({"weekly_pence":60000})", R"({})"),  // no income form
      With(R"({"id":"c3","nights_with_paying_parent":366})", R"({"id":"c3"})"),
      With(R"("children":[{"id":"c3","nights_with_paying_parent":366}])", R"("children":[])"),
      With(R"(null)", R"(nul)"),
      std::string(kValid) + "x",                         // trailing content
      "\xEF\xBB\xBF" + std::string(kValid),              // a byte-order mark
      std::string(kValid.substr(0, kValid.size() - 1)),  // cut short
      "[]",
      "",
  };
  for (const std::string& text : cases) {
    EXPECT_FALSE(Plain(text, req)) << text;
  }
}

TEST(PlainJson, ComparesKeysOfEveryLength) {
  EXPECT_TRUE(Is("id", "id"));
  EXPECT_FALSE(Is("ie", "id"));
  EXPECT_TRUE(Is("receiving_parents", "receiving_parents"));   // 17: two words and a tail
  EXPECT_FALSE(Is("receiving_parentz", "receiving_parents"));  // differs in the tail
  EXPECT_FALSE(Is("receiving-parents", "receiving_parents"));  // differs in the first word
  EXPECT_FALSE(Is("receiving_parent", "receiving_parents"));   // shorter
  EXPECT_TRUE(Is("weekly_p", "weekly_p"));                     // exactly one word
  EXPECT_FALSE(Is("weekly_q", "weekly_p"));
}

TEST(PlainRequestReader, ChecksListLengths) {
  std::string benefits = R"("benefits":[)";
  for (int i = 0; i < 51; ++i) {
    benefits += i == 0 ? R"("income_support")" : R"(,"income_support")";
  }
  benefits += "]";
  calc::Request req;
  EXPECT_FALSE(Plain(With(R"("benefits":[])", benefits), req));
  const std::string fifty = benefits.substr(0, benefits.rfind(',')) + "]";
  EXPECT_TRUE(Plain(With(R"("benefits":[])", fifty), req));
  EXPECT_NE(req.benefits, 0u);
}

}  // namespace
}  // namespace childmaint::contract
