#include "base/money.h"

#include "base/check.h"

namespace childmaint {

namespace {
constexpr std::int64_t kPencePerPound = 100;
constexpr int kDecimals = 2;
constexpr std::int64_t kDigitBase = 10;
}  // namespace

Result<Money> Money::ParsePounds(std::string_view s) {
  const auto bad = [&] {
    return Error::Make(ErrorCode::kInvalidArgument, "money.syntax",
                       "an amount must look like 800.00 (pounds, a point, two decimals)");
  };
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const auto point = s.find('.');
  if (point == std::string_view::npos || point == 0 || s.size() - point - 1 != kDecimals) {
    return bad();
  }
  std::int64_t pence = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == point) {
      continue;
    }
    const char c = s[i];
    if (c < '0' || c > '9') {
      return bad();
    }
    if (__builtin_mul_overflow(pence, kDigitBase, &pence) ||
        __builtin_add_overflow(pence, c - '0', &pence)) {
      return bad();
    }
  }
  return Money::Pence(negative ? -pence : pence);
}

void AppendPounds(std::string& out, std::int64_t pence) {
  constexpr int kGroup = 3;  // digits between thousands separators
  char buf[40];              // "-£9,223,372,036,854,775.80"
  char* w = buf;
  if (pence < 0) {
    *w++ = '-';
    pence = -pence;
  }
  *w++ = '\xC2';  // £
  *w++ = '\xA3';
  const std::int64_t pounds = pence / kPencePerPound;
  const std::int64_t rest = pence % kPencePerPound;
  char digits[24];
  int n = 0;
  std::int64_t p = pounds;
  do {
    digits[n++] = static_cast<char>('0' + p % kDigitBase);
    p /= kDigitBase;
  } while (p > 0);
  for (int i = n - 1; i >= 0; --i) {
    *w++ = digits[i];
    if (i > 0 && i % kGroup == 0) {
      *w++ = ',';
    }
  }
  *w++ = '.';
  *w++ = static_cast<char>('0' + rest / kDigitBase);
  *w++ = static_cast<char>('0' + rest % kDigitBase);
  out.append(buf, static_cast<std::size_t>(w - buf));
}

std::string Money::ToPounds() const {
  std::string out;
  AppendPounds(out, pence_);
  return out;
}

Money Money::operator+(Money o) const {
  std::int64_t r = 0;
  CMS_CHECK(!__builtin_add_overflow(pence_, o.pence_, &r)) << "Money overflow in +";
  return Money(r);
}

Money Money::operator-(Money o) const {
  std::int64_t r = 0;
  CMS_CHECK(!__builtin_sub_overflow(pence_, o.pence_, &r)) << "Money overflow in -";
  return Money(r);
}

Money Money::operator*(std::int64_t count) const {
  std::int64_t r = 0;
  CMS_CHECK(!__builtin_mul_overflow(pence_, count, &r)) << "Money overflow in *";
  return Money(r);
}

Result<Money> CheckedAdd(Money a, Money b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a.pence(), b.pence(), &r)) {
    return Error::Make(ErrorCode::kOutOfRange, "money.overflow", "the amount is too large");
  }
  return Money::Pence(r);
}

Result<Money> CheckedSub(Money a, Money b) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a.pence(), b.pence(), &r)) {
    return Error::Make(ErrorCode::kOutOfRange, "money.overflow", "the amount is too large");
  }
  return Money::Pence(r);
}

}  // namespace childmaint
