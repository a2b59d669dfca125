#include "portal/portal.h"

#include <array>

#include "api/crypto.h"
#include "api/handler_util.h"
#include "api/router.h"
#include "api/session.h"
#include "cases/case_schedule.h"
#include "portal/render.h"
#include "schedule/schedule.h"
#include "store/case_repository.h"

namespace childmaint::portal {

namespace {

using api::HttpRequest;
using api::HttpResponse;

constexpr int kOk = 200;
constexpr int kSeeOther = 303;
constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kNotFound = 404;
constexpr int kTooMany = 429;
constexpr int kServerError = 500;
constexpr std::string_view kCsrfCookie = "cms_csrf";
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string LongDate(Date d) {
  return std::to_string(d.day()) + " " + std::string(kMonths[d.month() - 1]) + " " +
         std::to_string(d.year());
}

std::string Pounds(std::int64_t pence) {
  std::string s;
  AppendPounds(s, pence);
  return s;
}

std::string CookieNamed(const HttpRequest& req, std::string_view name) {
  const std::string* header = req.Header("cookie");
  if (header == nullptr) {
    return {};
  }
  std::string_view s = *header;
  while (!s.empty()) {
    const auto semi = s.find(';');
    std::string_view part = s.substr(0, semi);
    while (!part.empty() && part.front() == ' ') {
      part.remove_prefix(1);
    }
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    s = semi == std::string_view::npos ? std::string_view() : s.substr(semi + 1);
  }
  return {};
}

int Hex(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// application/x-www-form-urlencoded: the value of `name` ("" when absent).
std::string FormValue(std::string_view body, std::string_view name) {
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view part = body.substr(0, amp);
    const auto eq = part.find('=');
    if (part.substr(0, eq) == name && eq != std::string_view::npos) {
      std::string out;
      const std::string_view v = part.substr(eq + 1);
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '+') {
          out.push_back(' ');
        } else if (v[i] == '%' && i + 2 < v.size() && Hex(v[i + 1]) >= 0 && Hex(v[i + 2]) >= 0) {
          out.push_back(static_cast<char>(Hex(v[i + 1]) * 16 + Hex(v[i + 2])));
          i += 2;
        } else {
          out.push_back(v[i]);
        }
      }
      return out;
    }
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
  }
  return {};
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
    res.headers.emplace_back("Set-Cookie", std::string(kCsrfCookie) + "=" + token +
                                               "; Path=/; HttpOnly; SameSite=Strict" +
                                               (Tls(req) ? "; Secure" : ""));
  }
  return token;
}

bool CsrfOk(const HttpRequest& req) {
  const std::string cookie = CookieNamed(req, kCsrfCookie);
  return !cookie.empty() && api::SameSecret(cookie, FormValue(req.body, "csrf"));
}

