#include "console/case_page.h"

#include "api/handlers.h"
#include "console/forms.h"
#include "console/view.h"
#include "portal/page.h"

namespace childmaint::console {

using api::HttpRequest;
using api::HttpResponse;

namespace {

constexpr int kOk = 200;
constexpr int kNotFound = 404;
constexpr int kUnprocessable = 422;

// A form that came back with problems: shown again with its values and the errors.
struct Failure {
  std::string action;
  int status = kUnprocessable;
  Json errors = Json::Array();
};

std::string Str(const Json& j, std::string_view key) {
  const Json* v = j.Find(key);
  if (v == nullptr) {
    return "";
  }
  if (v->type() == Json::Type::kInt) {
    return std::to_string(v->AsInt());
  }
  return v->IsString() ? v->AsString() : "";
}

std::int64_t Int(const Json& j, std::string_view key) {
  const Json* v = j.Find(key);
  return v != nullptr && v->type() == Json::Type::kInt ? v->AsInt() : 0;
}

// The items of a list, or none.
const std::vector<Json>& Items(const Json* list) {
  static const Json kEmpty = Json::Array();
  return list != nullptr && list->IsArray() ? list->items() : kEmpty.items();
}

Json Row(std::string_view key, std::string value) {
  Json r = Json::Object();
  r.Set("key", Json(key)).Set("value", Json(value.empty() ? std::string("Not known") : value));
  return r;
}

// A party with every detail: caseworkers may see a protected party's details (marked).
Json PartyView(const Json& p) {
  Json v = Json::Object();
  v.Set("name", Json(Str(p, "name"))).Set("role", Json(Label(Str(p, "role"))));
  const Json* protection = p.Find("domestic_abuse_protection");
  v.Set("protected", Json(protection != nullptr && protection->IsBool() && protection->AsBool()));
  Json rows = Json::Array();
  rows.Push(Row("Party id", Str(p, "id")));
  rows.Push(Row("NI number", Str(p, "ni_number")));
  rows.Push(Row("Date of birth", Str(p, "date_of_birth")));
  std::string address;
  if (const Json* a = p.Find("address"); a != nullptr && a->IsObject()) {
    address = Str(*a, "line1") + ", " + Str(*a, "town") + ", " + Str(*a, "postcode");
  }
  rows.Push(Row("Address", address));
  rows.Push(Row("Phone", Str(p, "phone")));
  rows.Push(Row("Email", Str(p, "email")));
  rows.Push(Row("Employer", Str(p, "employer")));
  rows.Push(Row("Bank details", Str(p, "bank_details")));
  v.Set("rows", std::move(rows));
  return v;
}

// Every decision, newest first, with every step of its calculation and the law it applied.
Json DecisionsView(const Json& list, std::int64_t current_id) {
  Json out = Json::Array();
  std::vector<const Json*> all;
  for (const Json& d : list.items()) {
    all.push_back(&d);
  }
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const Json& d = **it;
    Json v = Json::Object();
    v.Set("id", Json(Int(d, "id"))).Set("kind", Json(Label(Str(d, "kind"))));
    v.Set("current", Json(Int(d, "id") == current_id));
    v.Set("effective_date", Json(Str(d, "effective_date")));
    v.Set("first_payment_date", Json(Str(d, "first_payment_date")));
    v.Set("weekly", Json(Pounds(Int(d, "weekly_pence"))));
    v.Set("notified_on", Json(Str(d, "notified_on")));
    Json steps = Json::Array();
    if (const Json* calc = d.Find("calculation"); calc != nullptr && calc->IsObject()) {
      v.Set("rules_version", Json(Str(*calc, "rules_version")));
      if (const Json* s = calc->Find("steps"); s != nullptr && s->IsArray()) {
        for (const Json& step : s->items()) {
          Json sv = Json::Object();
          sv.Set("description", Json(Str(step, "description")));
          sv.Set("citation", Json(Str(step, "citation")));
          const Json* amount = step.Find("amount_pence");
          sv.Set("amount", Json(amount != nullptr && amount->type() == Json::Type::kInt
                                    ? Pounds(amount->AsInt())
                                    : std::string()));
          steps.Push(std::move(sv));
        }
      }
    }
    v.Set("steps", std::move(steps));
    out.Push(std::move(v));
  }
  return out;
}

Json FormsView(const std::vector<CaseForm>& forms, const HttpRequest& req,
               const Failure* failure) {
  Json out = Json::Array();
  for (const CaseForm& f : forms) {
    const bool failed = failure != nullptr && failure->action == f.action;
    Json fv = Json::Object();
    fv.Set("action", Json(f.action)).Set("heading", Json(f.heading));
    fv.Set("button", Json(f.button)).Set("team_leader_only", Json(f.team_leader_only));
    Json fields = Json::Array();
    for (const FormField& field : f.fields) {
      const std::string value = failed ? portal::FormValue(req.body, field.name) : "";
      Json j = Json::Object();
      j.Set("id", Json(f.action + "-" + field.name)).Set("name", Json(field.name));
      j.Set("label", Json(field.label));
      if (!field.hint.empty()) {
        j.Set("hint", Json(field.hint));
      }
      for (const char* kind : {"text", "date", "area", "select"}) {
        j.Set(std::string("is_") + kind, Json(field.kind == kind));
      }
      j.Set("value", Json(value));
      // The field's own message, under its label (GOV.UK error message pattern).
      if (failed) {
        for (const Json& e : failure->errors.items()) {
          const Json* href = e.Find("href");
          if (href != nullptr && href->AsString() == "#" + f.action + "-" + field.name) {
            j.Set("error", Json(e.Find("text")->AsString()));
          }
        }
      }
      Json options = Json::Array();
      for (const auto& [v, label] : field.options) {
        Json o = Json::Object();
        o.Set("value", Json(v)).Set("label", Json(label)).Set("selected", Json(failed && v == value));
        options.Push(std::move(o));
      }
      j.Set("options", std::move(options));
      fields.Push(std::move(j));
    }
    fv.Set("fields", std::move(fields));
    fv.Set("has_errors", Json(failed));
    out.Push(std::move(fv));
  }
  return out;
}

Json Section(api::Context& ctx, const HttpRequest& req, const std::string& ref,
             std::string_view suffix, std::string_view heading) {
  const ApiAnswer a = CallApi(ctx, req, "GET", "/api/v1/cases/" + ref + std::string(suffix));
  return Table(heading, a.ok() ? FirstList(a.body) : nullptr);
}

HttpResponse Show(api::Context& ctx, const HttpRequest& req, const api::Caller& who,
                  const std::string& ref, const Failure* failure) {
  const ApiAnswer kase = CallApi(ctx, req, "GET", "/api/v1/cases/" + ref);
  if (!kase.ok()) {
    return ConsoleMessage(kNotFound, "Case not found", "There is no case with that reference.",
                          req, &who);
  }
  const Json& c = kase.body;
  const std::string base = "/api/v1/cases/" + ref;
  Json d = Json::Object();
  d.Set("case_reference", Json(Str(c, "case_reference")));
  Json summary = Json::Array();
  summary.Push(Row("Status", Label(Str(c, "status"))));
  summary.Push(Row("Collection", Label(Str(c, "collection"))));
  summary.Push(Row("Payment frequency", Label(Str(c, "payment_frequency"))));
  if (const Json* fee = c.Find("application_fee")) {
    summary.Push(Row("Application fee", Label(Str(*fee, "status"))));
  }
  summary.Push(Row("Initial effective date", Str(c, "initial_effective_date")));
  summary.Push(Row("Next review", Str(c, "next_review_date")));
  d.Set("summary", std::move(summary));
  CaseChoices choices;
  Json parties = Json::Array();
  for (const Json& p : Items(c.Find("parties"))) {
    parties.Push(PartyView(p));
    choices.parties.emplace_back(Str(p, "id"), Str(p, "name") + " (" + Label(Str(p, "role")) + ")");
  }
  d.Set("parties", std::move(parties));
  const Json* children = c.Find("children");
  d.Set("children", Table("Children", children));
  for (const Json& ch : Items(children)) {
    choices.children.emplace_back(Str(ch, "id"), Str(ch, "name"));
  }
  const Json* current = c.Find("current_decision");
  const std::int64_t current_id = current != nullptr && current->IsObject() ? Int(*current, "id") : 0;
  const ApiAnswer decisions = CallApi(ctx, req, "GET", base + "/decisions");
  if (const Json* list = decisions.ok() ? FirstList(decisions.body) : nullptr) {
    d.Set("decisions", DecisionsView(*list, current_id));
  }
  const ApiAnswer schedule = CallApi(ctx, req, "GET", base + "/schedule");
  if (schedule.ok()) {
    if (const Json* ia = schedule.body.Find("initial_arrears"); ia != nullptr && ia->IsObject()) {
      d.Set("initial_arrears", Json(Pounds(Int(*ia, "amount_pence")) + " due " + Str(*ia, "due_date")));
    }
    d.Set("schedule", Table("Instalments", schedule.body.Find("instalments")));
  }
  const ApiAnswer statement = CallApi(ctx, req, "GET", base + "/statement");
  if (statement.ok()) {
    Json s = Json::Array();
    for (const char* key : {"due_pence", "paid_pence", "arrears_pence", "credit_pence"}) {
      s.Push(Row(Label(std::string_view(key).substr(0, std::string_view(key).size() - 6)),
                 Pounds(Int(statement.body, key))));
    }
    d.Set("statement_as_of", Json(Str(statement.body, "as_of")));
    d.Set("statement", std::move(s));
    const Json* postings = statement.body.Find("postings");
    d.Set("postings", Table("Ledger postings", postings));
    for (const Json& p : Items(postings)) {
      choices.postings.emplace_back(Str(p, "id"), "Posting " + Str(p, "id") + ": " +
                                                      Label(Str(p, "kind")) + " " +
                                                      Pounds(Int(p, "amount_pence")) + " on " +
                                                      Str(p, "effective_on"));
    }
  }
  const ApiAnswer complaints = CallApi(ctx, req, "GET", base + "/complaints");
  if (const Json* list = complaints.ok() ? FirstList(complaints.body) : nullptr) {
    for (const Json& cp : list->items()) {
      if (Str(cp, "status") == "open" || Str(cp, "status") == "acknowledged") {
        choices.complaints.emplace_back(Str(cp, "id"), "Complaint " + Str(cp, "id") + " received " +
                                                           Str(cp, "received_on"));
      }
    }
  }
  Json sections = Json::Array();
  sections.Push(Section(ctx, req, ref, "/enforcement-actions", "Enforcement actions"));
  sections.Push(Table("Complaints", complaints.ok() ? FirstList(complaints.body) : nullptr));
  sections.Push(Section(ctx, req, ref, "/reconsiderations", "Reconsiderations"));
  sections.Push(Section(ctx, req, ref, "/appeals", "Appeals"));
  sections.Push(Section(ctx, req, ref, "/changes", "Changes of circumstances"));
  sections.Push(Section(ctx, req, ref, "/missed-payments", "Missed payments"));
  sections.Push(Section(ctx, req, ref, "/parentage-disputes", "Parentage disputes"));
  const ApiAnswer items = CallApi(ctx, req, "GET", "/api/v1/work-items");
  Json mine = Json::Array();
  if (const Json* list = items.ok() ? FirstList(items.body) : nullptr) {
    for (const Json& w : list->items()) {
      if (Str(w, "case_reference") == ref) {
        mine.Push(w);
      }
    }
  }
  sections.Push(Table("Work items", &mine));
  sections.Push(Section(ctx, req, ref, "/messages", "Messages"));
  sections.Push(Section(ctx, req, ref, "/audit", "Audit trail"));
  d.Set("sections", std::move(sections));
  const std::vector<CaseForm> forms = CaseForms(who.role, choices);
  d.Set("can_act", Json(!forms.empty()));
  d.Set("forms", FormsView(forms, req, failure));
  if (failure != nullptr) {
    d.Set("errors", failure->errors);
  }
  const std::string done = portal::FormValue(
      req.target.find('?') == std::string::npos ? "" : req.target.substr(req.target.find('?') + 1),
      "done");
  for (const CaseForm& f : forms) {
    if (failure == nullptr && f.action == done) {
      d.Set("done", Json(f.heading + ": done."));
    }
  }
  return ConsolePage(failure != nullptr ? failure->status : kOk, "case", "Case " + ref,
                     std::move(d), req, &who);
}

}  // namespace

