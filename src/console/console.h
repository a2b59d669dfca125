// File: console.h — the caseworker console at /console (service.md §9).
//
// Pages: /console/sign-in (name and password of an account made by `childmaint admin account`),
// /console (find a case), /console/cases/{ref} (everything about one case, and forms to act on
// it), /console/queues (overdue complaints and open work items), /console/sign-out. Every form is
// posted to the API endpoint a program would use, in-process, as the signed-in account, so the
// API's validation, role checks and audit trail apply; forms an account's role cannot use are not
// shown. Every form carries a CSRF token; every page has the portal's security headers.
#pragma once

#include "api/context.h"
#include "api/http_types.h"

namespace childmaint::console {

// True for /console and everything under it (serve dispatches on it).
bool IsConsolePath(std::string_view target);

api::HttpResponse Handle(api::Context& ctx, const api::HttpRequest& req);

}  // namespace childmaint::console
