// The console's page helpers: tables of API lists, error summaries, labels.
#include "console/view.h"

#include <gtest/gtest.h>

namespace childmaint::console {
namespace {

TEST(ConsoleView, TableOfAnApiList) {
  auto list = Json::Parse(R"([{"id":1,"amount_pence":7250,"reverses":null,"nested":{"a":1}},)"
                          R"({"id":2,"kind":"write_off","ok":true}])");
  ASSERT_TRUE(list.has_value());
  const Json t = Table("Postings", &*list);
  EXPECT_TRUE(t.Find("has_rows")->AsBool());
  const auto& columns = t.Find("columns")->items();
  ASSERT_EQ(columns.size(), 5u);  // id, amount_pence, reverses, kind, ok; never nested objects
  EXPECT_EQ(columns[1].AsString(), "Amount");
  const auto& rows = t.Find("rows")->items();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].Find("cells")->items()[1].AsString(), "\xC2\xA3" "72.50");
  EXPECT_EQ(rows[1].Find("cells")->items()[4].AsString(), "yes");
  EXPECT_FALSE(Table("None", nullptr).Find("has_rows")->AsBool());
}

TEST(ConsoleView, ErrorItemsLinkToTheFormsFields) {
  auto problem = Json::Parse(R"({"detail":"x","errors":[{"field":"amount_pence","message":"must be more than 0"}]})");
  ASSERT_TRUE(problem.has_value());
  const Json items = ErrorItems(*problem, "payment", [](std::string_view f) {
    return f == "amount_pence" ? std::string("amount") : std::string(f);
  });
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items.items()[0].Find("href")->AsString(), "#payment-amount");
  EXPECT_NE(items.items()[0].Find("text")->AsString().find("must be more than 0"), std::string::npos);
  auto detail_only = Json::Parse(R"({"detail":"An auditor's token cannot change anything."})");
  const Json d = ErrorItems(*detail_only, "", [](std::string_view) { return std::string(); });
  EXPECT_EQ(d.items()[0].Find("text")->AsString(), "An auditor's token cannot change anything.");
  EXPECT_EQ(d.items()[0].Find("href"), nullptr);
}

TEST(ConsoleView, Labels) {
  EXPECT_EQ(Label("received_on"), "Received on");
  EXPECT_EQ(Label("team_leader"), "Team leader");
  EXPECT_EQ(Label(""), "");
}

TEST(ConsoleView, OnlyCookiesGoToTheApi) {
  api::HttpRequest browser;
  browser.headers = {{"cookie", "cms_console=abc"}, {"authorization", "Bearer stolen"}};
  const api::HttpRequest r = AsAccount(browser, "POST", "/api/v1/x", "{}");
  const auto value = [&](std::string_view name) {
    const std::string* v = r.Header(name);
    return v != nullptr ? *v : std::string("(absent)");
  };
  EXPECT_EQ(value("authorization"), "(absent)");
  EXPECT_EQ(value("cookie"), "cms_console=abc");
  EXPECT_EQ(value("content-type"), "application/json");
}

}  // namespace
}  // namespace childmaint::console