HttpResponse CasePage(api::Context& ctx, const HttpRequest& req, const api::Caller& who,
                      const std::string& ref) {
  return Show(ctx, req, who, ref, nullptr);
}

HttpResponse PostCaseForm(api::Context& ctx, const HttpRequest& req, const api::Caller& who,
                          const std::string& ref, const std::string& action) {
  auto call = BuildCall(action, ref, req.body);
  if (!call || !IsCaseAction(action)) {
    return ConsoleMessage(kNotFound, "Page not found", "There is nothing at this address.", req,
                          &who);
  }
  const auto field_for = [&](std::string_view api_field) {
    return FormFieldFor(action, api_field);
  };
  Failure failure;
  failure.action = action;
  if (call->errors.size() > 0) {
    Json problem = Json::Object();
    problem.Set("errors", call->errors);
    failure.errors = ErrorItems(problem, action, field_for);
    return Show(ctx, req, who, ref, &failure);
  }
  const ApiAnswer answer = CallApi(ctx, req, "POST", call->target, &call->body);
  if (answer.ok()) {
    return portal::Redirect("/console/cases/" + ref + "?done=" + action);
  }
  failure.status = answer.status;
  failure.errors = ErrorItems(answer.body, action, field_for);
  return Show(ctx, req, who, ref, &failure);
}

}  // namespace childmaint::console
