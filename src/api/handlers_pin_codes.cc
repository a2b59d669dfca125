// PIN reset by one-time code (service.md §9): ask for a code, then set a new PIN with it (a
// set-up code sent when the case was created works the same way). Anyone may call these; the
// answers never say whether the details matched (pin_codes.h).
#include "api/body.h"
#include "api/pin_codes.h"
#include "api/problem.h"
#include "api/route_table.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kAccepted = 202;

// POST /session/pin-reset {"case_reference","ni_number"}: 202 with the same body whatever they are.
HttpResponse RequestReset(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string reference = b.Text("case_reference", 40);
  const std::string ni = b.Text("ni_number", 20);
  if (!b.ok()) {
    return b.Problem();
  }
  if (const Status s = RequestPinReset(ctx, reference, ni); !s) {
    return FromError(s.error());
  }
  Json body = Json::Object();
  body.Set("status", Json("accepted")).Set("message", Json(kResetRequestedMessage));
  return JsonResponse(kAccepted, body);
}

// POST /session/pin-reset/confirm {"case_reference","ni_number","code","new_pin"}.
HttpResponse ConfirmReset(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string reference = b.Text("case_reference", 40);
  const std::string ni = b.Text("ni_number", 20);
  const std::string code = b.Text("code", 40);
  const std::string new_pin = b.Text("new_pin", 20);
  if (!b.ok()) {
    return b.Problem();
  }
  auto result = SetPinWithCode(ctx, reference, ni, code, new_pin);
  if (!result) {
    return FromError(result.error());
  }
  switch (result->outcome) {
    case CodeResult::Outcome::kLocked:
      return FromError(Error::Make(ErrorCode::kOutOfRange, "session.locked",
                                   "Too many attempts. Try again later.",
                                   std::to_string(result->retry_after)));
    case CodeResult::Outcome::kWrongCode:
      return FromError(Error::Make(ErrorCode::kUnauthenticated, "session.wrong_code",
                                   std::string(kWrongCodeMessage)));
    case CodeResult::Outcome::kPinSet:
      break;
  }
  Json body = Json::Object();
  body.Set("status", Json("pin_set")).Set("case_reference", Json(result->case_reference));
  return JsonResponse(kOk, body);
}

}  // namespace

std::span<const RouteEntry> PinCodeRoutes() {
  static constexpr RouteEntry kRoutes[] = {
      {"POST", "/api/v1/session/pin-reset", Access::kAnyone, &RequestReset},
      {"POST", "/api/v1/session/pin-reset/confirm", Access::kAnyone, &ConfirmReset},
  };
  return kRoutes;
}

}  // namespace childmaint::api
