#include "base/rate.h"

#include <algorithm>
#include <charconv>
#include <numeric>

#include "base/check.h"
#include "base/int128.h"

namespace childmaint {

namespace {
constexpr std::int64_t kPercent = 100;
constexpr std::int64_t kDigitBase = 10;
constexpr int kMaxPercentDecimals = 3;
constexpr std::size_t kMaxIntChars = 20;

Result<std::int64_t> ParseDigits(std::string_view s, int& decimals) {
  std::int64_t v = 0;
  bool seen_point = false;
  bool any = false;
  decimals = 0;
  for (const char c : s) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') {
      return Error::Make(ErrorCode::kInvalidArgument, "rate.syntax", "not a rate");
    }
    any = true;
    if (seen_point) {
      ++decimals;
    }
    if (__builtin_mul_overflow(v, kDigitBase, &v) || __builtin_add_overflow(v, c - '0', &v)) {
      return Error::Make(ErrorCode::kInvalidArgument, "rate.syntax", "rate too large");
    }
  }
  if (!any || (seen_point && decimals == 0)) {
    return Error::Make(ErrorCode::kInvalidArgument, "rate.syntax", "not a rate");
  }
  return v;
}

std::int64_t Pow10(int n) {
  std::int64_t r = 1;
  for (int i = 0; i < n; ++i) {
    r *= kDigitBase;
  }
  return r;
}
}  // namespace

Rate Rate::Of(std::int64_t num, std::int64_t den) {
  CMS_CHECK(den > 0) << "Rate denominator must be positive";
  const std::int64_t g = std::gcd(num, den);
  return Rate(num / g, den / g);
}

Result<Rate> Rate::Parse(std::string_view s) {
  const auto bad = Error::Make(ErrorCode::kInvalidArgument, "rate.syntax",
                               "a rate must look like 12%, 14.1% or 2/7");
  if (s.empty()) {
    return bad;
  }
  int decimals = 0;
  if (s.back() == '%') {
    auto v = ParseDigits(s.substr(0, s.size() - 1), decimals);
    if (!v || decimals > kMaxPercentDecimals) {
      return bad;
    }
    return Rate::Of(*v, kPercent * Pow10(decimals));
  }
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) {
    auto v = ParseDigits(s, decimals);
    if (!v || decimals != 0) {
      return bad;
    }
    return Rate::Of(*v, 1);
  }
  auto n = ParseDigits(s.substr(0, slash), decimals);
  if (!n || decimals != 0) {
    return bad;
  }
  auto d = ParseDigits(s.substr(slash + 1), decimals);
  if (!d || decimals != 0 || *d == 0) {
    return bad;
  }
  return Rate::Of(*n, *d);
}

Rate Rate::Complement() const { return Rate::Of(den_ - num_, den_); }

Rate Rate::operator*(Rate o) const {
  Int128 n = static_cast<Int128>(num_) * o.num_;
  Int128 d = static_cast<Int128>(den_) * o.den_;
  const std::int64_t g1 = std::gcd(num_, o.den_);
  const std::int64_t g2 = std::gcd(o.num_, den_);
  n /= (g1 == 0 ? 1 : g1) * static_cast<Int128>(g2 == 0 ? 1 : g2);
  d /= (g1 == 0 ? 1 : g1) * static_cast<Int128>(g2 == 0 ? 1 : g2);
  CMS_CHECK(n <= INT64_MAX && n >= INT64_MIN && d <= INT64_MAX) << "Rate overflow";
  return Rate::Of(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
}

std::strong_ordering operator<=>(const Rate& a, const Rate& b) {
  const Int128 l = static_cast<Int128>(a.num_) * b.den_;
  const Int128 r = static_cast<Int128>(b.num_) * a.den_;
  return l < r ? std::strong_ordering::less
               : (l > r ? std::strong_ordering::greater : std::strong_ordering::equal);
}

void AppendRate(std::string& out, Rate r) {
  // A percentage with up to 3 decimals when exact; otherwise the fraction. Numerators up to 2^46
  // (every rate in the law files) are scaled in 64 bits, larger ones in 128.
  constexpr std::int64_t kSmall = std::int64_t{1} << 46;
  const bool small = r.num() < kSmall && r.num() > -kSmall;
  char buf[48];
  char* w = buf;
  for (int decimals = 0; decimals <= kMaxPercentDecimals; ++decimals) {
    const std::int64_t scale = kPercent * Pow10(decimals);
    std::int64_t v = 0;
    if (small) {
      const std::int64_t scaled = r.num() * scale;
      if (scaled % r.den() != 0) {
        continue;
      }
      v = scaled / r.den();
    } else {
      const Int128 scaled = static_cast<Int128>(r.num()) * scale;
      if (scaled % r.den() != 0) {
        continue;
      }
      v = static_cast<std::int64_t>(scaled / r.den());
    }
    const std::int64_t whole = v / Pow10(decimals);
    w = std::to_chars(w, w + kMaxIntChars, whole).ptr;
    if (decimals > 0) {
      char frac[kMaxIntChars];
      const std::int64_t f = v % Pow10(decimals);
      const auto len = static_cast<int>(std::to_chars(frac, frac + kMaxIntChars, f).ptr - frac);
      *w++ = '.';
      w = std::fill_n(w, decimals - len, '0');
      w = std::copy_n(frac, len, w);
    }
    *w++ = '%';
    out.append(buf, static_cast<std::size_t>(w - buf));
    return;
  }
  w = std::to_chars(w, w + kMaxIntChars, r.num()).ptr;
  *w++ = '/';
  w = std::to_chars(w, w + kMaxIntChars, r.den()).ptr;
  out.append(buf, static_cast<std::size_t>(w - buf));
}

std::string Rate::ToText() const {
  std::string out;
  AppendRate(out, *this);
  return out;
}

std::string Rate::ToFraction() const { return std::to_string(num_) + "/" + std::to_string(den_); }

}  // namespace childmaint
