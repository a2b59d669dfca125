// File: url_encoding.h — the small text formats a browser sends: percent-encoding, the
// application/x-www-form-urlencoded body and the Cookie header. Pure string functions (no request
// types), so the fuzzers (fuzz/) can build them alone.
//
//   std::string v = FormField("name=Ann+Lee&csrf=x", "name");    // "Ann Lee"
//   std::string s = CookieIn("a=1; cms_session=abc", "cms_session");  // "abc"
#pragma once

#include <string>
#include <string_view>

namespace childmaint::api {

// URL-encoded text decoded: "+" is a space, "%XX" a byte; a malformed escape is kept as it is.
std::string PercentDecode(std::string_view text);
// The first `name`=value pair of an urlencoded body, its value decoded ("" when absent).
std::string FormField(std::string_view body, std::string_view name);
// The first `name`=value pair of a Cookie header's value, as it stands ("" when absent).
std::string CookieIn(std::string_view header, std::string_view name);

}  // namespace childmaint::api
