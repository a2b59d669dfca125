// Case references (service.md §2: 12 digits beginning 121 with a check digit), NI numbers (HMRC
// National Insurance number format), GHACM references and URIs (api.md "Application body").
#include "cases/references.h"

#include <array>
#include <cctype>

namespace childmaint::cases {

namespace {

constexpr std::string_view kCasePrefix = "121";
constexpr std::size_t kCaseDigits = 12;
constexpr std::int64_t kMaxSequence = 99'999'999;
constexpr std::size_t kNiLength = 9;
constexpr std::size_t kMaxGhacm = 32;

// Luhn check digit for the digits given (the check digit to append).
int LuhnCheckDigit(std::string_view digits) {
  int sum = 0;
  bool twice = true;  // the digit next to the check digit is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

std::string Digits(std::int64_t v, std::size_t width) {
  std::string s = std::to_string(v);
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

std::string StripSpaces(std::string_view text) {
  std::string s;
  for (const char c : text) {
    if (c != ' ') {
      s.push_back(c);
    }
  }
  return s;
}

}  // namespace

std::string CaseReference(std::int64_t sequence) {
  const std::string body = std::string(kCasePrefix) + Digits(sequence % (kMaxSequence + 1), 8);
  return body + static_cast<char>('0' + LuhnCheckDigit(body));
}

Result<std::string> ParseCaseReference(std::string_view text) {
  const std::string s = StripSpaces(text);
  const auto not_found = Error::Make(ErrorCode::kNotFound, "case.not_found", "no such case");
  if (s.size() != kCaseDigits || !s.starts_with(kCasePrefix)) {
    return not_found;
  }
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return not_found;
    }
  }
  if (LuhnCheckDigit(std::string_view(s).substr(0, kCaseDigits - 1)) != s.back() - '0') {
    return not_found;
  }
  return s;
}

Result<std::string> ParseNiNumber(std::string_view text) {
  std::string s = StripSpaces(text);
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  const auto bad = Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                               "must be a National Insurance number like QQ123456C");
  if (s.size() != kNiLength) {
    return bad;
  }
  const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!letter(s[0]) || !letter(s[1]) || s[8] < 'A' || s[8] > 'D') {
    return bad;
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (!digit(s[i])) {
      return bad;
    }
  }
  constexpr std::string_view kNotFirst = "DFIQUV";
  constexpr std::string_view kNotSecond = "DFIOQUV";
  constexpr std::array<std::string_view, 7> kNeverIssued = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  if (kNotFirst.find(s[0]) != std::string_view::npos ||
      kNotSecond.find(s[1]) != std::string_view::npos) {
    return bad;
  }
  for (const auto prefix : kNeverIssued) {
    if (std::string_view(s).substr(0, 2) == prefix) {
      return bad;
    }
  }
  return s;
}

bool IsGhacmReference(std::string_view text) {
  if (text.empty() || text.size() > kMaxGhacm) {
    return false;
  }
  for (const char c : text) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-')) {
      return false;
    }
  }
  return true;
}

std::string UniqueReferenceIndicator(std::int64_t sequence) { return "URI" + Digits(sequence, 9); }

}  // namespace childmaint::cases
