// File: pin_pages.h — the portal's pages for parents who cannot sign in yet: "Forgotten your
// PIN?" (/forgotten-pin asks for a reset code) and "Set your PIN" (/set-pin: a set-up or reset
// code and a new PIN). Both post to the API as anyone (api::Route), with CSRF on every form;
// neither page says whether the details matched, and neither echoes a code or a PIN back.
#pragma once

#include <optional>
#include <string>

#include "api/context.h"
#include "api/http_types.h"

namespace childmaint::portal {

// The page for /forgotten-pin or /set-pin (GET shows it, POST submits it); nothing for other paths.
std::optional<api::HttpResponse> HandlePinPage(api::Context& ctx, const api::HttpRequest& req,
                                               const std::string& path);

}  // namespace childmaint::portal
