// File: problem.h — errors as HTTP responses: application/problem+json (RFC 9457).
//
// The only place that knows how an Error maps to a status (style.md §3): kInvalidArgument → 422
// with an `errors` list; kUnauthenticated → 401; kNotFound and kPermissionDenied → 404 (a case
// that is not yours looks like one that does not exist); kAlreadyExists, kFailedPrecondition,
// kAborted → 409; kResourceExhausted-like sign-in locks → 429 (reason "session.locked");
// kUnavailable → 503; anything else → 500 without internal detail.
#pragma once

#include <string>
#include <vector>

#include "api/http_types.h"
#include "base/json.h"
#include "base/result.h"

namespace childmaint::api {

struct FieldError {
  std::string field;
  std::string code;
  std::string message;
};

HttpResponse Problem(int status, std::string_view title, std::string_view detail,
                     const std::vector<FieldError>& errors = {});
HttpResponse FromError(const Error& e);
HttpResponse JsonResponse(int status, const Json& body);

}  // namespace childmaint::api
