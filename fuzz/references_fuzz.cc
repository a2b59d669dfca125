// File: references_fuzz.cc — libFuzzer entry point for what parents and caseworkers type:
// ParseCaseReference(), ParseNiNumber() and IsGhacmReference().
//
// Checked: an accepted case reference is 12 digits starting 121 and parses to itself; the
// reference made from the first 8 bytes' sequence (in range) parses back unchanged; an accepted NI
// number is 9 characters (2 letters, 6 digits, A-D) and parses to itself; a GHACM reference is
// 1-32 letters, digits and hyphens.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "cases/references.h"

namespace {

constexpr std::int64_t kMaxSequence = 99'999'999;
constexpr std::size_t kCaseReferenceDigits = 12;
constexpr std::size_t kNiLength = 9;
constexpr std::size_t kMaxGhacm = 32;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "references_fuzz: %s\n", what);
    std::abort();
  }
}

bool AllOf(std::string_view s, int (*pred)(int)) {
  for (const char c : s) {
    if (pred(static_cast<unsigned char>(c)) == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace childmaint::cases;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (const auto ref = ParseCaseReference(text)) {
    Check(ref->size() == kCaseReferenceDigits && ref->starts_with("121") && AllOf(*ref, isdigit),
          "an accepted case reference is not 121 and 9 digits");
    const auto again = ParseCaseReference(*ref);
    Check(again && *again == *ref, "a case reference does not parse to itself");
  }
  if (size >= sizeof(std::uint64_t)) {
    std::uint64_t raw = 0;
    std::memcpy(&raw, data, sizeof raw);
    const auto sequence = static_cast<std::int64_t>(raw % kMaxSequence) + 1;
    const std::string made = CaseReference(sequence);
    const auto parsed = ParseCaseReference(made);
    Check(parsed && *parsed == made, "a made case reference does not parse back");
  }
  if (const auto ni = ParseNiNumber(text)) {
    Check(ni->size() == kNiLength && AllOf(ni->substr(0, 2), isupper) &&
              AllOf(ni->substr(2, 6), isdigit) && ni->back() >= 'A' && ni->back() <= 'D',
          "an accepted NI number is not 2 letters, 6 digits, A-D");
    const auto again = ParseNiNumber(*ni);
    Check(again && *again == *ni, "an NI number does not parse to itself");
  }
  if (IsGhacmReference(text)) {
    Check(!text.empty() && text.size() <= kMaxGhacm &&
          text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
              std::string_view::npos,
          "a GHACM reference of other characters or length");
  }
  return 0;
}
