#include "calc/trace.h"

#include <algorithm>
#include <charconv>

#include "base/int128.h"

namespace childmaint::calc {

namespace {
constexpr std::int64_t kPence = 100;
constexpr std::int64_t kShownDecimals = 10000;  // pounds to four decimals
}  // namespace

void Trace::Clear() {
  text_.clear();
  steps_.clear();
}

StepText Trace::Step(std::string_view citation, std::optional<Money> amount) {
  if (!enabled_) {
    return StepText(nullptr);
  }
  const auto at = static_cast<std::uint32_t>(text_.size());
  steps_.push_back(
      {citation, at, at, amount.has_value(), amount.has_value() ? amount->pence() : 0});
  return StepText(this);
}

void Trace::Append(std::string_view s) {
  text_.append(s);
  Ended();
}

void StepText::Write(std::string_view s) { trace_->Append(s); }

void StepText::Write(std::int64_t n) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  trace_->Append(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void StepText::Write(Pounds p) {
  AppendPounds(trace_->text(), p.value.pence());
  trace_->Ended();
}

void StepText::Write(const ExactPounds& p) {
  if (p.value.IsWhole()) {
    Write(Pounds{p.value.Floor()});
    return;
  }
  // Ten-thousandths of a pound, truncated towards zero, then an ellipsis.
  const Int128 scaled = p.value.num() * (kShownDecimals / kPence) / p.value.den();
  const auto v = static_cast<std::int64_t>(scaled < 0 ? -scaled : scaled);
  char buf[48];
  char* w = buf;
  if (p.value.IsNegative()) {
    *w++ = '-';
  }
  w = std::copy_n("\xC2\xA3", 2, w);  // £
  w = std::to_chars(w, w + 20, v / kShownDecimals).ptr;
  *w++ = '.';
  const std::int64_t frac = v % kShownDecimals;  // four digits, zero-padded
  for (std::int64_t unit = kShownDecimals / 10; unit > 0; unit /= 10) {
    *w++ = static_cast<char>('0' + frac / unit % 10);
  }
  w = std::copy_n("\xE2\x80\xA6", 3, w);  // …
  trace_->Append(std::string_view(buf, static_cast<std::size_t>(w - buf)));
}

void StepText::Write(Rate r) {
  AppendRate(trace_->text(), r);
  trace_->Ended();
}

void StepText::Write(Children c) {
  Write(c.count);
  Write(c.count == 1 ? " qualifying child" : " qualifying children");
}

}  // namespace childmaint::calc
