#include "api/problem.h"

namespace childmaint::api {

namespace {
constexpr int kUnprocessable = 422;
constexpr int kUnauthorized = 401;
constexpr int kNotFound = 404;
constexpr int kConflict = 409;
constexpr int kTooMany = 429;
constexpr int kUnavailable = 503;
constexpr int kInternal = 500;
constexpr int kTooLarge = 413;
}  // namespace

HttpResponse Problem(int status, std::string_view title, std::string_view detail,
                     const std::vector<FieldError>& errors) {
  Json body = Json::Object();
  body.Set("type", Json("about:blank"));
  body.Set("title", Json(title));
  body.Set("status", Json(status));
  body.Set("detail", Json(detail));
  if (!errors.empty()) {
    Json list = Json::Array();
    for (const FieldError& e : errors) {
      Json item = Json::Object();
      item.Set("field", Json(e.field)).Set("code", Json(e.code)).Set("message", Json(e.message));
      list.Push(std::move(item));
    }
    body.Set("errors", std::move(list));
  }
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/problem+json");
  r.body = body.Dump();
  return r;
}

HttpResponse FromError(const Error& e) {
  switch (e.code) {
    case ErrorCode::kInvalidArgument:
      if (e.reason == "request_too_large") {
        return Problem(kTooLarge, "Request body too large", e.message);
      }
      return Problem(kUnprocessable, "Invalid request", e.message,
                     {FieldError{e.field, e.reason, e.message}});
    case ErrorCode::kUnauthenticated:
      return Problem(kUnauthorized, "Not signed in", e.message);
    case ErrorCode::kNotFound:
    case ErrorCode::kPermissionDenied:
      return Problem(kNotFound, "Not found", "There is nothing at this address.");
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kAborted:
      return Problem(kConflict, "Conflict", e.message);
    case ErrorCode::kOutOfRange:
      if (e.reason == "session.locked") {
        HttpResponse r = Problem(kTooMany, "Too many attempts", e.message);
        r.headers.emplace_back("Retry-After", e.field);  // seconds, carried in `field`
        return r;
      }
      return Problem(kUnprocessable, "Invalid request", e.message,
                     {FieldError{e.field, e.reason, e.message}});
    case ErrorCode::kUnavailable:
      return Problem(kUnavailable, "Service unavailable", "Please try again shortly.");
    default:
      return Problem(kInternal, "Internal error", "Something went wrong on our side.");
  }
}

HttpResponse JsonResponse(int status, const Json& body) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = body.Dump();
  return r;
}

}  // namespace childmaint::api
