// File: multipart.h — a small, strict reader of multipart/form-data bodies (RFC 7578, with the
// framing of RFC 2046 §5.1), for document uploads and the portal's upload form.
//
//   CMS_ASSIGN_OR_RETURN(const auto parts, ParseMultipart(*req.Header("content-type"), req.body));
//   const MultipartPart* file = FindPart(parts, "file");     // nullptr when absent
//
// Strict: the Content-Type must be multipart/form-data with a boundary (1-70 characters); the body
// must begin with the first delimiter (no preamble) and end with the close delimiter (an epilogue
// after it is ignored); lines end in CRLF; every part has a Content-Disposition of form-data with
// a name; no two parts share a name; at most kMaxParts parts and kMaxPartHeaderBytes of headers
// per part. Quoted parameter values are read as browsers write them: a backslash is a character,
// not an escape, and a quote inside (sent as %22) stays percent-encoded. Errors are
// kInvalidArgument with reason "invalid_multipart" and field "body" (or the part's name for a
// repeated part: reason "duplicate_part"). A part's `data` points into the body given: it must
// outlive the parts. Thread safety: pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace childmaint::api {

inline constexpr std::size_t kMaxParts = 16;
inline constexpr std::size_t kMaxPartHeaderBytes = 4096;

struct MultipartPart {
  std::string name;                     // Content-Disposition name
  std::optional<std::string> filename;  // Content-Disposition filename, as sent (may be "")
  std::string content_type;             // as claimed by the client ("" when absent); not trusted
  std::string_view data;                // the part's bytes, into the body
};

// The boundary parameter of a multipart/form-data Content-Type, or nothing (another type, no or
// an invalid boundary).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body);

// The part with this name, or nullptr.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace childmaint::api
