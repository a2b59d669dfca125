// File: trace.h — the ordered explanation of a calculation: each rule applied, its legal
// provision and the amount it produced.
//
//   trace.Step(kCitePara2_1, amount) << "Basic rate for " << Children{2} << ": " << pct
//                                    << " of " << Pounds{income};
//
// Descriptions are written into one reusable buffer, so a Trace reused across calculations does
// not allocate once warm. A disabled Trace (--no-steps) ignores every Step at the cost of a branch.
// Thread safety: not thread-safe; use one Trace per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/exact_pence.h"
#include "base/money.h"
#include "base/rate.h"

namespace childmaint::calc {

struct Step {
  std::string_view citation;
  std::uint32_t text_begin = 0;
  std::uint32_t text_end = 0;
  bool has_amount = false;
  std::int64_t amount_pence = 0;
};

// Values that print themselves in a description.
struct Pounds {
  Money value;
};
struct ExactPounds {  // "£62.5428…" (four decimals, an ellipsis when not exact)
  ExactPence value;
};
struct Children {  // "1 qualifying child", "2 qualifying children"
  std::int64_t count;
};

class Trace;

class StepText {
 public:
  explicit StepText(Trace* trace) : trace_(trace) {}
  // Each writes only when the trace is enabled; the check is inline so --no-steps costs a branch.
  template <typename T>
  StepText& operator<<(const T& value) {
    if (trace_ != nullptr) {
      Write(value);
    }
    return *this;
  }

 private:
  void Write(std::string_view s);
  void Write(const char* s) { Write(std::string_view(s)); }
  void Write(const std::string& s) { Write(std::string_view(s)); }
  void Write(std::int64_t n);
  void Write(int n) { Write(static_cast<std::int64_t>(n)); }
  void Write(std::size_t n) { Write(static_cast<std::int64_t>(n)); }
  void Write(Pounds p);
  void Write(const ExactPounds& p);
  void Write(Rate r);
  void Write(Children c);
  Trace* trace_;  // null when disabled
};

class Trace {
 public:
  explicit Trace(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }
  void Clear();

  // Starts a step; the returned StepText writes its description.
  StepText Step(std::string_view citation, std::optional<Money> amount = std::nullopt);

  const std::vector<struct Step>& steps() const { return steps_; }
  std::string_view Description(const struct Step& s) const {
    return std::string_view(text_).substr(s.text_begin, s.text_end - s.text_begin);
  }

 private:
  friend class StepText;
  void Append(std::string_view s);
  std::string& text() { return text_; }  // appended to directly, then Ended()
  void Ended() { steps_.back().text_end = static_cast<std::uint32_t>(text_.size()); }
  bool enabled_;
  std::string text_;
  std::vector<struct Step> steps_;
};

}  // namespace childmaint::calc
