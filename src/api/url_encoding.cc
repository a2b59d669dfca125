#include "api/url_encoding.h"

namespace childmaint::api {

namespace {

constexpr int kHexBase = 16;
constexpr int kHexLetterValue = 10;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + kHexLetterValue;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + kHexLetterValue;
  }
  return -1;
}

}  // namespace

std::string PercentDecode(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '+') {
      out.push_back(' ');
    } else if (v[i] == '%' && i + 2 < v.size() && HexDigit(v[i + 1]) >= 0 &&
               HexDigit(v[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(v[i + 1]) * kHexBase + HexDigit(v[i + 2])));
      i += 2;
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

std::string FormField(std::string_view body, std::string_view name) {
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view part = body.substr(0, amp);
    const auto eq = part.find('=');
    if (part.substr(0, eq) == name && eq != std::string_view::npos) {
      return PercentDecode(part.substr(eq + 1));
    }
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
  }
  return {};
}

std::string CookieIn(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') {
      part.remove_prefix(1);
    }
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
  }
  return {};
}

}  // namespace childmaint::api
