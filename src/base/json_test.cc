#include "base/json.h"

#include <gtest/gtest.h>

namespace childmaint {
namespace {

TEST(Json, ParsesAndDumps) {
  const auto j = Json::Parse(R"({"a":1,"b":[true,null,"x\"y"],"c":{"d":-5}})");
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->Find("a")->AsInt(), 1);
  EXPECT_TRUE(j->Find("b")->items()[0].AsBool());
  EXPECT_TRUE(j->Find("b")->items()[1].IsNull());
  EXPECT_EQ(j->Find("b")->items()[2].AsString(), "x\"y");
  EXPECT_EQ(j->Find("c")->Find("d")->AsInt(), -5);
  EXPECT_EQ(j->Dump(), R"({"a":1,"b":[true,null,"x\"y"],"c":{"d":-5}})");
  EXPECT_EQ(j->Find("missing"), nullptr);
}

TEST(Json, NonIntegerNumbersKeepTheirText) {
  const auto j = Json::Parse(R"([1.5, 1e3, 99999999999999999999, -0])");
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->items()[0].type(), Json::Type::kOtherNumber);
  EXPECT_EQ(j->items()[0].AsString(), "1.5");
  EXPECT_EQ(j->items()[1].type(), Json::Type::kOtherNumber);
  EXPECT_EQ(j->items()[2].type(), Json::Type::kOtherNumber);
  EXPECT_TRUE(j->items()[3].IsInt());
}

TEST(Json, RejectsMalformedAndTooDeep) {
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "NaN", "\xFF", "{} x"}) {
    EXPECT_FALSE(Json::Parse(bad).has_value()) << bad;
  }
  // A NUL byte is not the end of the text: what follows it still counts.
  EXPECT_FALSE(Json::Parse(std::string_view("{}\0 x", 5)).has_value());
  EXPECT_FALSE(Json::Parse(std::string_view("\"a\0\"", 4)).has_value());
  EXPECT_TRUE(Json::Parse(R"("a\u0000")").has_value());
  EXPECT_TRUE(Json::Parse(std::string(64, '[') + std::string(64, ']')).has_value());
  EXPECT_FALSE(Json::Parse(std::string(65, '[') + std::string(65, ']')).has_value());
}

TEST(Json, Building) {
  Json o = Json::Object();
  o.Set("x", Json(1)).Set("y", Json("z")).Set("x", Json(2));
  Json a = Json::Array();
  a.Push(Json(true)).Push(Json());
  o.Set("list", std::move(a));
  EXPECT_EQ(o.Dump(), R"({"x":2,"y":"z","list":[true,null]})");
}

}  // namespace
}  // namespace childmaint
