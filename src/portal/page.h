// File: page.h — what every portal page shares: rendering inside the layout with the security
// headers, redirects, messages, form values and the CSRF check.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"
#include "base/json.h"
#include "base/result.h"

namespace childmaint::portal {

std::string CookieNamed(const api::HttpRequest& req, std::string_view name);
// application/x-www-form-urlencoded: the value of `name` ("" when absent).
std::string FormValue(std::string_view body, std::string_view name);
void SecurityHeaders(api::HttpResponse& r);
bool Tls(const api::HttpRequest& req);
// The page's CSRF token: the request's cookie, or a new one the response sets.
std::string Csrf(const api::HttpRequest& req, api::HttpResponse& res);
// A form's token matches its cookie (double submit; the cookie is SameSite=Strict and HttpOnly);
// the token is read from an urlencoded body or, for uploads, a multipart/form-data part "csrf".
bool CsrfOk(const api::HttpRequest& req);
// The template inside the layout; `data` gets the page's CSRF token as "csrf" unless it has one.
// The response's body, Content-Type and security headers for a rendered page (a 500 page when
// rendering failed).
void HtmlBody(api::HttpResponse& res, Result<std::string> html);
api::HttpResponse Page(int status, std::string_view name, std::string_view title, const Json& data,
                       const api::HttpRequest& req, bool signed_in);
api::HttpResponse Redirect(std::string_view to);
api::HttpResponse Message(int status, std::string_view heading, std::string_view text,
                          const api::HttpRequest& req, bool signed_in);

}  // namespace childmaint::portal
