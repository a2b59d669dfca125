// File: plain_json.h — the JSON primitives of the plain request reader (plain_request_reader.h):
// a cursor over strict JSON that answers false, rather than an error, at anything it does not
// accept. Header-only so that the reader's calls inline.
//
//   PlainJson json(text);
//   std::string_view s;
//   bool ok = json.Object([&](std::string_view key) { return Is(key, "a") && json.String(s); });
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace childmaint::contract {

// text == word, for a word whose length is known when compiling: compared eight bytes at a time,
// inline (a memcmp of a long key is a library call).
template <std::size_t N>
bool Is(std::string_view text, const char (&word)[N]) {
  constexpr std::size_t kLength = N - 1;
  if (text.size() != kLength) {
    return false;
  }
  if constexpr (kLength < 8) {
    return std::memcmp(text.data(), word, kLength) == 0;
  } else {
    const auto load = [](const char* at) {
      std::uint64_t x = 0;
      std::memcpy(&x, at, 8);
      return x;
    };
    std::uint64_t diff = 0;
    for (std::size_t i = 0; i + 8 <= kLength; i += 8) {
      diff |= load(text.data() + i) ^ load(word + i);
    }
    // The last eight bytes, overlapping the words before when the length is not a multiple of 8.
    diff |= load(text.data() + kLength - 8) ^ load(word + kLength - 8);
    return diff == 0;
  }
}

class PlainJson {
 public:
  explicit PlainJson(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // Only whitespace left.
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) {
      ++p_;
    }
  }

  bool Eat(char c) {
    SkipSpace();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }

  bool Literal(std::string_view word) {
    SkipSpace();
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // A string of ASCII without escapes or control characters.
  bool String(std::string_view& s) {
    if (!Eat('"')) {
      return false;
    }
    const char* begin = p_;
    for (; end_ - p_ >= 8; p_ += 8) {  // eight bytes at a time while there are eight
      std::uint64_t x = 0;
      std::memcpy(&x, p_, 8);
      if (const std::uint64_t hit = Special(x); hit != 0) {
        p_ += std::countr_zero(hit) / 8;  // the first special byte (little-endian)
        break;
      }
    }
    for (; p_ < end_; ++p_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        s = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        ++p_;
        return true;
      }
      if (c < 0x20 || c == '\\' || c > 0x7F) {
        return false;
      }
    }
    return false;
  }

  // The high bit of each byte of x that is '"', '\\', below 0x20 or above 0x7F; exact for the
  // lowest such byte (the borrows of a subtraction only mark bytes above a true one).
  static std::uint64_t Special(std::uint64_t x) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    const std::uint64_t quote = x ^ (kOnes * '"');
    const std::uint64_t backslash = x ^ (kOnes * '\\');
    return (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
            ((x - kOnes * 0x20) & ~x) | x) &
           kHigh;
  }

  // A whole number in [0, max] written as JSON writes it: no sign, no leading zero.
  bool Whole(std::int64_t max, std::int64_t& out) {
    SkipSpace();
    if (p_ == end_ || *p_ < '0' || *p_ > '9') {
      return false;
    }
    if (*p_ == '0') {
      ++p_;
      out = 0;
      return p_ == end_ || *p_ < '0' || *p_ > '9';
    }
    std::int64_t v = 0;
    int digits = 0;
    for (; p_ < end_ && *p_ >= '0' && *p_ <= '9'; ++p_) {
      if (++digits > kMaxDigits) {
        return false;
      }
      v = v * 10 + (*p_ - '0');
    }
    out = v;
    return v <= max;
  }

  template <typename Fn>
  bool Object(Fn&& fn) {
    if (!Eat('{')) {
      return false;
    }
    if (Eat('}')) {
      return true;
    }
    do {
      std::string_view key;
      if (!String(key) || !Eat(':') || !fn(key)) {
        return false;
      }
    } while (Eat(','));
    return Eat('}');
  }

  // fn() reads one item; at most `max` items.
  template <typename Fn>
  bool List(std::size_t max, Fn&& fn) {
    if (!Eat('[')) {
      return false;
    }
    if (Eat(']')) {
      return true;
    }
    std::size_t n = 0;
    do {
      if (n++ == max || !fn()) {
        return false;
      }
    } while (Eat(','));
    return Eat(']');
  }

 private:
  static constexpr int kMaxDigits = 18;  // more could overflow; longer go the full reader's way
  const char* p_;
  const char* end_;
};

}  // namespace childmaint::contract
