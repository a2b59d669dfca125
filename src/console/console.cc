#include "console/console.h"

#include <cctype>

#include "api/accounts.h"
#include "api/handlers.h"
#include "api/router.h"
#include "console/case_page.h"
#include "console/queues.h"
#include "console/view.h"
#include "portal/page.h"

namespace childmaint::console {

using api::HttpRequest;
using api::HttpResponse;

namespace {

constexpr int kOk = 200;
constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kNotFound = 404;
constexpr int kTooMany = 429;
constexpr int kServerError = 500;
constexpr std::string_view kSignIn = "/console/sign-in";

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  while (!path.empty()) {
    const auto slash = path.find('/');
    if (slash != 0) {
      out.emplace_back(path.substr(0, slash));
    }
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return out;
}

HttpResponse SignInForm(const HttpRequest& req, int status, std::string_view error,
                        std::string_view name) {
  Json d = Json::Object();
  d.Set("name", Json(name));
  if (!error.empty()) {
    d.Set("error", Json(error));
  }
  return ConsolePage(status, "sign_in", "Sign in to the caseworker console", std::move(d), req,
                     nullptr);
}

HttpResponse PostSignIn(api::Context& ctx, const HttpRequest& req) {
  const std::string name = portal::FormValue(req.body, "name");
  if (!portal::CsrfOk(req)) {
    return ConsoleMessage(kBadRequest, "Please try again",
                          "The form had expired. Go back to the sign-in page and try again.", req,
                          nullptr);
  }
  auto result = api::SignInAccount(ctx, name, portal::FormValue(req.body, "password"));
  if (!result) {
    return ConsoleMessage(kServerError, "Sorry, there is a problem with the service",
                          "Please try again later.", req, nullptr);
  }
  switch (result->outcome) {
    case api::AccountSignIn::Outcome::kLocked: {
      HttpResponse r = SignInForm(
          req, kTooMany, "Too many attempts. You can try again in 30 minutes.", name);
      r.headers.emplace_back("Retry-After", std::to_string(result->retry_after));
      return r;
    }
    case api::AccountSignIn::Outcome::kWrongDetails:
      return SignInForm(req, kUnauthorized, "We could not sign you in with those details.", name);
    case api::AccountSignIn::Outcome::kSignedIn:
      break;
  }
  HttpResponse r = portal::Redirect("/console");
  // A new session id at every sign-in (any earlier cookie is replaced).
  r.headers.emplace_back("Set-Cookie", api::ConsoleCookieHeader(result->session, portal::Tls(req)));
  return r;
}

HttpResponse SignOut(api::Context& ctx, const HttpRequest& req) {
  if (!portal::CsrfOk(req)) {
    return ConsoleMessage(kBadRequest, "Please try again", "The form had expired.", req, nullptr);
  }
  if (const std::string session = api::CookieValue(req, api::kConsoleCookie); !session.empty()) {
    api::EndConsoleSession(ctx, session);
  }
  HttpResponse r = portal::Redirect(kSignIn);
  r.headers.emplace_back("Set-Cookie", api::ConsoleCookieHeader("", portal::Tls(req)));
  return r;
}

// GET /console?q=...: find a case.
HttpResponse Search(api::Context& ctx, const HttpRequest& req, const api::Caller& who) {
  const auto q = req.target.find('?');
  const std::string text =
      q == std::string::npos ? "" : portal::FormValue(req.target.substr(q + 1), "q");
  Json d = Json::Object();
  d.Set("q", Json(text));
  int status = kOk;
  if (!text.empty()) {
    std::string encoded;
    for (const char c : text) {
      const auto ch = static_cast<unsigned char>(c);
      if (std::isalnum(ch) != 0) {
        encoded.push_back(static_cast<char>(ch));
      } else {
        constexpr std::string_view kHex = "0123456789ABCDEF";
        encoded += '%';
        encoded += kHex[ch >> 4];
        encoded += kHex[ch & 0xF];
      }
    }
    const ApiAnswer a = CallApi(ctx, req, "GET", "/api/v1/cases?q=" + encoded);
    if (!a.ok()) {
      status = a.status;
      d.Set("errors", ErrorItems(a.body, "search", [](std::string_view) { return "q"; }));
    } else {
      Json results = Json::Array();
      for (const Json& item : FirstList(a.body)->items()) {
        Json r = Json::Object();
        r.Set("case_reference", Json(item.Find("case_reference")->AsString()));
        r.Set("status", Json(Label(item.Find("status")->AsString())));
        std::string names;
        bool any_protected = false;
        for (const Json& p : item.Find("parties")->items()) {
          names += (names.empty() ? "" : ", ") + p.Find("name")->AsString() + " (" +
                   Label(p.Find("role")->AsString()) + ")";
          any_protected = any_protected || p.Find("domestic_abuse_protection")->AsBool();
        }
        r.Set("parties", Json(names)).Set("protected", Json(any_protected));
        results.Push(std::move(r));
      }
      d.Set("searched", Json(true)).Set("has_results", Json(results.size() > 0));
      d.Set("results", std::move(results));
    }
  }
  return ConsolePage(status, "search", "Find a case", std::move(d), req, &who);
}

}  // namespace

bool IsConsolePath(std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  return path == "/console" || path.starts_with("/console/");
}

HttpResponse Handle(api::Context& ctx, const HttpRequest& req) {
  const std::string path = req.target.substr(0, req.target.find('?'));
  const bool post = req.method == "POST";
  if (path == kSignIn) {
    return post ? PostSignIn(ctx, req) : SignInForm(req, kOk, "", "");
  }
  if (path == "/console/sign-out" && post) {
    return SignOut(ctx, req);
  }
  const std::optional<api::Caller> who = SignedIn(ctx, req);
  if (!who) {
    return portal::Redirect(kSignIn);
  }
  if (post && !portal::CsrfOk(req)) {
    return ConsoleMessage(kBadRequest, "Please try again",
                          "The form had expired. Go back to the page and try again.", req, &*who);
  }
  const std::vector<std::string> parts = Segments(path);  // "console", ...
  if (!post && parts.size() == 1) {
    return Search(ctx, req, *who);
  }
  if (!post && parts.size() == 2 && parts[1] == "queues") {
    return QueuesPage(ctx, req, *who);
  }
  if (parts.size() >= 3 && parts[1] == "cases") {
    if (!post && parts.size() == 3) {
      return CasePage(ctx, req, *who, parts[2]);
    }
    if (post && parts.size() == 4) {
      return PostCaseForm(ctx, req, *who, parts[2], parts[3]);
    }
  }
  if (post && parts.size() == 4 &&
      ((parts[1] == "work-items" && parts[3] == "resolve") ||
       (parts[1] == "applications" && parts[3] == "traced-address"))) {
    return PostQueueForm(ctx, req, *who, parts[3], parts[2]);
  }
  return ConsoleMessage(kNotFound, "Page not found", "There is nothing at this address.", req,
                        &*who);
}

}  // namespace childmaint::console
