// File: money.h — exact sterling: a signed whole number of pence; never floating point.
//
//   Money fee = Money::Pence(2000);
//   CMS_ASSIGN_OR_RETURN(const Money flat, Money::ParsePounds("7.00"));   // law/ files only
//   Money total = fee + flat;          // overflow is a bug: checked, aborts
//   Result<Money> sum = CheckedAdd(a, b);   // where input could overflow: an error value
//
// Deliberately absent: Money * Money, conversion to double, implicit constructors.
// Thread safety: a value type.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace childmaint {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Pence(std::int64_t p) { return Money(p); }
  // "800.00": digits, a point and exactly two decimals; an optional leading '-'.
  static Result<Money> ParsePounds(std::string_view s);

  constexpr std::int64_t pence() const { return pence_; }
  // "£1,234.56" (a leading '-' for negative amounts).
  std::string ToPounds() const;

  Money operator+(Money o) const;
  Money operator-(Money o) const;
  Money operator*(std::int64_t count) const;
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t p) : pence_(p) {}
  std::int64_t pence_ = 0;
};

Result<Money> CheckedAdd(Money a, Money b);
Result<Money> CheckedSub(Money a, Money b);

// Appends "£1,234.56" to out without allocating beyond out's growth.
void AppendPounds(std::string& out, std::int64_t pence);

}  // namespace childmaint
