// File: documents_page.h — the portal's "Upload documents" page (/documents): a parent uploads a
// PDF, JPEG or PNG with an optional description and sees the documents they have uploaded.
//
// The form is multipart/form-data (works without JavaScript) with the CSRF token as a part; it is
// posted to the API's POST /api/v1/cases/{ref}/documents as the signed-in parent (like forms.h),
// so the type check, size limit, audit and access rules are the API's.
#pragma once

#include <string_view>

#include "api/context.h"
#include "api/http_types.h"
#include "cases/model.h"

namespace childmaint::portal {

inline constexpr std::string_view kDocumentsPath = "/documents";

// POST /documents: the server lets it carry an upload-sized body.
bool IsDocumentUpload(std::string_view method, std::string_view target);

// The page for an upload whose body is over the server's limit (instead of the API's JSON 413).
api::HttpResponse UploadTooLargePage(const api::Context& ctx);

// GET shows the form and the list; POST uploads.
api::HttpResponse DocumentsPage(api::Context& ctx, const api::HttpRequest& req,
                                const cases::Case& c);

}  // namespace childmaint::portal
