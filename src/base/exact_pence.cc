#include "base/exact_pence.h"

#include <numeric>

#include "base/check.h"

namespace childmaint {

namespace {
// Denominators above this are reduced by the gcd; the true denominators of the calculation stay
// far below it (products of 1000, 100, 7, 2 and child counts).
constexpr std::int64_t kReduceAbove = std::int64_t{1} << 40;

Int128 Mul(Int128 a, Int128 b) {
  Int128 r = 0;
  CMS_CHECK(!__builtin_mul_overflow(a, b, &r)) << "ExactPence overflow in *";
  return r;
}
Int128 Add(Int128 a, Int128 b) {
  Int128 r = 0;
  CMS_CHECK(!__builtin_add_overflow(a, b, &r)) << "ExactPence overflow in +";
  return r;
}
Int128 Abs(Int128 a) { return a < 0 ? -a : a; }
bool Fits64(Int128 a) { return a >= INT64_MIN && a <= INT64_MAX; }
// n / d and n % d (d > 0) in 64 bits when both fit, the usual case: 128-bit division is a call.
Int128 Quotient(Int128 n, Int128 d) {
  if (Fits64(n) && Fits64(d)) {
    return static_cast<std::int64_t>(n) / static_cast<std::int64_t>(d);
  }
  return n / d;
}
Int128 Remainder(Int128 n, Int128 d) {
  if (Fits64(n) && Fits64(d)) {
    return static_cast<std::int64_t>(n) % static_cast<std::int64_t>(d);
  }
  return n % d;
}
Int128 FloorDiv(Int128 n, Int128 d) {  // d > 0
  Int128 q = Quotient(n, d);
  if (n < 0 && Remainder(n, d) != 0) {
    --q;
  }
  return q;
}
}  // namespace

ExactPence ExactPence::Make(Int128 num, Int128 den) {
  CMS_CHECK(den > 0) << "ExactPence denominator must be positive";
  if (den > kReduceAbove) {
    const auto d64 = static_cast<std::int64_t>(den);
    CMS_CHECK(den <= INT64_MAX) << "ExactPence denominator overflow";
    const auto rem = static_cast<std::int64_t>(Abs(num) % den);
    const std::int64_t g = std::gcd(rem, d64);
    num /= g;
    den /= g;
  }
  CMS_CHECK(den <= INT64_MAX) << "ExactPence denominator overflow";
  return ExactPence(num, static_cast<std::int64_t>(den));
}

ExactPence ExactPence::operator+(const ExactPence& o) const {
  if (den_ == o.den_) {
    return ExactPence(Add(num_, o.num_), den_);
  }
  const std::int64_t g = std::gcd(den_, o.den_);
  const Int128 l = Mul(den_ / g, o.den_);
  return Make(Add(Mul(num_, o.den_ / g), Mul(o.num_, den_ / g)), l);
}

ExactPence ExactPence::operator-(const ExactPence& o) const {
  return *this + ExactPence(-o.num_, o.den_);
}

ExactPence ExactPence::operator*(Rate r) const {
  const std::int64_t g = std::gcd(den_, r.num());
  if (g <= 1) {
    return Make(Mul(num_, r.num()), Mul(den_, r.den()));
  }
  return Make(Mul(num_, r.num() / g), Mul(den_ / g, r.den()));
}

ExactPence ExactPence::operator*(std::int64_t k) const { return ExactPence(Mul(num_, k), den_); }

ExactPence ExactPence::operator/(std::int64_t k) const {
  CMS_CHECK(k > 0) << "ExactPence divided by a non-positive count";
  if (num_ % k == 0) {
    return ExactPence(num_ / k, den_);
  }
  return Make(num_, Mul(den_, k));
}

Money ExactPence::Floor() const {
  const Int128 q = FloorDiv(num_, den_);
  CMS_CHECK(q <= INT64_MAX && q >= INT64_MIN) << "ExactPence too large for Money";
  return Money::Pence(static_cast<std::int64_t>(q));
}

ExactPence ExactPence::FractionDropped() const {
  return ExactPence(num_ - Mul(FloorDiv(num_, den_), den_), den_);
}

bool operator==(const ExactPence& a, const ExactPence& b) {
  return Mul(a.num_, b.den_) == Mul(b.num_, a.den_);
}

std::strong_ordering operator<=>(const ExactPence& a, const ExactPence& b) {
  const Int128 l = a.den_ == b.den_ ? a.num_ : Mul(a.num_, b.den_);
  const Int128 r = a.den_ == b.den_ ? b.num_ : Mul(b.num_, a.den_);
  return l < r ? std::strong_ordering::less
               : (l > r ? std::strong_ordering::greater : std::strong_ordering::equal);
}

ExactPence Max(const ExactPence& a, const ExactPence& b) { return a < b ? b : a; }
ExactPence Min(const ExactPence& a, const ExactPence& b) { return b < a ? b : a; }

Money RoundHalfUpToPenny(const ExactPence& x) {
  const Int128 n = Abs(x.num());
  const Int128 d = x.den();
  const Int128 q = Quotient(Add(Mul(n, 2), d), Mul(d, 2));  // floor(n/d + 1/2)
  CMS_CHECK(q <= INT64_MAX) << "ExactPence too large for Money";
  const auto p = static_cast<std::int64_t>(q);
  return Money::Pence(x.num() < 0 ? -p : p);
}

void SplitLargestRemainder(Money total, std::span<const ExactPence> shares, std::span<Money> out) {
  CMS_CHECK(out.size() == shares.size()) << "SplitLargestRemainder: size mismatch";
  std::int64_t floors = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    out[i] = shares[i].Floor();
    floors += out[i].pence();
  }
  std::int64_t left = total.pence() - floors;
  CMS_CHECK(left >= 0 && left <= static_cast<std::int64_t>(shares.size()))
      << "SplitLargestRemainder: total " << total.pence() << " not reachable from floors " << floors;
  // Hand out one penny at a time to the largest remaining fraction; ties to the earlier share.
  // At most 20 receiving parents, so the quadratic pass is cheap and allocation-free.
  constexpr std::size_t kMaxShares = 64;
  CMS_CHECK(shares.size() <= kMaxShares) << "SplitLargestRemainder: too many shares";
  bool given[kMaxShares] = {};
  for (; left > 0; --left) {
    std::size_t best = shares.size();
    ExactPence best_fraction;
    for (std::size_t i = 0; i < shares.size(); ++i) {
      if (given[i]) {
        continue;
      }
      const ExactPence f = shares[i].FractionDropped();
      if (best == shares.size() || f > best_fraction) {
        best = i;
        best_fraction = f;
      }
    }
    given[best] = true;
    out[best] += Money::Pence(1);
  }
}

}  // namespace childmaint
