#include "console/queues.h"

#include "console/forms.h"
#include "console/view.h"
#include "portal/page.h"

namespace childmaint::console {

using api::HttpRequest;
using api::HttpResponse;

namespace {

constexpr int kOk = 200;
constexpr int kNotFound = 404;

std::string Str(const Json& j, std::string_view key) {
  const Json* v = j.Find(key);
  if (v != nullptr && v->type() == Json::Type::kInt) {
    return std::to_string(v->AsInt());
  }
  return v != nullptr && v->IsString() ? v->AsString() : "";
}

HttpResponse Show(api::Context& ctx, const HttpRequest& req, const api::Caller& who, int status,
                  const Json* errors) {
  const bool can_write = who.CanWrite();
  Json d = Json::Object();
  const ApiAnswer complaints = CallApi(ctx, req, "GET", "/api/v1/complaints");
  Json overdue = Json::Array();
  if (const Json* list = complaints.ok() ? FirstList(complaints.body) : nullptr) {
    for (const Json& c : list->items()) {
      Json v = Json::Object();
      v.Set("case_reference", Json(Str(c, "case_reference"))).Set("id", Json(Str(c, "id")));
      v.Set("received_on", Json(Str(c, "received_on"))).Set("stage", Json(Label(Str(c, "stage"))));
      v.Set("status", Json(Label(Str(c, "status"))));
      v.Set("acknowledge_by", Json(Str(c, "acknowledge_by")));
      v.Set("respond_by", Json(Str(c, "respond_by")));
      overdue.Push(std::move(v));
    }
  }
  d.Set("overdue_as_of", Json(Str(complaints.body, "overdue_as_of")));
  d.Set("has_overdue", Json(overdue.size() > 0)).Set("overdue", std::move(overdue));
  const ApiAnswer items = CallApi(ctx, req, "GET", "/api/v1/work-items?status=open");
  Json open = Json::Array();
  if (const Json* list = items.ok() ? FirstList(items.body) : nullptr) {
    for (const Json& w : list->items()) {
      Json v = Json::Object();
      const std::string id = Str(w, "id");
      v.Set("id", Json(id)).Set("kind", Json(Label(Str(w, "kind"))));
      v.Set("summary", Json(Str(w, "summary"))).Set("created_at", Json(Str(w, "created_at")));
      if (const std::string ref = Str(w, "case_reference"); !ref.empty()) {
        v.Set("case_reference", Json(ref));
      }
      if (const std::string app = Str(w, "application_id"); !app.empty()) {
        v.Set("application_id", Json(app));
      }
      v.Set("can_write", Json(can_write));
      v.Set("tracing", Json(can_write && Str(w, "kind") == "tracing" &&
                            !Str(w, "application_id").empty()));
      open.Push(std::move(v));
    }
  }
  d.Set("has_items", Json(open.size() > 0)).Set("items", std::move(open));
  if (errors != nullptr) {
    d.Set("errors", *errors);
  }
  return ConsolePage(status, "queues", "Queues", std::move(d), req, &who);
}

}  // namespace

HttpResponse QueuesPage(api::Context& ctx, const HttpRequest& req, const api::Caller& who) {
  return Show(ctx, req, who, kOk, nullptr);
}

HttpResponse PostQueueForm(api::Context& ctx, const HttpRequest& req, const api::Caller& who,
                           const std::string& action, const std::string& id) {
  auto call = BuildCall(action, id, req.body);
  if (!call || (action != "resolve" && action != "traced-address")) {
    return ConsoleMessage(kNotFound, "Page not found", "There is nothing at this address.", req,
                          &who);
  }
  const ApiAnswer answer = CallApi(ctx, req, "POST", call->target, &call->body);
  if (answer.ok()) {
    return portal::Redirect("/console/queues");
  }
  const std::string form = action + "-" + id;
  const Json errors = ErrorItems(answer.body, form, [&](std::string_view api_field) {
    return FormFieldFor(action, api_field);
  });
  return Show(ctx, req, who, answer.status, &errors);
}

}  // namespace childmaint::console
