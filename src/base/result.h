// File: result.h — errors as values (cf. abseil status.h, leveldb status.h).
//
//   Result<Money> ParsePounds(std::string_view s);
//   CMS_ASSIGN_OR_RETURN(const Money m, ParsePounds(text));   // propagate, always inside braces
//   CMS_TRY(Validate(request));
//
// Legal outcomes (a nil rate, a refused application) are results, not errors. Recoverable failures
// return Result<T> / Status. Programmer errors use CMS_CHECK (check.h). Our code throws nothing.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace childmaint {

// abseil's canonical set.
enum class ErrorCode : std::uint8_t {
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kOutOfRange,
  kPermissionDenied,
  kUnauthenticated,
  kAborted,
  kUnavailable,
  kUnimplemented,
  kDataLoss,
  kInternal,
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string reason;   // stable id: "unknown_benefit", "law.no_value_in_force", ...
  std::string message;  // one sentence for a person; never personal data
  std::string field;    // input errors: "paying_parent.income.weekly_pence"
  std::vector<std::string> context;  // appended while propagating

  static Error Make(ErrorCode code, std::string reason, std::string message,
                    std::string field = {}) {
    return Error{code, std::move(reason), std::move(message), std::move(field), {}};
  }
};

// libstdc++ 12's std::expected is not [[nodiscard]]; this thin subclass is.
template <typename T>
class [[nodiscard]] Result : public std::expected<T, Error> {
 public:
  using std::expected<T, Error>::expected;
  Result(Error e) : std::expected<T, Error>(std::unexpected(std::move(e))) {}  // NOLINT
};
using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace childmaint

#define CMS_CONCAT_INNER_(a, b) a##b
#define CMS_CONCAT_(a, b) CMS_CONCAT_INNER_(a, b)

#define CMS_TRY(expr) CMS_TRY_(CMS_CONCAT_(cms_try_, __COUNTER__), expr)
#define CMS_TRY_(tmp, expr)                                \
  do {                                                     \
    if (auto tmp = (expr); !tmp) {                         \
      return std::unexpected(std::move(tmp).error());      \
    }                                                      \
  } while (false)

#define CMS_ASSIGN_OR_RETURN(decl, expr) CMS_AOR_(CMS_CONCAT_(cms_aor_, __COUNTER__), decl, expr)
#define CMS_AOR_(tmp, decl, expr)                      \
  auto tmp = (expr);                                   \
  if (!tmp) {                                          \
    return std::unexpected(std::move(tmp).error());    \
  }                                                    \
  decl = std::move(tmp).value()
