// File: forms.h — the portal's forms: a parent reports a change, a missed Direct Pay payment,
// asks for a mandatory reconsideration, or makes a complaint.
//
// Each form is posted to the same API endpoint a caseworker or another program would use
// (api::Route, with the parent's own session), so the rules, validation, audit trail and access
// checks are the API's; the portal only turns form fields into the API's JSON and the answer
// into a page.
#pragma once

#include <optional>

#include "api/context.h"
#include "api/http_types.h"
#include "cases/model.h"

namespace childmaint::portal {

bool IsFormPath(std::string_view path);

// The page for a form path (GET shows it, POST submits it), or nothing for other paths.
std::optional<api::HttpResponse> HandleForm(api::Context& ctx, const api::HttpRequest& req,
                                            const std::string& path, const cases::Case& c);

}  // namespace childmaint::portal
