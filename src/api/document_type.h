// File: document_type.h — what an uploaded document is, judged from its bytes, never from the name
// or Content-Type the client claims (service.md §9: PDF, JPEG or PNG, type-checked by content);
// and the file name as it may be shown and offered back for download.
//
//   if (const auto type = SniffDocumentType(bytes)) { type->content_type == "application/pdf" }
//   SafeFileName("C:\\scans\\my \"letter\".PDF", *type) == "my _letter_.PDF"
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace childmaint::api {

struct DocumentType {
  std::string_view content_type;  // application/pdf, image/png, image/jpeg
  std::string_view extension;     // ".pdf", ".png", ".jpg"
};

// PDF ("%PDF-"), PNG (its 8-byte signature) or JPEG (FF D8 FF); nothing for anything else,
// including an empty file.
std::optional<DocumentType> SniffDocumentType(std::string_view bytes);

// A file name safe to show and to put in Content-Disposition: the last path component, with
// anything but ASCII letters, digits, space, '.', '-', '_', '(' and ')' replaced by '_', no
// leading dots or spaces, at most kMaxFileNameChars; "document" when nothing is left; and ending
// in an extension of `type` (appended when the name's own does not match).
std::string SafeFileName(std::string_view given, const DocumentType& type);
inline constexpr std::size_t kMaxFileNameChars = 100;

// Well-formed UTF-8 (no overlong forms or surrogates) without control characters other than
// tab, CR and LF: text fit to store and show.
bool PrintableUtf8(std::string_view s);

}  // namespace childmaint::api