HttpResponse Page(int status, std::string_view name, std::string_view title, const Json& data,
                  const HttpRequest& req, bool signed_in) {
  HttpResponse res;
  res.status = status;
  Json frame = Json::Object();
  frame.Set("signed_in", Json(signed_in)).Set("csrf", Json(Csrf(req, res)));
  auto html = RenderPage(name, title, data, frame);
  if (!html) {
    res.status = kServerError;
    res.body = "<!DOCTYPE html><title>Error</title><p>Something went wrong on our side.</p>";
  } else {
    res.body = std::move(*html);
  }
  res.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  SecurityHeaders(res);
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

HttpResponse SignInForm(const HttpRequest& req, int status, std::string_view error,
                        std::string_view reference, std::string_view ni) {
  Json d = Json::Object();
  HttpResponse probe;
  d.Set("csrf", Json(Csrf(req, probe)));
  if (!error.empty()) {
    d.Set("error", Json(error));
  }
  d.Set("case_reference", Json(reference)).Set("ni_number", Json(ni));
  HttpResponse res = Page(status, "sign_in", "Sign in", d, req, false);
  for (auto& h : probe.headers) {
    res.headers.push_back(h);
  }
  return res;
}

HttpResponse PostSignIn(api::Context& ctx, const HttpRequest& req) {
  const std::string reference = FormValue(req.body, "case_reference");
  const std::string ni = FormValue(req.body, "ni_number");
  if (!CsrfOk(req)) {
    return Message(kBadRequest, "Please try again",
                   "The form had expired. Go back to the sign-in page and try again.", req, false);
  }
  auto result = api::SignInParent(ctx, reference, ni, FormValue(req.body, "pin"));
  if (!result) {
    return Message(kServerError, "Sorry, there is a problem with the service",
                   "Please try again later.", req, false);
  }
  switch (result->outcome) {
    case api::SignInResult::Outcome::kLocked: {
      HttpResponse r = SignInForm(req, kTooMany,
                                  "Too many attempts. You can try again in 30 minutes.",
                                  reference, ni);
      r.headers.emplace_back("Retry-After", std::to_string(result->retry_after));
      return r;
    }
    case api::SignInResult::Outcome::kWrongDetails:
      return SignInForm(req, kUnauthorized, api::kWrongDetailsMessage, reference, ni);
    case api::SignInResult::Outcome::kSignedIn:
      break;
  }
  HttpResponse r = Redirect("/overview");
  r.headers.emplace_back("Set-Cookie", api::SessionCookieHeader(result->session, Tls(req)));
  return r;
}

// The signed-in parent's case, or nothing.
std::optional<cases::Case> SignedInCase(api::Context& ctx, const HttpRequest& req,
                                        api::Caller& caller) {
  auto c = api::CallerOf(ctx, req);
  if (!c || !c->IsParent()) {
    return std::nullopt;
  }
  caller = *c;
  auto db = ctx.pool.Acquire();
  auto loaded = store::LoadCaseById(*db, caller.case_id);
  return loaded ? std::optional<cases::Case>(std::move(*loaded)) : std::nullopt;
}

// The receiving-parent entry of the calculation for this case, and what this parent sees weekly
// (api.md "The portal's figures").
std::int64_t WeeklyFor(const Json& calc, const cases::Case& c, const cases::Party& me) {
  const Json* rps = calc.Find("receiving_parents");
  if (rps == nullptr) {
    return 0;
  }
  for (const Json& rp : rps->items()) {
    if (rp.Find("id")->AsString() != c.reference) {
      continue;
    }
    if (c.collection == calc::Collection::kCollectAndPay) {
      return rp.Find(me.pays() ? "paying_parent_pays_pence" : "receiving_parent_gets_pence")->AsInt();
    }
    return rp.Find("weekly_pence")->AsInt();
  }
  return 0;
}

std::string FrequencyText(schedule::Frequency f) {
  switch (f) {
    case schedule::Frequency::kWeekly:
      return "every week";
    case schedule::Frequency::kFortnightly:
      return "every 2 weeks";
    case schedule::Frequency::kFourWeekly:
      return "every 4 weeks";
    case schedule::Frequency::kMonthly:
      break;
  }
  return "every month";
}

Result<Json> OverviewData(api::Context& ctx, const cases::Case& c, const cases::Party& me) {
  Json d = Json::Object();
  d.Set("case_reference", Json(c.reference));
  const cases::Decision* decision = c.CurrentDecision();
  d.Set("decided", Json(decision != nullptr));
  if (decision == nullptr) {
    return d;
  }
  CMS_ASSIGN_OR_RETURN(const Json calc, Json::Parse(decision->response));
  const std::int64_t weekly = WeeklyFor(calc, c, me);
  d.Set("amount", Json(Pounds(weekly)));
  d.Set("amount_explained",
        Json(me.pays() ? std::string("what you pay") +
                             (c.collection == calc::Collection::kCollectAndPay
                                  ? ", including the 20% collection fee"
                                  : "")
                       : std::string("what you receive") +
                             (c.collection == calc::Collection::kCollectAndPay
                                  ? ", after the 4% collection fee"
                                  : "")));
  CMS_ASSIGN_OR_RETURN(const std::int64_t weeks, api::ReferenceWeeks(ctx, decision->effective_date));
  const schedule::ScheduleTerms terms = cases::TermsOf(c, *decision, weeks);
  CMS_ASSIGN_OR_RETURN(const auto first, schedule::Instalments(terms, 1));
  const Date today = ctx.clock.Today();
  CMS_ASSIGN_OR_RETURN(const std::int64_t due_count, schedule::InstalmentsDueBy(terms, today));
  CMS_ASSIGN_OR_RETURN(const auto upcoming, schedule::Instalments(terms, due_count + 1));
  d.Set("instalment", Json(Pounds(first.front().amount.pence())));
  d.Set("frequency_text", Json(FrequencyText(c.frequency)));
  d.Set("next_due", Json(LongDate(upcoming.back().due_date)));
  auto db = ctx.pool.Acquire();
  CMS_ASSIGN_OR_RETURN(const ledger::Statement s, api::StatementOn(ctx, *db, c, today));
  d.Set("arrears", Json(Pounds(s.arrears.pence())));
  return d;
}

Result<Json> CalculationData(const cases::Case& c) {
  Json d = Json::Object();
  const cases::Decision* decision = c.CurrentDecision();
  Json steps = Json::Array();
  if (decision != nullptr) {
    CMS_ASSIGN_OR_RETURN(const Json calc, Json::Parse(decision->response));
    d.Set("effective_date", Json(LongDate(decision->effective_date)));
    if (auto rv = Date::ParseIso(calc.Find("rules_version")->AsString())) {
      d.Set("rules_version", Json(LongDate(*rv)));
    }
    for (const Json& s : calc.Find("steps")->items()) {
      Json step = Json::Object();
      step.Set("description", Json(s.Find("description")->AsString()));
      step.Set("citation", Json(s.Find("citation")->AsString()));
      if (const Json* amount = s.Find("amount_pence")) {
        step.Set("amount", Json(Pounds(amount->AsInt())));
      }
      steps.Push(std::move(step));
    }
  }
  d.Set("steps", std::move(steps));
  return d;
}

Result<Json> PaymentsData(api::Context& ctx, const cases::Case& c) {
  Json d = Json::Object();
  d.Set("frequency_text", Json(FrequencyText(c.frequency)));
  Json list = Json::Array();
  if (const cases::Decision* decision = c.CurrentDecision()) {
    CMS_ASSIGN_OR_RETURN(const std::int64_t weeks, api::ReferenceWeeks(ctx, decision->effective_date));
    const schedule::ScheduleTerms terms = cases::TermsOf(c, *decision, weeks);
    CMS_ASSIGN_OR_RETURN(const Money arrears, schedule::InitialArrearsOf(terms));
    if (arrears.pence() > 0) {
      Json ia = Json::Object();
      ia.Set("due", Json(LongDate(decision->first_payment_date)));
      ia.Set("amount", Json(Pounds(arrears.pence())));
      d.Set("initial_arrears", std::move(ia));
    }
    CMS_ASSIGN_OR_RETURN(const auto instalments,
                         schedule::Instalments(terms, schedule::InstalmentsPerYear(c.frequency)));
    for (const schedule::Instalment& i : instalments) {
      Json row = Json::Object();
      row.Set("due", Json(LongDate(i.due_date))).Set("amount", Json(Pounds(i.amount.pence())));
      list.Push(std::move(row));
    }
  }
  d.Set("instalments", std::move(list));
  auto db = ctx.pool.Acquire();
  CMS_ASSIGN_OR_RETURN(const ledger::Statement s, api::StatementOn(ctx, *db, c, ctx.clock.Today()));
  d.Set("due", Json(Pounds(s.due.pence()))).Set("paid", Json(Pounds(s.paid.pence())));
  d.Set("arrears", Json(Pounds(s.arrears.pence()))).Set("credit", Json(Pounds(s.credit.pence())));
  return d;
}

}  // namespace

