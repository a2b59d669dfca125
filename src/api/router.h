// File: router.h — request in, response out, no sockets (cf. Beast's handle_request kept apart
// from the connection classes): authentication, dispatch by method and path, security headers.
#pragma once

#include "api/context.h"
#include "api/http_types.h"

#include <string>
#include <utility>
#include <vector>

namespace childmaint::api {

HttpResponse Route(Context& ctx, const HttpRequest& req);

// Every (method, path pattern) the router serves; "{}" stands for a path parameter. The OpenAPI
// document must describe each one (openapi_test.cc).
std::vector<std::pair<std::string, std::string>> RouteList();

// A cookie's value ("" when absent).
std::string CookieValue(const HttpRequest& req, std::string_view name);
// The session cookie's value ("" when absent).
std::string SessionCookieValue(const HttpRequest& req);
// Who is calling (bearer token or session cookie); anonymous when neither is valid.
Result<Caller> CallerOf(Context& ctx, const HttpRequest& req);

// The session cookie's name.
inline constexpr std::string_view kSessionCookie = "cms_session";

}  // namespace childmaint::api
