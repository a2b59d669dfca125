#include "api/document_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace childmaint::api {

namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kJpegMagic = "\xFF\xD8\xFF";
constexpr std::string_view kFallbackName = "document";

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(),
                    s.end() - static_cast<std::ptrdiff_t>(suffix.size()), [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

bool Allowed(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view(" .-_()").find(c) != std::string_view::npos;
}

}  // namespace

std::optional<DocumentType> SniffDocumentType(std::string_view bytes) {
  if (bytes.starts_with(kPdfMagic)) {
    return DocumentType{"application/pdf", ".pdf"};
  }
  if (bytes.starts_with(kPngMagic)) {
    return DocumentType{"image/png", ".png"};
  }
  if (bytes.starts_with(kJpegMagic)) {
    return DocumentType{"image/jpeg", ".jpg"};
  }
  return std::nullopt;
}

std::string SafeFileName(std::string_view given, const DocumentType& type) {
  const auto slash = given.find_last_of("/\\");
  if (slash != std::string_view::npos) {
    given.remove_prefix(slash + 1);
  }
  std::string name;
  for (const char c : given) {
    name.push_back(Allowed(c) ? c : '_');
  }
  const auto start = name.find_first_not_of(". ");
  name.erase(0, start == std::string::npos ? name.size() : start);
  while (!name.empty() && name.back() == ' ') {
    name.pop_back();
  }
  if (name.empty()) {
    name = kFallbackName;
  }
  const bool matches = EndsWithNoCase(name, type.extension) ||
                       (type.extension == ".jpg" && EndsWithNoCase(name, ".jpeg"));
  const std::size_t room = kMaxFileNameChars - (matches ? 0 : type.extension.size());
  if (name.size() > room) {
    // Keep the end, where the extension is, when it matches; else the start.
    name = matches ? name.substr(name.size() - room) : name.substr(0, room);
  }
  return matches ? name : name + std::string(type.extension);
}

bool PrintableUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
        return false;
      }
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + n >= s.size()) {
      return false;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    constexpr std::array<std::uint32_t, 4> kMin = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
        (cp >= 0x80 && cp < 0xA0)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace childmaint::api
