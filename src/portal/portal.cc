#include "portal/portal.h"

#include "api/crypto.h"
#include "api/handler_util.h"
#include "api/router.h"
#include "api/session.h"
#include "cases/case_schedule.h"
#include "cases/linked_cases.h"
#include "portal/documents_page.h"
#include "portal/forms.h"
#include "portal/lists.h"
#include "portal/page.h"
#include "portal/pin_pages.h"
#include "portal/render.h"
#include "schedule/schedule.h"
#include "store/case_repository.h"

namespace childmaint::portal {

namespace {

using api::HttpRequest;
using api::HttpResponse;

constexpr int kOk = 200;
constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kNotFound = 404;
constexpr int kTooMany = 429;
constexpr int kServerError = 500;
std::string Pounds(std::int64_t pence) {
  std::string s;
  AppendPounds(s, pence);
  return s;
}

HttpResponse SignInForm(const HttpRequest& req, int status, std::string_view error,
                        std::string_view reference, std::string_view ni) {
  Json d = Json::Object();
  if (!error.empty()) {
    d.Set("error", Json(error));
  }
  d.Set("case_reference", Json(reference)).Set("ni_number", Json(ni));
  return Page(status, "sign_in", "Sign in", d, req, false);
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
  d.Set("next_due", Json(upcoming.back().due_date.ToLongText()));
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
    // Other cases of the same paying parent appear without their references (INTERP-111).
    CMS_ASSIGN_OR_RETURN(const Json calc,
                         Json::Parse(cases::WithoutOtherReferences(decision->response, c.reference)));
    d.Set("effective_date", Json(decision->effective_date.ToLongText()));
    if (auto rv = Date::ParseIso(calc.Find("rules_version")->AsString())) {
      d.Set("rules_version", Json(rv->ToLongText()));
    }
    std::int64_t number = 0;
    for (const Json& s : calc.Find("steps")->items()) {
      Json step = Json::Object();
      step.Set("number", Json(++number));
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

// The payment plan from today (the next year of instalments, and the initial arrears while they
// are still to come), the account today, and the payment history.
Result<Json> PaymentsData(api::Context& ctx, const cases::Case& c) {
  Json d = Json::Object();
  d.Set("frequency_text", Json(FrequencyText(c.frequency)));
  const Date today = ctx.clock.Today();
  Json list = Json::Array();
  if (const cases::Decision* decision = c.CurrentDecision()) {
    CMS_ASSIGN_OR_RETURN(const std::int64_t weeks, api::ReferenceWeeks(ctx, decision->effective_date));
    const schedule::ScheduleTerms terms = cases::TermsOf(c, *decision, weeks);
    CMS_ASSIGN_OR_RETURN(const Money arrears, schedule::InitialArrearsOf(terms));
    if (arrears.pence() > 0 && today <= decision->first_payment_date) {
      Json ia = Json::Object();
      ia.Set("due", Json(decision->first_payment_date.ToLongText()));
      ia.Set("amount", Json(Pounds(arrears.pence())));
      d.Set("initial_arrears", std::move(ia));
    }
    CMS_ASSIGN_OR_RETURN(const std::int64_t due_count, schedule::InstalmentsDueBy(terms, today));
    const std::int64_t year = schedule::InstalmentsPerYear(c.frequency);
    CMS_ASSIGN_OR_RETURN(const auto instalments, schedule::Instalments(terms, due_count + year));
    for (std::size_t i = static_cast<std::size_t>(due_count); i < instalments.size(); ++i) {
      Json row = Json::Object();
      row.Set("due", Json(instalments[i].due_date.ToLongText()));
      row.Set("amount", Json(Pounds(instalments[i].amount.pence())));
      list.Push(std::move(row));
    }
  }
  d.Set("instalments", std::move(list));
  auto db = ctx.pool.Acquire();
  CMS_ASSIGN_OR_RETURN(const ledger::Statement s, api::StatementOn(ctx, *db, c, today));
  d.Set("due", Json(Pounds(s.due.pence()))).Set("paid", Json(Pounds(s.paid.pence())));
  d.Set("arrears", Json(Pounds(s.arrears.pence()))).Set("credit", Json(Pounds(s.credit.pence())));
  CMS_ASSIGN_OR_RETURN(const auto postings, store::LoadPostings(*db, c.id));
  Json history = PaymentHistory(postings, today);
  d.Set("has_history", Json(history.size() > 0)).Set("history", std::move(history));
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
  if (auto pin_page = HandlePinPage(ctx, req, path)) {
    return *pin_page;
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
  if (path == kDocumentsPath) {
    return c ? DocumentsPage(ctx, req, *c) : Redirect("/sign-in");
  }
  if (!c && IsFormPath(path)) {
    return Redirect("/sign-in");
  }
  if (c) {
    if (auto form = HandleForm(ctx, req, path, *c)) {
      return *form;
    }
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
