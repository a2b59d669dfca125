// File: body.h — reading a JSON request body field by field, collecting every problem.
//
//   CMS_ASSIGN_OR_RETURN(Json root, ParseBody(req));   // malformed JSON -> 400
//   Body b(root);
//   std::string name = b.Text("name");
//   Body applicant = b.Object("applicant");
//   std::optional<Date> dob = applicant.OptDate("date_of_birth");
//   if (!b.ok()) return b.Problem();                   // 422 with an `errors` list
//
// Each accessor records a FieldError (dotted path, code, message) and returns a default when the
// field is missing or wrong, so one response names every bad field.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "api/problem.h"
#include "base/date.h"
#include "base/json.h"
#include "base/money.h"

namespace childmaint::api {

// The request body as JSON; an empty body reads as {} when `empty_ok`.
Result<Json> ParseBody(const HttpRequest& req, bool empty_ok = false);

class Body {
 public:
  explicit Body(const Json& root);

  std::string Text(std::string_view key, std::size_t max = 200);
  std::optional<std::string> OptText(std::string_view key, std::size_t max = 200);
  Date DateField(std::string_view key);
  std::optional<Date> OptDate(std::string_view key);
  Money Pence(std::string_view key);
  std::optional<std::int64_t> OptInt(std::string_view key, std::int64_t min, std::int64_t max);
  bool Bool(std::string_view key, bool fallback);
  // A nested object (missing or not an object: an error, and an empty Body).
  Body Object(std::string_view key);
  std::optional<Body> OptObject(std::string_view key);  // null or absent: none
  const Json* Raw(std::string_view key) const;
  // One of `choices`.
  std::string Choice(std::string_view key, std::initializer_list<std::string_view> choices);

  void Fail(std::string_view key, std::string_view code, std::string message);
  std::string Path(std::string_view key) const;
  bool ok() const { return errors_->empty(); }
  HttpResponse Problem() const;
  const std::vector<FieldError>& errors() const { return *errors_; }

 private:
  Body(const Json* node, std::string prefix, std::shared_ptr<std::vector<FieldError>> errors);
  const Json* node_;
  std::string prefix_;
  std::shared_ptr<std::vector<FieldError>> errors_;
};

}  // namespace childmaint::api
