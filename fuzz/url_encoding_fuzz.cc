// File: url_encoding_fuzz.cc — libFuzzer entry point for the portal's form and cookie readers:
// PercentDecode(), FormField() (portal::FormValue) and CookieIn() (api::CookieValue).
//
// The first byte picks a field name length; the rest is the name, then a body/header. Checked:
// decoding never grows the text; a cookie value found is a part of the header holding no ';';
// and round trips: a value percent-encoded into "name=<encoded>&<rest>" reads back exactly, and
// "<name>=<value>; <rest>" (value without ';') gives the value back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/url_encoding.h"

namespace {

std::string PercentEncode(std::string_view v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : v) {
    const auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4U]);
      out.push_back(kHex[b & 0xFU]);
    }
  }
  return out;
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "url_encoding_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using childmaint::api::CookieIn;
  using childmaint::api::FormField;
  using childmaint::api::PercentDecode;
  if (size == 0) {
    return 0;
  }
  const std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t name_length = std::min<std::size_t>(data[0] % 16U, all.size());
  const std::string_view name = all.substr(0, name_length);
  const std::string_view text = all.substr(name_length);

  Check(PercentDecode(text).size() <= text.size(), "decoding grew the text");
  Check(FormField(text, name).size() <= text.size(), "a form value longer than the body");
  const std::string cookie = CookieIn(text, name);
  Check(cookie.find(';') == std::string::npos, "a cookie value holds ';'");
  Check(cookie.empty() || text.find(std::string(name) + "=" + cookie) != std::string_view::npos,
        "a cookie value not in the header");

  // Round trips, for a name the formats can carry.
  if (name.empty() || name.find_first_of("=&; ") != std::string_view::npos) {
    return 0;
  }
  Check(FormField(std::string(name) + "=" + PercentEncode(text) + "&" + std::string(text), name) ==
            text,
        "an encoded form value does not read back");
  const std::string_view value = text.substr(0, text.find(';'));
  Check(CookieIn(std::string(name) + "=" + std::string(value) + "; " + std::string(text), name) ==
            value,
        "a cookie does not read back");
  return 0;
}
