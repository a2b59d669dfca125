// File: json_syntax.cc — single-pass, non-recursive CheckJsonSyntax(). Open containers are tracked
// in a fixed-size bit stack (std::bitset: 1 = object, 0 = array): no recursion, no allocation.
#include "contract/json_syntax.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace childmaint::contract {
namespace {

constexpr std::size_t kMaxDepth = static_cast<std::size_t>(kMaxJsonSyntaxDepth);
constexpr unsigned char kFirstUnescaped = 0x20;  // String bytes below this must be escaped.
constexpr unsigned char kFirstNonAscii = 0x80;
constexpr std::string_view kSimpleEscapes = "\"\\/bfnrt";  // Bytes allowed after '\' besides 'u'.
constexpr int kHexDigitsPerEscape = 4;
constexpr int kBitsPerHexDigit = 4;
constexpr int kDecimalDigits = 10;
constexpr int kAsciiLowerCaseBit = 0x20;  // 'A' | 0x20 == 'a'.

// UTF-16 code units reserved for surrogates, as they appear in \uXXXX escapes.
constexpr std::uint32_t kHighSurrogateMin = 0xD800;
constexpr std::uint32_t kLowSurrogateMin = 0xDC00;
constexpr std::uint32_t kLowSurrogateMax = 0xDFFF;

// Well-formed UTF-8 (Unicode Standard, Table 3-7): per range of lead bytes, the sequence length and
// the allowed range of the second byte; any further bytes are continuation bytes 0x80..0xBF.
struct Utf8Lead {
  unsigned char lead_min, lead_max, second_min, second_max;
  std::uint8_t length;  // 0: not a lead byte (ASCII, continuation, 0xC0, 0xC1, 0xF5..0xFF).
};
constexpr unsigned char kContinuationMin = 0x80;
constexpr unsigned char kContinuationMax = 0xBF;
constexpr std::array<Utf8Lead, 8> kUtf8LeadRanges = {{
    {0xC2, 0xDF, 0x80, 0xBF, 2},
    {0xE0, 0xE0, 0xA0, 0xBF, 3},  // No overlongs below U+0800.
    {0xE1, 0xEC, 0x80, 0xBF, 3},
    {0xED, 0xED, 0x80, 0x9F, 3},  // No surrogates U+D800..U+DFFF.
    {0xEE, 0xEF, 0x80, 0xBF, 3},
    {0xF0, 0xF0, 0x90, 0xBF, 4},  // No overlongs below U+10000.
    {0xF1, 0xF3, 0x80, 0xBF, 4},
    {0xF4, 0xF4, 0x80, 0x8F, 4},  // Nothing above U+10FFFF.
}};
constexpr std::array<Utf8Lead, 256> kUtf8LeadByByte = [] {
  std::array<Utf8Lead, 256> table{};
  for (const Utf8Lead& range : kUtf8LeadRanges) {
    for (unsigned lead = range.lead_min; lead <= range.lead_max; ++lead) {
      table[lead] = range;
    }
  }
  return table;
}();

// True for bytes that may appear unescaped in a string and need no further inspection: printable
// ASCII other than '"' and '\' (RFC 8259 allows 0x7F unescaped).
constexpr std::array<bool, 256> kPlainStringByte = [] {
  std::array<bool, 256> table{};
  for (std::size_t b = kFirstUnescaped; b < kFirstNonAscii; ++b) {
    table[b] = b != '"' && b != '\\';
  }
  return table;
}();

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsContinuation(unsigned char c) { return c >= kContinuationMin && c <= kContinuationMax; }
bool IsLowSurrogate(std::uint32_t u) { return u >= kLowSurrogateMin && u <= kLowSurrogateMax; }
bool IsHighSurrogate(std::uint32_t u) { return u >= kHighSurrogateMin && u < kLowSurrogateMin; }

// Returns the value of hex digit `c`, or -1 if `c` is not a hex digit.
int HexValue(unsigned char c) {
  const int lower = c | kAsciiLowerCaseBit;
  const bool letter = lower >= 'a' && lower <= 'f';
  return IsDigit(c) ? c - '0' : (letter ? lower - 'a' + kDecimalDigits : -1);
}

class Checker {
 public:
  explicit Checker(std::string_view text)
      : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()) {}

  JsonSyntax Run(int max_depth) {
    const std::size_t limit =
        max_depth <= 0 ? 0 : std::min(static_cast<std::size_t>(max_depth), kMaxDepth);
    std::size_t depth = 0;  // Open, non-empty containers.
    bool need_key = false;  // The next value is an object member: scan `string ':'` first.
    while (true) {
      if (need_key && !ScanMemberKey()) {
        return JsonSyntax::kInvalid;
      }
      SkipWhitespace();
      if (Consume('{') || Consume('[')) {
        const bool is_object = p_[-1] == '{';
        if (depth == limit) {
          return JsonSyntax::kTooDeep;
        }
        SkipWhitespace();
        if (!Consume(is_object ? '}' : ']')) {
          is_object_[depth++] = is_object;
          need_key = is_object;
          continue;
        }
      } else if (!ScanScalar()) {
        return JsonSyntax::kInvalid;
      }
      // A value is complete: close finished containers, then require ',' or the end of the text.
      while (true) {
        SkipWhitespace();
        if (depth == 0) {
          return AtEnd() ? JsonSyntax::kValid : JsonSyntax::kInvalid;
        }
        if (Consume(',')) {
          break;
        }
        if (!Consume(is_object_[depth - 1] ? '}' : ']')) {
          return JsonSyntax::kInvalid;
        }
        --depth;
      }
      need_key = is_object_[depth - 1];
    }
  }

