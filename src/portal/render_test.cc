#include "portal/render.h"

#include <gtest/gtest.h>

namespace childmaint::portal {
namespace {

TEST(Render, EscapesEveryValue) {
  Json d = Json::Object();
  d.Set("heading", Json("<script>alert(1)</script>")).Set("text", Json("Tom & \"Jerry\""));
  const auto html = Render("message", d);
  ASSERT_TRUE(html.has_value()) << html.error().message;
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html->find("Tom &amp; &quot;Jerry&quot;"), std::string::npos);
}

TEST(Render, SignInFormHasTheLabelsAutomatedChecksUse) {
  Json d = Json::Object();
  d.Set("csrf", Json("token"));
  Json frame = Json::Object();
  frame.Set("signed_in", Json(false)).Set("csrf", Json("token"));
  const auto html = RenderPage("sign_in", "Sign in", d, frame);
  ASSERT_TRUE(html.has_value());
  for (const char* label : {">Case reference number</label>", ">National Insurance number</label>",
                            ">PIN</label>", ">Sign in</button>", "name=\"csrf\" value=\"token\""}) {
    EXPECT_NE(html->find(label), std::string::npos) << label;
  }
  EXPECT_EQ(html->find("Sign out"), std::string::npos);
}

TEST(Render, UnknownTemplateIsAnError) { EXPECT_FALSE(Render("nope", Json::Object()).has_value()); }

}  // namespace
}  // namespace childmaint::portal
