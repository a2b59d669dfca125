#include "calc/trace.h"

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
  steps_.back().text_end = static_cast<std::uint32_t>(text_.size());
}

void StepText::Write(std::string_view s) { trace_->Append(s); }

void StepText::Write(std::int64_t n) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  trace_->Append(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void StepText::Write(Pounds p) {
  std::string s;
  AppendPounds(s, p.value.pence());
  trace_->Append(s);
}

void StepText::Write(const ExactPounds& p) {
  if (p.value.IsWhole()) {
    Write(Pounds{p.value.Floor()});
    return;
  }
  // Ten-thousandths of a pound, truncated towards zero, then an ellipsis.
  const Int128 scaled = p.value.num() * (kShownDecimals / kPence) / p.value.den();
  const auto v = static_cast<std::int64_t>(scaled < 0 ? -scaled : scaled);
  std::string s = p.value.IsNegative() ? "-\xC2\xA3" : "\xC2\xA3";
  s += std::to_string(v / kShownDecimals);
  std::string frac = std::to_string(v % kShownDecimals);
  s.push_back('.');
  s.append(4 - frac.size(), '0');
  s += frac;
  s += "\xE2\x80\xA6";  // …
  trace_->Append(s);
}

void StepText::Write(Rate r) {
  std::string s;
  AppendRate(s, r);
  trace_->Append(s);
}

void StepText::Write(Children c) {
  Write(c.count);
  Write(c.count == 1 ? " qualifying child" : " qualifying children");
}

}  // namespace childmaint::calc
