// File: exact_pence.h — rational pence between roundings, and the only ways back to Money.
//
//   ExactPence share = ExactPence(weekly) / 3;             // exact thirds
//   ExactPence reduced = share * Rate::Of(5, 7);            // exact
//   Money due = RoundHalfUpToPenny(reduced);               // calc-contract rule 12
//
// Numerator is 128-bit, denominator positive 64-bit; overflow is a bug (CMS_CHECK), which inputs
// bounded by the contract (amounts up to 10^10 pence, small counts) cannot reach.
// Thread safety: a value type.
#pragma once

#include <compare>
#include <cstdint>
#include <span>

#include "base/int128.h"
#include "base/money.h"
#include "base/rate.h"

namespace childmaint {

class ExactPence {
 public:
  constexpr ExactPence() = default;
  constexpr explicit ExactPence(Money m) : num_(m.pence()), den_(1) {}
  static ExactPence Pence(std::int64_t p) { return ExactPence(Money::Pence(p)); }

  ExactPence operator+(const ExactPence& o) const;
  ExactPence operator-(const ExactPence& o) const;
  ExactPence operator*(Rate r) const;
  ExactPence operator*(std::int64_t k) const;
  ExactPence operator/(std::int64_t k) const;  // k > 0
  ExactPence& operator+=(const ExactPence& o) { return *this = *this + o; }
  ExactPence& operator-=(const ExactPence& o) { return *this = *this - o; }

  bool IsNegative() const { return num_ < 0; }
  bool IsWhole() const { return num_ % den_ == 0; }
  Money Floor() const;                      // towards minus infinity
  // The part dropped by Floor(), as an exact fraction of a penny in [0, 1).
  ExactPence FractionDropped() const;

  friend bool operator==(const ExactPence& a, const ExactPence& b);
  friend std::strong_ordering operator<=>(const ExactPence& a, const ExactPence& b);

  Int128 num() const { return num_; }
  std::int64_t den() const { return den_; }

 private:
  ExactPence(Int128 num, std::int64_t den) : num_(num), den_(den) {}
  static ExactPence Make(Int128 num, Int128 den);
  Int128 num_ = 0;
  std::int64_t den_ = 1;
};

ExactPence Max(const ExactPence& a, const ExactPence& b);
ExactPence Min(const ExactPence& a, const ExactPence& b);

// Round half away from zero to a whole penny: calc-contract rule 12, reg 6 reading (INTERP-001).
// Every rounding of money in the project goes through this function.
Money RoundHalfUpToPenny(const ExactPence& x);

// Splits a rounded total between shares: each share rounded down to a whole penny, then the pence
// still needed go one each to the shares with the largest fractions dropped, ties to the earlier
// share (calc-contract rule 12, INTERP-002). out.size() == shares.size(); the parts sum to total.
// total must lie in [sum of floors, sum of floors + number of shares] (checked).
void SplitLargestRemainder(Money total, std::span<const ExactPence> shares, std::span<Money> out);

}  // namespace childmaint
