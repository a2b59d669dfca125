// File: check.h — CMS_CHECK for programmer errors (bugs), never for bad input.
//
//   CMS_CHECK(den > 0) << "denominator must be positive";
//
// A failed check prints the condition, place and message to stderr and aborts. Input errors are
// values (Result<T>); a check must never be reachable from input (DuckDB's rule).
#pragma once

#include <sstream>
#include <string_view>

namespace childmaint::internal {

class CheckFailure {
 public:
  CheckFailure(std::string_view condition, std::string_view file, int line);
  CheckFailure(const CheckFailure&) = delete;
  CheckFailure& operator=(const CheckFailure&) = delete;
  [[noreturn]] ~CheckFailure();
  template <typename T>
  CheckFailure& operator<<(const T& value) {
    stream_ << value;
    return *this;
  }

 private:
  std::ostringstream stream_;
};

}  // namespace childmaint::internal

#define CMS_CHECK(cond)                                                      \
  if (__builtin_expect(static_cast<bool>(cond), 1)) {                        \
  } else                                                                     \
    ::childmaint::internal::CheckFailure(#cond, __FILE__, __LINE__)
