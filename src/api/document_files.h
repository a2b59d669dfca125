// File: document_files.h — uploaded documents' bytes on disk, outside anything the server serves.
//
//   CMS_TRY(PrepareDocumentsDir("run/childmaint.db.documents"));      // at start-up: 0700
//   CMS_TRY(WriteDocumentFile(dir, storage_name, bytes));             // durable when it returns
//   CMS_ASSIGN_OR_RETURN(const std::string bytes, ReadDocumentFile(dir, storage_name));
//
// Files are named only by their random storage name (never by what the user called them), are
// mode 0600, and are written to a temporary name, fsync'd, renamed into place and the directory
// fsync'd, so a file that exists under its name is complete. A storage name is 1-64 characters
// of letters, digits, '-' and '_' (anything else is kInvalidArgument: no path can be smuggled in).
// Errors: kInternal with reason "documents.io" (message names the path, never the content);
// ReadDocumentFile of a missing file is kNotFound. Thread safety: distinct names may be used
// concurrently.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace childmaint::api {

// Creates `dir` (and its parents) when missing, with mode 0700, and checks it is a directory.
Status PrepareDocumentsDir(const std::string& dir);

Status WriteDocumentFile(const std::string& dir, std::string_view name, std::string_view bytes);
Result<std::string> ReadDocumentFile(const std::string& dir, std::string_view name);
// Best effort (a failed request's file): errors are ignored.
void RemoveDocumentFile(const std::string& dir, std::string_view name);

}  // namespace childmaint::api
