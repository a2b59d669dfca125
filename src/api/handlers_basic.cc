// Health, the OpenAPI document, the calculation over HTTP, and parents' sign-in.
#include "api/body.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/openapi_bundle.h"
#include "api/problem.h"
#include "api/router.h"
#include "api/session.h"
#include "calc/calculate.h"
#include "cases/references.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {
constexpr int kOk = 200;
constexpr int kNoContent = 204;
}  // namespace

HttpResponse Health(Context&, const Caller&, const HttpRequest&, const PathParams&) {
  Json j = Json::Object();
  j.Set("status", Json("ok"));
  return JsonResponse(kOk, j);
}

HttpResponse OpenApi(Context&, const Caller&, const HttpRequest&, const PathParams&) {
  HttpResponse r;
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = std::string(EmbeddedOpenApi().front().text);
  return r;
}

HttpResponse Calculate(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  contract::RequestReader reader(ctx.law);
  calc::Request request;
  calc::Result result;
  calc::Trace trace(true);
  Status s = reader.ReadString(req.body, request);
  if (s) {
    s = calc::Calculate(request, ctx.law, result, trace);
  }
  if (!s) {
    return FromError(Error::Make(ErrorCode::kInvalidArgument, s.error().reason, s.error().message,
                                 s.error().field));
  }
  HttpResponse r;
  r.headers.emplace_back("Content-Type", "application/json");
  contract::WriteResponse(request, result, &trace, r.body);
  return r;
}

// POST /session (session.h): 200 and the session cookie; 401 with one message for any wrong part;
// 429 with Retry-After while the pair is locked.
HttpResponse SignIn(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string ref_text = b.Text("case_reference", 40);
  const std::string ni_text = b.Text("ni_number", 20);
  const std::string pin = b.Text("pin", 20);
  if (!b.ok()) {
    return b.Problem();
  }
  auto result = SignInParent(ctx, ref_text, ni_text, pin);
  if (!result) {
    return FromError(result.error());
  }
  switch (result->outcome) {
    case SignInResult::Outcome::kLocked:
      return FromError(Error::Make(ErrorCode::kOutOfRange, "session.locked",
                                   "Too many attempts. Try again later.",
                                   std::to_string(result->retry_after)));
    case SignInResult::Outcome::kWrongDetails:
      return FromError(Error::Make(ErrorCode::kUnauthenticated, "session.wrong_details",
                                   std::string(kWrongDetailsMessage)));
    case SignInResult::Outcome::kSignedIn:
      break;
  }
  Json body = Json::Object();
  body.Set("case_reference", Json(result->case_reference));
  HttpResponse res = JsonResponse(kOk, body);
  const std::string* proto = req.Header("x-forwarded-proto");
  res.headers.emplace_back("Set-Cookie",
                           SessionCookieHeader(result->session, proto != nullptr && *proto == "https"));
  return res;
}

// POST /session/pin {"current_pin","new_pin"}: a signed-in parent changes their PIN.
HttpResponse ChangeOwnPin(Context& ctx, const Caller& caller, const HttpRequest& req,
                          const PathParams&) {
  if (!caller.IsParent()) {
    return FromError(Error::Make(ErrorCode::kUnauthenticated, "auth.required",
                                 "sign in as a parent to change your PIN"));
  }
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string current = b.Text("current_pin", 20);
  const std::string next = b.Text("new_pin", 20);
  if (!b.ok()) {
    return b.Problem();
  }
  if (const Status s = ChangePin(ctx, caller.party_id, current, next); !s) {
    return FromError(s.error());
  }
  HttpResponse r;
  r.status = kNoContent;
  return r;
}

HttpResponse SignOut(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  if (const std::string session = SessionCookieValue(req); !session.empty()) {
    EndSession(ctx, session);
  }
  HttpResponse r;
  r.status = kNoContent;
  r.headers.emplace_back("Set-Cookie", SessionCookieHeader("", false));
  return r;
}

}  // namespace childmaint::api
