// File: documents.h — document uploads (service.md §9): what the server needs to know about them
// before a request reaches a handler. The handlers are in handlers_documents.cc (DocumentRoutes).
//
//   POST /api/v1/cases/{ref}/documents        multipart/form-data: file (+ description) -> 201
//   GET  /api/v1/cases/{ref}/documents        caseworkers: all; a parent: their own party's only
//   GET  /api/v1/cases/{ref}/documents/{id}   the bytes, as an attachment
//
// The file limit is law/service/documents.yaml (service.documents.max_file_bytes). Upload requests
// may have a body that large plus room for the form's framing; every other request keeps the
// server's 1 MiB (api.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/context.h"
#include "base/result.h"

namespace childmaint::api {

// The largest document accepted today, in bytes.
Result<std::int64_t> MaxDocumentBytes(const Context& ctx);

// The body limit for an upload request: MaxDocumentBytes plus room for the multipart framing and
// the description (0 when the law has no figure in force: the server's default applies).
std::size_t UploadBodyLimit(const Context& ctx);

// POST /api/v1/cases/{ref}/documents (the query, if any, ignored).
bool IsDocumentUpload(std::string_view method, std::string_view target);

}  // namespace childmaint::api
