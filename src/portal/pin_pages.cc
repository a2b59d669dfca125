#include "portal/pin_pages.h"

#include <array>
#include <charconv>
#include <vector>

#include "api/pin_codes.h"
#include "api/router.h"
#include "portal/page.h"

namespace childmaint::portal {

namespace {

using api::HttpRequest;
using api::HttpResponse;

constexpr int kOk = 200;
constexpr int kBadRequest = 400;
constexpr int kServerError = 500;
constexpr int kTooMany = 429;

struct Field {
  std::string_view name;
  std::string_view label;
  std::string_view hint;
  std::string_view missing;  // the error when it is left empty
  bool secret = false;       // never echoed back
  std::string_view autocomplete = "off";
};

constexpr std::array<Field, 4> kFields = {{
    {"case_reference", "Case reference number",
     "12 digits, starting 121. It is on letters from us.", "Enter your case reference number"},
    {"ni_number", "National Insurance number", "For example, QQ 12 34 56 C",
     "Enter your National Insurance number"},
    {"code", "Code",
     "The code in the email, text message or letter we sent you, for example K7QM-4TXR-9PCV",
     "Enter the code we sent you", false, "one-time-code"},
    {"new_pin", "New PIN", "7 digits. Choose one that others could not guess.",
     "Enter a new PIN of 7 digits", true},
}};

struct FieldError {
  std::string field;
  std::string message;
};

struct PinPage {
  std::string_view path;
  std::string_view heading;
  std::vector<std::string_view> intro;
  std::size_t field_count;  // the first n of kFields
  std::string_view button;
  std::string_view api_target;
  std::vector<std::pair<std::string_view, std::string_view>> links;  // href, text
};

const PinPage kForgotten = {
    "/forgotten-pin",
    "Forgotten your PIN?",
    {"Enter your case reference number and National Insurance number. If they match our records "
     "we will send a code to the email address, phone or postal address we hold for you. You can "
     "then use the code to choose a new PIN."},
    2,
    "Send code",
    "/api/v1/session/pin-reset",
    {{"/set-pin", "I already have a code"}, {"/sign-in", "Back to sign in"}}};

const PinPage kSetPin = {
    "/set-pin",
    "Set your PIN",
    {"Use the set-up code we sent you when your case was set up, or a code you asked for because "
     "you forgot your PIN. Each code can be used once."},
    4,
    "Set PIN",
    "/api/v1/session/pin-reset/confirm",
    {{"/forgotten-pin", "Ask for a new code"}, {"/sign-in", "Back to sign in"}}};

HttpResponse ShowForm(const HttpRequest& req, const PinPage& page, int status,
                      const std::vector<FieldError>& errors) {
  Json d = Json::Object();
  d.Set("heading", Json(page.heading)).Set("action", Json(page.path));
  d.Set("button", Json(page.button));
  Json intro = Json::Array();
  for (const std::string_view line : page.intro) {
    intro.Push(Json(line));
  }
  d.Set("intro", std::move(intro));
  Json fields = Json::Array();
  for (std::size_t i = 0; i < page.field_count; ++i) {
    const Field& f = kFields[i];
    Json j = Json::Object();
    j.Set("name", Json(f.name)).Set("label", Json(f.label)).Set("hint", Json(f.hint));
    j.Set("is_password", Json(f.secret)).Set("autocomplete", Json(f.autocomplete));
    j.Set("value",
          Json(req.method == "POST" && !f.secret && f.name != "code" ? FormValue(req.body, f.name)
                                                                     : std::string()));
    for (const FieldError& e : errors) {
      if (e.field == f.name) {
        j.Set("error", Json(e.message));
        break;
      }
    }
    fields.Push(std::move(j));
  }
  d.Set("fields", std::move(fields));
  Json errs = Json::Array();
  for (const FieldError& e : errors) {
    Json j = Json::Object();
    j.Set("field", Json(e.field)).Set("message", Json(e.message));
    errs.Push(std::move(j));
  }
  d.Set("has_errors", Json(!errors.empty())).Set("errors", std::move(errs));
  Json links = Json::Array();
  for (const auto& [href, text] : page.links) {
    Json j = Json::Object();
    j.Set("href", Json(href)).Set("text", Json(text));
    links.Push(std::move(j));
  }
  d.Set("links", std::move(links));
  return Page(status, "pin_form", page.heading, d, req, false);
}

HttpResponse Done(const HttpRequest& req, std::string_view heading,
                  const std::vector<std::string>& paragraphs, std::string_view href,
                  std::string_view link_text) {
  Json d = Json::Object();
  d.Set("heading", Json(heading));
  Json list = Json::Array();
  for (const std::string& p : paragraphs) {
    list.Push(Json(p));
  }
  d.Set("paragraphs", std::move(list));
  Json link = Json::Object();
  link.Set("href", Json(href)).Set("text", Json(link_text));
  d.Set("link", std::move(link));
  return Page(kOk, "pin_done", heading, d, req, false);
}

// The API's answer as errors against this page's fields.
std::vector<FieldError> ErrorsFrom(const HttpResponse& answer) {
  std::vector<FieldError> errors;
  if (answer.status == 401) {
    errors.push_back({"code", std::string(api::kWrongCodeMessage)});
    return errors;
  }
  if (answer.status == kTooMany) {
    constexpr std::int64_t kMinute = 60;
    std::int64_t seconds = 0;
    for (const auto& [name, value] : answer.headers) {
      if (name == "Retry-After") {
        std::from_chars(value.data(), value.data() + value.size(), seconds);
      }
    }
    errors.push_back({"code", "Too many attempts. You can try again in " +
                                  std::to_string((seconds + kMinute - 1) / kMinute) + " minutes."});
    return errors;
  }
  auto problem = Json::Parse(answer.body);
  const Json* list = problem ? problem->Find("errors") : nullptr;
  if (list == nullptr) {
    return errors;
  }
  for (const Json& e : list->items()) {
    const Json* field = e.Find("field");
    const std::string name = field != nullptr && field->IsString() ? field->AsString() : "";
    if (name == "new_pin") {
      errors.push_back({name, "Your new PIN must be 7 digits"});
    } else {
      errors.push_back({name.empty() ? "case_reference" : name, "Check what you entered"});
    }
  }
  return errors;
}

HttpResponse Submit(api::Context& ctx, const HttpRequest& req, const PinPage& page) {
  if (!CsrfOk(req)) {
    return Message(kBadRequest, "Please try again",
                   "The form had expired. Go back to the page and try again.", req, false);
  }
  std::vector<FieldError> missing;
  Json body = Json::Object();
  for (std::size_t i = 0; i < page.field_count; ++i) {
    const std::string value = FormValue(req.body, kFields[i].name);
    if (value.find_first_not_of(' ') == std::string::npos) {
      missing.push_back({std::string(kFields[i].name), std::string(kFields[i].missing)});
    }
    body.Set(std::string(kFields[i].name), Json(value));
  }
  if (!missing.empty()) {
    return ShowForm(req, page, kBadRequest, missing);
  }
  HttpRequest api_req;
  api_req.method = "POST";
  api_req.target = std::string(page.api_target);
  api_req.headers = req.headers;
  api_req.body = body.Dump();
  const HttpResponse answer = api::Route(ctx, api_req);
  if (answer.status >= 200 && answer.status < 300) {
    if (page.path == kForgotten.path) {
      const auto minutes = api::ResetCodeMinutes(ctx);
      return Done(req, "Check your email, phone or post",
                  {std::string(api::kResetRequestedMessage),
                   "The code works for " + std::to_string(minutes.value_or(0)) +
                       " minutes. If it does not arrive, you can ask again."},
                  "/set-pin", "Enter your code and choose a new PIN");
    }
    return Done(req, "Your PIN has been set",
                {"You can now sign in with your case reference number, National Insurance "
                 "number and your new PIN."},
                "/sign-in", "Sign in");
  }
  std::vector<FieldError> errors = ErrorsFrom(answer);
  if (errors.empty()) {
    return Message(kServerError, "Sorry, there is a problem with the service",
                   "Please try again later.", req, false);
  }
  HttpResponse r = ShowForm(req, page, answer.status, errors);
  for (const auto& [name, value] : answer.headers) {
    if (name == "Retry-After") {
      r.headers.emplace_back(name, value);
    }
  }
  return r;
}

}  // namespace

std::optional<HttpResponse> HandlePinPage(api::Context& ctx, const HttpRequest& req,
                                          const std::string& path) {
  for (const PinPage* page : {&kForgotten, &kSetPin}) {
    if (page->path != path) {
      continue;
    }
    if (req.method == "POST") {
      return Submit(ctx, req, *page);
    }
    return ShowForm(req, *page, kOk, {});
  }
  return std::nullopt;
}

}  // namespace childmaint::portal
