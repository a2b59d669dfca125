// File: case_page.h — the console's page for one case, and the forms posted from it.
#pragma once

#include <string>

#include "api/context.h"
#include "api/http_types.h"

namespace childmaint::console {

// GET /console/cases/{ref}; `done` names a form that has just succeeded ("" none).
api::HttpResponse CasePage(api::Context& ctx, const api::HttpRequest& req, const api::Caller& who,
                           const std::string& ref);
// POST /console/cases/{ref}/{action}: the form's API call; back to the case when it succeeds,
// else the case page with the API's errors (and its status).
api::HttpResponse PostCaseForm(api::Context& ctx, const api::HttpRequest& req,
                               const api::Caller& who, const std::string& ref,
                               const std::string& action);

}  // namespace childmaint::console
