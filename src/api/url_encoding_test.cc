#include "api/url_encoding.h"

#include <gtest/gtest.h>

namespace childmaint::api {
namespace {

TEST(PercentDecode, DecodesPlusAndEscapesAndKeepsMalformedOnes) {
  EXPECT_EQ(PercentDecode("Ann+Lee%2C%20Jr"), "Ann Lee, Jr");
  EXPECT_EQ(PercentDecode("%e2%82%AC"), "\xE2\x82\xAC");
  EXPECT_EQ(PercentDecode("100%"), "100%");
  EXPECT_EQ(PercentDecode("%zz%4"), "%zz%4");
}

TEST(FormField, FindsTheFirstPairOfThatExactName) {
  EXPECT_EQ(FormField("csrf=a&name=Ann+Lee&name=Bob", "name"), "Ann Lee");
  EXPECT_EQ(FormField("names=x&name=", "name"), "");
  EXPECT_EQ(FormField("name&name=y", "name"), "y");
  EXPECT_EQ(FormField("", "name"), "");
}

TEST(CookieIn, FindsTheNamedCookieAfterOptionalSpaces) {
  EXPECT_EQ(CookieIn("a=1;  cms_session=abc; b=2", "cms_session"), "abc");
  EXPECT_EQ(CookieIn("xcms_session=abc", "cms_session"), "");
  EXPECT_EQ(CookieIn("cms_session=", "cms_session"), "");
  EXPECT_EQ(CookieIn("cms_session=a=b", "cms_session"), "a=b");
}

}  // namespace
}  // namespace childmaint::api
