// File: render.h — HTML pages from Mustache templates (the kainjow adapter).
//
//   CMS_ASSIGN_OR_RETURN(std::string html, RenderPage("overview", "Your case", data, frame));
//
// Templates live in src/portal/templates/*.mustache and are compiled into the program. Every
// {{value}} is HTML-escaped; only the layout's {{{content}}} (already rendered) is not.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "base/result.h"

namespace childmaint::portal {

// One template with `data` (objects are sections, arrays lists, strings and numbers values).
Result<std::string> Render(std::string_view name, const Json& data);
// Likewise for a template given as text (the console renders its own templates with it).
Result<std::string> RenderText(std::string_view text, const Json& data);

// The template inside the page layout; `frame` holds layout values (signed_in, csrf), which the
// page's template can use too.
Result<std::string> RenderPage(std::string_view name, std::string_view title, const Json& data,
                               const Json& frame);

}  // namespace childmaint::portal
