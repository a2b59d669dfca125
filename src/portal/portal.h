// File: portal.h — the parents' self-service portal: server-rendered pages that work without
// JavaScript, signed in with the same session as the API (service.md §9).
//
// Pages: /sign-in (case reference, NI number, PIN), /overview (what is due or received each week,
// the next payment, arrears), /calculation ("How we worked this out": every step with the law it
// applied), /payments (payment plan and account), /sign-out. Every form carries a CSRF token;
// every page is sent with a Content-Security-Policy and the other security headers; every value is
// HTML-escaped. A parent reaches only their own case.
#pragma once

#include "api/context.h"
#include "api/http_types.h"

namespace childmaint::portal {

// Any path outside /api/ (serve dispatches on the prefix).
api::HttpResponse Handle(api::Context& ctx, const api::HttpRequest& req);

}  // namespace childmaint::portal
