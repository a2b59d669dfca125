#include "portal/forms.h"

#include <functional>
#include <vector>

#include "api/router.h"
#include "portal/lists.h"
#include "portal/page.h"

namespace childmaint::portal {

namespace {

using api::HttpRequest;
using api::HttpResponse;

struct Field {
  std::string_view name;
  std::string_view label;
  std::string_view kind;  // text, date, area, select
  std::string_view hint;
  std::vector<std::pair<std::string_view, std::string_view>> options;  // value, label
};

struct Form {
  std::string_view path;
  std::string_view heading;
  std::vector<std::string_view> intro;
  std::string_view api_suffix;  // appended to /api/v1/cases/{ref}
  std::vector<Field> fields;
  std::string_view button;
  std::function<Json(const HttpRequest&)> body;  // the API body from the form
  std::string_view done;
  std::string_view list_suffix;  // GET this API list to show under the form ("" none)
  std::function<Json(const Json&)> table = nullptr;  // the list as a table (lists.h); else lines
};

// "12.50" or "12" (pounds) -> pence; -1 when it is not an amount.
std::int64_t PenceFromPounds(std::string s) {
  constexpr std::int64_t kMaxPounds = 100'000'000;
  if (!s.empty() && (s.front() == '\xA3' || s.rfind("\xC2\xA3", 0) == 0)) {
    s.erase(0, s.front() == '\xA3' ? 1 : 2);
  }
  const auto point = s.find('.');
  const std::string whole = s.substr(0, point);
  std::string frac = point == std::string::npos ? "" : s.substr(point + 1);
  if (whole.empty() || frac.size() > 2 || whole.size() > 9 ||
      whole.find_first_not_of("0123456789") != std::string::npos ||
      frac.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  frac.append(2 - frac.size(), '0');
  const std::int64_t pounds = std::stoll(whole);
  return pounds > kMaxPounds ? -1 : pounds * 100 + std::stoll(frac);
}

Json Text(const HttpRequest& req, std::string_view name) {
  const std::string v = FormValue(req.body, name);
  return v.empty() ? Json() : Json(v);
}

const std::vector<Form>& Forms() {
  static const std::vector<Form> kForms = {
      {"/report-change",
       "Report a change",
       {"Tell us about a change that could affect your child maintenance: income, benefits, "
        "how many nights the children stay with the paying parent, other children, or a child "
        "leaving education. A caseworker will look at it. If you report it within 32 days of "
        "our decision, we also treat it as asking us to look at the decision again."},
       "/changes",
       {{"kind", "What has changed", "select", "",
         {{"income", "Income"}, {"benefits", "Benefits"},
          {"relevant_other_children", "Other children living with the paying parent"},
          {"other_supported_children", "Other children the paying parent supports"},
          {"shared_care", "Nights the children stay with the paying parent"},
          {"child_left", "A child left education or turned 16"}}},
        {"change_date", "When did it change?", "date", "For example, 27 3 2025", {}},
        {"details", "Tell us more", "area", "", {}}},
       "Report the change",
       [](const HttpRequest& req) {
         Json j = Json::Object();
         j.Set("kind", Text(req, "kind")).Set("change_date", Text(req, "change_date"));
         j.Set("details", Text(req, "details"));
         return j;
       },
       "Thank you. A caseworker will look at the change and write to you.",
       ""},
      {"/report-missed-payment",
       "Report a missed payment",
       {"For Direct Pay: tell us about a payment the paying parent has not made, or did not "
        "make in full."},
       "/missed-payments",
       {{"due_on", "When was the payment due?", "date", "", {}},
        {"amount", "How much was missed?", "text", "In pounds, for example 72.00", {}},
        {"note", "Anything else we should know", "area", "", {}}},
       "Report the missed payment",
       [](const HttpRequest& req) {
         Json j = Json::Object();
         j.Set("due_on", Text(req, "due_on"));
         const std::int64_t pence = PenceFromPounds(FormValue(req.body, "amount"));
         j.Set("amount_pence", pence >= 0 ? Json(pence) : Json(FormValue(req.body, "amount")));
         j.Set("note", Text(req, "note"));
         return j;
       },
       "Thank you. We have recorded the missed payment and will contact the paying parent.",
       "/missed-payments"},
      {"/reconsideration",
       "Ask us to look at a decision again",
       {"This is called a mandatory reconsideration. Ask within 30 days of the date of our "
        "decision. If it is later than that, tell us why. You must ask for a reconsideration "
        "before you can appeal to a tribunal."},
       "/reconsiderations",
       {{"reasons", "Why do you think the decision is wrong?", "area", "", {}},
        {"late_reasons", "If it is more than 30 days since the decision, why?", "area", "", {}}},
       "Ask for a reconsideration",
       [](const HttpRequest& req) {
         Json j = Json::Object();
         j.Set("reasons", Text(req, "reasons")).Set("late_reasons", Text(req, "late_reasons"));
         return j;
       },
       "Thank you. We will look at the decision again and write to you with the outcome.",
       "/reconsiderations"},
      {"/complaints",
       "Make a complaint",
       {"We will acknowledge your complaint within 2 working days and answer it within 15 "
        "working days. If you are still unhappy you can ask for it to be reviewed."},
       "/complaints",
       {{"summary", "What is your complaint about?", "area", "", {}}},
       "Send the complaint",
       [](const HttpRequest& req) {
         Json j = Json::Object();
         j.Set("summary", Text(req, "summary"));
         return j;
       },
       "Thank you. We will acknowledge your complaint within 2 working days.",
       "/complaints", ComplaintsTable},
      {"/change-pin",
       "Change your PIN",
       {"Your PIN is 7 digits. Choose one that others could not guess."},
       "",
       {{"current_pin", "Current PIN", "password", "", {}},
        {"new_pin", "New PIN", "password", "7 digits", {}}},
       "Change PIN",
       [](const HttpRequest& req) {
         Json j = Json::Object();
         j.Set("current_pin", Text(req, "current_pin")).Set("new_pin", Text(req, "new_pin"));
         return j;
       },
       "Your PIN has been changed. Use the new PIN next time you sign in.",
       ""},
      {"/messages",
       "Messages",
       {"Send us a message at any time. We will reply here."},
       "/messages",
       {{"body", "Your message", "area", "", {}}},
       "Send the message",
       [](const HttpRequest& req) {
         Json j = Json::Object();
         j.Set("body", Text(req, "body"));
         return j;
       },
       "Thank you. Your message has been sent; we will reply in your messages.",
       "/messages", MessagesTable},
  };
  return kForms;
}

// One line per item of an API list, for the page under the form.
std::vector<std::string> ListLines(const Json& list) {
  std::vector<std::string> lines;
  const Json* items = list.Find("items");
  for (const auto& [k, v] : list.members()) {
    if (items == nullptr && v.IsArray()) {
      items = &v;
    }
  }
  if (items == nullptr) {
    return lines;
  }
  for (const Json& item : items->items()) {
    std::string line;
    for (const char* key : {"sent_at", "received_on", "requested_on", "due_on", "status", "stage",
                            "respond_by", "body"}) {
      if (const Json* v = item.Find(key); v != nullptr && v->IsString()) {
        line += (line.empty() ? "" : " · ") + std::string(key) + ": " + v->AsString();
      }
    }
    lines.push_back(line);
  }
  return lines;
}

HttpResponse Show(api::Context& ctx, const HttpRequest& req, const Form& f, const cases::Case& c,
                  int status, const std::vector<std::string>& errors) {
  Json d = Json::Object();
  d.Set("heading", Json(f.heading)).Set("action", Json(f.path)).Set("button", Json(f.button));
  Json intro = Json::Array();
  for (const std::string_view line : f.intro) {
    intro.Push(Json(line));
  }
  d.Set("intro", std::move(intro));
  Json fields = Json::Array();
  for (const Field& field : f.fields) {
    Json j = Json::Object();
    j.Set("name", Json(field.name)).Set("label", Json(field.label));
    if (!field.hint.empty()) {
      j.Set("hint", Json(field.hint));
    }
    j.Set("is_text", Json(field.kind == "text")).Set("is_date", Json(field.kind == "date"));
    j.Set("is_area", Json(field.kind == "area")).Set("is_select", Json(field.kind == "select"));
    j.Set("is_password", Json(field.kind == "password"));
    // Secrets are never echoed back into the page.
    j.Set("value", Json(req.method == "POST" && field.kind != "password"
                            ? FormValue(req.body, field.name)
                            : std::string()));
    Json options = Json::Array();
    for (const auto& [value, label] : field.options) {
      Json o = Json::Object();
      o.Set("value", Json(value)).Set("label", Json(label));
      options.Push(std::move(o));
    }
    j.Set("options", std::move(options));
    fields.Push(std::move(j));
  }
  d.Set("fields", std::move(fields));
  Json errs = Json::Array();
  for (const std::string& e : errors) {
    errs.Push(Json(e));
  }
  d.Set("has_errors", Json(!errors.empty())).Set("errors", std::move(errs));
  if (!f.list_suffix.empty()) {
    HttpRequest list_req;
    list_req.method = "GET";
    list_req.target = "/api/v1/cases/" + c.reference + std::string(f.list_suffix);
    list_req.headers = req.headers;
    const HttpResponse list = api::Route(ctx, list_req);
    if (auto j = Json::Parse(list.body); j && list.status == 200 && f.table) {
      Json table = f.table(*j);
      d.Set("has_table", Json(table.Find("rows")->size() > 0)).Set("table", std::move(table));
    } else if (j && list.status == 200) {
      Json lines = Json::Array();
      for (const std::string& line : ListLines(*j)) {
        lines.Push(Json(line));
      }
      if (lines.size() > 0) {
        d.Set("list_heading", Json("What you have told us"));
      }
      d.Set("list", std::move(lines));
    }
  }
  return Page(status, "form", f.heading, d, req, true);
}


// "/complaints/{id}/escalate": the id, or nothing.
std::optional<std::string> EscalatePath(std::string_view path) {
  constexpr std::string_view kPrefix = "/complaints/";
  constexpr std::string_view kSuffix = "/escalate";
  if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix) ||
      path.size() <= kPrefix.size() + kSuffix.size()) {
    return std::nullopt;
  }
  const std::string_view id = path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
  if (id.size() > 18 || id.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(id);
}

// The API's answer to a POST made as the signed-in parent (same session, same rules).
HttpResponse PostAsParent(api::Context& ctx, const HttpRequest& req, std::string target,
                          std::string body) {
  HttpRequest api_req;
  api_req.method = "POST";
  api_req.target = std::move(target);
  api_req.headers = req.headers;
  api_req.body = std::move(body);
  return api::Route(ctx, api_req);
}

// The problem's field errors (or its detail), as lines for the error summary.
std::vector<std::string> ProblemLines(const HttpResponse& answer) {
  std::vector<std::string> errors;
  if (auto problem = Json::Parse(answer.body)) {
    if (const Json* list = problem->Find("errors")) {
      for (const Json& e : list->items()) {
        const Json* field = e.Find("field");
        const Json* message = e.Find("message");
        errors.push_back((field != nullptr ? field->AsString() + ": " : "") +
                         (message != nullptr ? message->AsString() : ""));
      }
    } else if (const Json* detail = problem->Find("detail")) {
      errors.push_back(detail->AsString());
    }
  }
  return errors;
}

}  // namespace

bool IsFormPath(std::string_view path) {
  for (const Form& f : Forms()) {
    if (f.path == path) {
      return true;
    }
  }
  return EscalatePath(path).has_value();
}

std::optional<HttpResponse> HandleForm(api::Context& ctx, const HttpRequest& req,
                                       const std::string& path, const cases::Case& c) {
  constexpr int kOk = 200;
  constexpr int kBadRequest = 400;
  if (const auto id = EscalatePath(path); id && req.method == "POST") {
    if (!CsrfOk(req)) {
      return Message(kBadRequest, "Please try again", "The form had expired.", req, true);
    }
    const HttpResponse answer = PostAsParent(
        ctx, req, "/api/v1/cases/" + c.reference + "/complaints/" + *id + "/escalate", "{}");
    if (answer.status >= 200 && answer.status < 300) {
      return Message(kOk, "Your complaint has been passed on",
                     "We have passed your complaint to the next stage. You can see who is "
                     "handling it and when they will reply on your complaints page.",
                     req, true);
    }
    const std::vector<std::string> lines = ProblemLines(answer);
    return Message(answer.status, "Your complaint could not be passed on",
                   lines.empty() ? std::string("Please try again later.") : lines.front(), req, true);
  }
  for (const Form& f : Forms()) {
    if (f.path != path) {
      continue;
    }
    if (req.method != "POST") {
      return Show(ctx, req, f, c, kOk, {});
    }
    if (!CsrfOk(req)) {
      return Message(kBadRequest, "Please try again", "The form had expired.", req, true);
    }
    // The same endpoint the API offers, as this parent. Forms about the case post under it; the
    // PIN form posts to the session.
    const HttpResponse answer = PostAsParent(
        ctx, req,
        f.api_suffix.empty() ? std::string("/api/v1/session/pin")
                             : "/api/v1/cases/" + c.reference + std::string(f.api_suffix),
        f.body(req).Dump());
    if (answer.status >= 200 && answer.status < 300) {
      return Message(kOk, f.heading, f.done, req, true);
    }
    return Show(ctx, req, f, c, answer.status, ProblemLines(answer));
  }
  return std::nullopt;
}

}  // namespace childmaint::portal
