#include "portal/page.h"

#include "api/crypto.h"
#include "api/multipart.h"
#include "api/handlers.h"
#include "api/router.h"
#include "api/session.h"
#include "api/url_encoding.h"
#include "portal/render.h"

namespace childmaint::portal {

using api::HttpRequest;
using api::HttpResponse;

namespace {

constexpr int kServerError = 500;
constexpr int kSeeOther = 303;
constexpr std::string_view kCsrfCookie = "cms_csrf";

}  // namespace

std::string CookieNamed(const HttpRequest& req, std::string_view name) {
  return api::CookieValue(req, name);
}

// application/x-www-form-urlencoded: the value of `name` ("" when absent).
std::string FormValue(std::string_view body, std::string_view name) {
  return api::FormField(body, name);
}

void SecurityHeaders(HttpResponse& r) {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self'; img-src "
                         "'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-store");
}

bool Tls(const HttpRequest& req) {
  const std::string* proto = req.Header("x-forwarded-proto");
  return proto != nullptr && *proto == "https";
}

// The page's CSRF token: the request's cookie, or a new one the response sets.
std::string Csrf(const HttpRequest& req, HttpResponse& res) {
  std::string token = CookieNamed(req, kCsrfCookie);
  if (token.empty()) {
    token = api::RandomToken();
    res.headers.emplace_back("Set-Cookie", api::CookieHeader(kCsrfCookie, token, "/", Tls(req)));
  }
  return token;
}

// The form's csrf field: a part of a multipart/form-data body (uploads), else urlencoded.
std::string CsrfField(const HttpRequest& req) {
  const std::string* type = req.Header("content-type");
  if (type == nullptr || !api::MultipartBoundary(*type)) {
    return FormValue(req.body, "csrf");
  }
  const auto parts = api::ParseMultipart(*type, req.body);
  const api::MultipartPart* csrf = parts ? api::FindPart(*parts, "csrf") : nullptr;
  return csrf != nullptr ? std::string(csrf->data) : std::string();
}

bool CsrfOk(const HttpRequest& req) {
  const std::string cookie = CookieNamed(req, kCsrfCookie);
  return !cookie.empty() && api::SameSecret(cookie, CsrfField(req));
}

void HtmlBody(HttpResponse& res, Result<std::string> html) {
  if (!html) {
    res.status = kServerError;
    res.body = "<!DOCTYPE html><title>Error</title><p>Something went wrong on our side.</p>";
  } else {
    res.body = std::move(*html);
  }
  res.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  SecurityHeaders(res);
}

HttpResponse Page(int status, std::string_view name, std::string_view title, const Json& data,
                  const HttpRequest& req, bool signed_in) {
  HttpResponse res;
  res.status = status;
  Json frame = Json::Object();
  frame.Set("signed_in", Json(signed_in)).Set("csrf", Json(Csrf(req, res)));
  HtmlBody(res, RenderPage(name, title, data, frame));
  return res;
}

HttpResponse Redirect(std::string_view to) {
  HttpResponse r;
  r.status = kSeeOther;
  r.headers.emplace_back("Location", std::string(to));
  SecurityHeaders(r);
  return r;
}

HttpResponse Message(int status, std::string_view heading, std::string_view text,
                     const HttpRequest& req, bool signed_in) {
  Json d = Json::Object();
  d.Set("heading", Json(heading)).Set("text", Json(text));
  return Page(status, "message", heading, d, req, signed_in);
}

}  // namespace childmaint::portal