HttpResponse Handle(api::Context& ctx, const HttpRequest& req) {
  const std::string path = req.target.substr(0, req.target.find('?'));
  if (path == "/sign-in") {
    if (req.method == "POST") {
      return PostSignIn(ctx, req);
    }
    return SignInForm(req, kOk, "", "", "");
  }
  api::Caller caller;
  std::optional<cases::Case> c = SignedInCase(ctx, req, caller);
  if (path == "/sign-out" && req.method == "POST") {
    if (!CsrfOk(req)) {
      return Message(kBadRequest, "Please try again", "The form had expired.", req, c.has_value());
    }
    if (const std::string session = api::SessionCookieValue(req); !session.empty()) {
      api::EndSession(ctx, session);
    }
    HttpResponse r = Redirect("/sign-in");
    r.headers.emplace_back("Set-Cookie", api::SessionCookieHeader("", Tls(req)));
    return r;
  }
  if (path == "/" || path == "/overview" || path == "/calculation" || path == "/payments") {
    if (!c) {
      return Redirect("/sign-in");
    }
    if (path == "/") {
      return Redirect("/overview");
    }
    const cases::Party* me = c->FindParty(caller.party_id);
    Result<Json> data = path == "/overview"      ? OverviewData(ctx, *c, *me)
                        : path == "/calculation" ? CalculationData(*c)
                                                 : PaymentsData(ctx, *c);
    if (!data) {
      return Message(kServerError, "Sorry, there is a problem with the service",
                     "Please try again later.", req, true);
    }
    const std::string name = path.substr(1);
    const std::string_view title = path == "/overview"      ? "Your case"
                                   : path == "/calculation" ? "How we worked this out"
                                                            : "Payment plan and payments";
    return Page(kOk, name, title, *data, req, true);
  }
  return Message(kNotFound, "Page not found", "There is nothing at this address.", req,
                 c.has_value());
}

}  // namespace childmaint::portal
