// The OpenAPI document describes every endpoint the router serves, with the same methods.
#include <gtest/gtest.h>

#include <regex>

#include "api/openapi_bundle.h"
#include "api/router.h"
#include "base/json.h"

namespace childmaint::api {
namespace {

TEST(OpenApi, DescribesEveryRoute) {
  const auto doc = Json::Parse(EmbeddedOpenApi().front().text);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->Find("openapi")->AsString(), "3.0.3");
  const Json* paths = doc->Find("paths");
  ASSERT_NE(paths, nullptr);
  const std::regex param(R"(\{[a-z_]+\})");
  const auto routes = RouteList();
  EXPECT_GT(routes.size(), 30u);
  for (const auto& [method, pattern] : routes) {
    bool found = false;
    for (const auto& [path, item] : paths->members()) {
      if (std::regex_replace(path, param, "{}") != pattern) {
        continue;
      }
      std::string lower = method;
      for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      found = item.Find(lower) != nullptr;
    }
    EXPECT_TRUE(found) << method << " " << pattern << " is not in openapi.json";
  }
}

}  // namespace
}  // namespace childmaint::api