 private:
  bool AtEnd() const { return p_ == end_; }
  bool Consume(unsigned char c) {
    const bool match = p_ != end_ && *p_ == c;
    p_ += match ? 1 : 0;
    return match;
  }

  void SkipWhitespace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) {
      ++p_;
    }
  }

  bool ConsumeDigits() {  // One or more decimal digits.
    const unsigned char* start = p_;
    while (p_ != end_ && IsDigit(*p_)) {
      ++p_;
    }
    return p_ != start;
  }

  bool ScanScalar() {
    if (Consume('"')) {
      return ScanStringTail();
    }
    if (AtEnd() || *p_ == '-' || IsDigit(*p_)) {
      return ScanNumber();
    }
    return ScanLiteral(*p_ == 't' ? "true" : *p_ == 'f' ? "false" : "null");
  }

  bool ScanLiteral(std::string_view word) {
    const std::size_t left = static_cast<std::size_t>(end_ - p_);
    const bool match = std::string_view(reinterpret_cast<const char*>(p_), left).starts_with(word);
    p_ += match ? word.size() : 0;
    return match;
  }

  // number = ['-'] ('0' / digit1-9 *DIGIT) ['.' 1*DIGIT] [('e' / 'E') ['+' / '-'] 1*DIGIT]; the
  // byte after it is checked by the caller (so "01" and "1x" fail there). Fails at end of text.
  bool ScanNumber() {
    Consume('-');
    if ((!Consume('0') && !ConsumeDigits()) || (Consume('.') && !ConsumeDigits())) {
      return false;
    }
    if (Consume('e') || Consume('E')) {
      static_cast<void>(Consume('+') || Consume('-'));
      return ConsumeDigits();
    }
    return true;
  }

  // Scans the rest of a string after its opening quote, up to and including the closing quote.
  bool ScanStringTail() {
    while (true) {
      while (p_ != end_ && kPlainStringByte[*p_]) {
        ++p_;
      }
      if (Consume('"')) {
        return true;
      }
      if (AtEnd() || *p_ < kFirstUnescaped || !(Consume('\\') ? ScanEscape() : ScanUtf8())) {
        return false;
      }
    }
  }

  // Scans an escape after its backslash. A high surrogate \uD800..\uDBFF must be followed
  // immediately by a low surrogate \uDC00..\uDFFF; lone surrogates are invalid.
  bool ScanEscape() {
    if (!Consume('u')) {
      return !AtEnd() && kSimpleEscapes.find(static_cast<char>(*p_++)) != std::string_view::npos;
    }
    std::uint32_t unit = 0;
    if (!ScanHex4(unit) || IsLowSurrogate(unit)) {
      return false;
    }
    return !IsHighSurrogate(unit) ||
           (Consume('\\') && Consume('u') && ScanHex4(unit) && IsLowSurrogate(unit));
  }

  bool ScanHex4(std::uint32_t& unit) {
    unit = 0;
    for (int i = 0; i < kHexDigitsPerEscape; ++i, ++p_) {
      const int digit = AtEnd() ? -1 : HexValue(*p_);
      if (digit < 0) {
        return false;
      }
      unit = (unit << kBitsPerHexDigit) | static_cast<std::uint32_t>(digit);
    }
    return true;
  }

  // Scans one well-formed multi-byte UTF-8 sequence starting at a byte >= 0x80.
  bool ScanUtf8() {
    const Utf8Lead& rule = kUtf8LeadByByte[*p_];
    const bool ok = rule.length != 0 && end_ - p_ >= rule.length && p_[1] >= rule.second_min &&
                    p_[1] <= rule.second_max &&
                    std::all_of(p_ + 2, p_ + rule.length, IsContinuation);
    p_ += ok ? rule.length : 0;
    return ok;
  }

  // member = string ws ':' (leading whitespace included); Run() scans the value that follows.
  bool ScanMemberKey() {
    SkipWhitespace();
    const bool key_ok = Consume('"') && ScanStringTail();
    SkipWhitespace();
    return key_ok && Consume(':');
  }

  const unsigned char* p_;
  const unsigned char* const end_;
  std::bitset<kMaxDepth> is_object_;  // is_object_[i]: the container at level i + 1 is an object.
};

}  // namespace

JsonSyntax CheckJsonSyntax(std::string_view text, int max_depth) {
  return Checker(text).Run(max_depth);
}

}  // namespace childmaint::contract
