// File: rate.h — an exact rate or fraction: num/den, den > 0, always reduced.
//
//   CMS_ASSIGN_OR_RETURN(const Rate basic, Rate::Parse("12%"));   // 3/25
//   Rate::Parse("14.1%")  -> 141/1000;   Rate::Parse("2/7") -> 2/7;   Rate::Parse("4") -> 4/1
//
// Never binary floating point. Thread safety: a value type.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace childmaint {

class Rate {
 public:
  constexpr Rate() = default;
  // Reduces; den must be > 0 (checked).
  static Rate Of(std::int64_t num, std::int64_t den);
  // "12%", "14.1%", "2/7", "1/2", "0", "4".
  static Result<Rate> Parse(std::string_view s);

  constexpr std::int64_t num() const { return num_; }
  constexpr std::int64_t den() const { return den_; }
  bool IsZero() const { return num_ == 0; }

  Rate Complement() const;  // 1 - this
  Rate operator*(Rate o) const;
  // "12%" where the rate is a whole or decimal percentage with up to 3 decimals; else "2/7".
  std::string ToText() const;
  // "2/7" — always the fraction form; 0 is "0/7"-style only when den is given by the caller.
  std::string ToFraction() const;

  friend bool operator==(const Rate& a, const Rate& b) = default;
  friend std::strong_ordering operator<=>(const Rate& a, const Rate& b);

 private:
  constexpr Rate(std::int64_t num, std::int64_t den) : num_(num), den_(den) {}
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// Appends Rate::ToText() to out.
void AppendRate(std::string& out, Rate r);

}  // namespace childmaint
