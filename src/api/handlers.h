// File: handlers.h — the API's handlers, one function per endpoint (api.md; openapi.json).
//
// Each takes the server context, the authenticated caller, the request and the path's
// parameters, and returns a response; none touches a socket (router.cc dispatches to them).
// Handlers that change anything run in one database transaction: a failed request changes
// nothing. Thread safety: reentrant.
#pragma once

#include <string>
#include <vector>

#include "api/context.h"
#include "api/http_types.h"
#include "api/url_encoding.h"

namespace childmaint::api {

using PathParams = std::vector<std::string>;

#define CM_HANDLER(name) \
  HttpResponse name(Context& ctx, const Caller& caller, const HttpRequest& req, const PathParams& p)

CM_HANDLER(Health);
CM_HANDLER(OpenApi);
CM_HANDLER(Calculate);
CM_HANDLER(CreateApplication);
CM_HANDLER(GetApplication);
CM_HANDLER(RecordTracedAddress);
CM_HANDLER(ListWorkItems);
CM_HANDLER(GetCase);
CM_HANDLER(RecordApplicationFee);
CM_HANDLER(MakeDecision);
CM_HANDLER(ListDecisions);
CM_HANDLER(GetSchedule);
CM_HANDLER(GetStatement);
CM_HANDLER(RecordPayment);
CM_HANDLER(ReversePosting);
CM_HANDLER(SignIn);
CM_HANDLER(SignOut);
CM_HANDLER(ChangeOwnPin);

#undef CM_HANDLER

// The query parameter's value ("" when absent): Query(req, "as_of").
std::string QueryParam(const HttpRequest& req, std::string_view name);

}  // namespace childmaint::api
