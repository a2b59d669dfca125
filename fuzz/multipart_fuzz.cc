// File: multipart_fuzz.cc — libFuzzer entry point for ParseMultipart() and the upload helpers.
//
// The first byte chooses how many of the following bytes are the Content-Type (the rest is the
// body), so boundaries and bodies are both explored. Every part found is sniffed, its filename
// made safe and its data checked as text; a safe name must never hold a path separator, quote or
// control character, and always ends in its type's extension. Crashes, sanitizer reports, timeouts
// and failed assertions are the findings (multipart_test.cc covers correctness).
//
// Example build: clang++-19 -std=c++23 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
//                fuzz/multipart_fuzz.cc src/api/multipart.cc src/api/document_type.cc
//                -o multipart_fuzz
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/document_type.h"
#include "api/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t type_length = std::min<std::size_t>(data[0], all.size());
  const std::string_view type = all.substr(0, type_length);
  const std::string_view body = all.substr(type_length);
  const auto parts = childmaint::api::ParseMultipart(type, body);
  if (!parts) {
    return 0;
  }
  for (const childmaint::api::MultipartPart& p : *parts) {
    static_cast<void>(childmaint::api::PrintableUtf8(p.data));
    const auto sniffed = childmaint::api::SniffDocumentType(p.data);
    const childmaint::api::DocumentType fallback{"application/pdf", ".pdf"};
    const std::string name =
        childmaint::api::SafeFileName(p.filename.value_or(""), sniffed.value_or(fallback));
    if (name.empty() || name.size() > childmaint::api::kMaxFileNameChars ||
        name.find_first_of("/\\\"\r\n") != std::string::npos) {
      std::abort();
    }
  }
  return 0;
}
