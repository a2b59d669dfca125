#include "console/view.h"

#include <algorithm>

#include "api/router.h"
#include "console/templates_bundle.h"
#include "portal/page.h"
#include "portal/render.h"

namespace childmaint::console {

using api::HttpRequest;
using api::HttpResponse;

namespace {


Result<std::string> RenderTemplate(std::string_view name, const Json& data) {
  const std::string file = std::string(name) + ".mustache";
  for (const EmbeddedFile& f : EmbeddedTemplates()) {
    if (f.path == file) {
      return portal::RenderText(f.text, data);
    }
  }
  return Error::Make(ErrorCode::kInternal, "console.no_template", "no template " + file);
}

std::string Cell(std::string_view key, const Json& v) {
  switch (v.type()) {
    case Json::Type::kBool:
      return v.AsBool() ? "yes" : "no";
    case Json::Type::kInt:
      return key.ends_with("_pence") ? Pounds(v.AsInt()) : std::to_string(v.AsInt());
    case Json::Type::kString:
    case Json::Type::kOtherNumber:
      return v.AsString();
    default:
      break;
  }
  return "";
}

bool Scalar(const Json& v) { return !v.IsObject() && !v.IsArray(); }

}  // namespace

HttpRequest AsAccount(const HttpRequest& browser, std::string_view method, std::string target,
                      std::string body) {
  HttpRequest r;
  r.method = std::string(method);
  r.target = std::move(target);
  if (const std::string* cookie = browser.Header("cookie"); cookie != nullptr) {
    r.headers.emplace_back("cookie", *cookie);
  }
  if (!body.empty()) {
    r.headers.emplace_back("content-type", "application/json");
  }
  r.body = std::move(body);
  return r;
}

ApiAnswer CallApi(api::Context& ctx, const HttpRequest& browser, std::string_view method,
                  std::string target, const Json* body) {
  const HttpResponse res =
      api::Route(ctx, AsAccount(browser, method, std::move(target), body ? body->Dump() : ""));
  ApiAnswer a;
  a.status = res.status;
  if (auto j = Json::Parse(res.body)) {
    a.body = std::move(*j);
  }
  return a;
}

std::optional<api::Caller> SignedIn(api::Context& ctx, const HttpRequest& req) {
  auto caller = api::CallerOf(ctx, AsAccount(req, "GET", "/console", ""));
  if (!caller || !caller->IsCaseworker() || caller->account_id == 0) {
    return std::nullopt;
  }
  return *caller;
}

Json ErrorItems(const Json& problem, std::string_view form,
                const std::function<std::string(std::string_view)>& form_field) {
  Json items = Json::Array();
  const auto add = [&](const std::string& text, std::string_view field) {
    Json e = Json::Object();
    e.Set("text", Json(text));
    if (!form.empty()) {
      e.Set("href", Json("#" + std::string(form) + "-" + form_field(field)));
    }
    items.Push(std::move(e));
  };
  if (const Json* list = problem.Find("errors"); list != nullptr && list->IsArray()) {
    for (const Json& e : list->items()) {
      const Json* field = e.Find("field");
      const Json* message = e.Find("message");
      const std::string name = field != nullptr && field->IsString() ? field->AsString() : "";
      add(Label(name) + (name.empty() ? "" : ": ") +
              (message != nullptr && message->IsString() ? message->AsString() : "is not valid"),
          name);
    }
  }
  if (items.items().empty()) {
    const Json* detail = problem.Find("detail");
    add(detail != nullptr && detail->IsString() ? detail->AsString()
                                                : "Sorry, there is a problem with the service.",
        "");
  }
  return items;
}

const Json* FirstList(const Json& answer) {
  for (const auto& [k, v] : answer.members()) {
    if (v.IsArray()) {
      return &v;
    }
  }
  return nullptr;
}

Json Table(std::string_view heading, const Json* list) {
  std::vector<std::string> keys;
  if (list != nullptr) {
    for (const Json& item : list->items()) {
      for (const auto& [k, v] : item.members()) {
        if (Scalar(v) && std::find(keys.begin(), keys.end(), k) == keys.end()) {
          keys.push_back(k);
        }
      }
    }
  }
  Json columns = Json::Array();
  for (const std::string& k : keys) {
    // Money is shown in pounds, so "amount_pence" is headed "Amount".
    const std::string_view shown = std::string_view(k).ends_with("_pence")
                                       ? std::string_view(k).substr(0, k.size() - 6)
                                       : std::string_view(k);
    columns.Push(Json(Label(shown)));
  }
  Json rows = Json::Array();
  if (list != nullptr) {
    for (const Json& item : list->items()) {
      Json cells = Json::Array();
      for (const std::string& k : keys) {
        const Json* v = item.Find(k);
        cells.Push(Json(v != nullptr ? Cell(k, *v) : ""));
      }
      Json row = Json::Object();
      row.Set("cells", std::move(cells));
      rows.Push(std::move(row));
    }
  }
  Json t = Json::Object();
  t.Set("heading", Json(heading)).Set("has_rows", Json(rows.size() > 0));
  t.Set("columns", std::move(columns)).Set("rows", std::move(rows));
  return t;
}

std::string Pounds(std::int64_t pence) {
  std::string s;
  AppendPounds(s, pence);
  return s;
}

std::string Label(std::string_view key) {
  std::string s;
  for (const char c : key) {
    s.push_back(c == '_' || c == '.' ? ' ' : c);
  }
  if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') {
    s.front() = static_cast<char>(s.front() - 'a' + 'A');
  }
  return s;
}

HttpResponse ConsolePage(int status, std::string_view name, std::string_view title, Json data,
                         const HttpRequest& req, const api::Caller* who) {
  HttpResponse res;
  res.status = status;
  const std::string csrf = portal::Csrf(req, res);
  data.Set("csrf", Json(csrf));
  const Json* errors = data.Find("errors");
  data.Set("has_errors", Json(errors != nullptr && errors->IsArray() && errors->size() > 0));
  Json frame = Json::Object();
  frame.Set("title", Json(title)).Set("csrf", Json(csrf));
  frame.Set("signed_in", Json(who != nullptr));
  if (who != nullptr) {
    frame.Set("account_name", Json(who->account_name)).Set("role", Json(Label(who->role)));
  }
  auto content = RenderTemplate(name, data);
  if (content) {
    frame.Set("content", Json(*content));
  }
  portal::HtmlBody(res, content ? RenderTemplate("layout", frame) : Result<std::string>(content.error()));
  return res;
}

HttpResponse ConsoleMessage(int status, std::string_view heading, std::string_view text,
                            const HttpRequest& req, const api::Caller* who) {
  Json d = Json::Object();
  d.Set("heading", Json(heading)).Set("text", Json(text));
  return ConsolePage(status, "message", heading, std::move(d), req, who);
}

}  // namespace childmaint::console
