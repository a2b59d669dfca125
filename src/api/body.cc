#include "api/body.h"

namespace childmaint::api {

namespace {
constexpr std::int64_t kMaxPence = 10'000'000'000;
const Json& EmptyObject() {
  static const Json kEmpty = Json::Object();
  return kEmpty;
}
}  // namespace

Result<Json> ParseBody(const HttpRequest& req, bool empty_ok) {
  if (empty_ok && req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Json::Object();
  }
  auto j = Json::Parse(req.body);
  if (!j) {
    return Error::Make(ErrorCode::kInvalidArgument, "malformed_json",
                       "the request body is not valid JSON");
  }
  return std::move(*j);
}

Body::Body(const Json& root)
    : Body(&root, "", std::make_shared<std::vector<FieldError>>()) {
  if (!root.IsObject()) {
    Fail("", "invalid_field", "the body must be a JSON object");
    node_ = &EmptyObject();
  }
}

Body::Body(const Json* node, std::string prefix, std::shared_ptr<std::vector<FieldError>> errors)
    : node_(node), prefix_(std::move(prefix)), errors_(std::move(errors)) {}

std::string Body::Path(std::string_view key) const {
  if (prefix_.empty()) {
    return std::string(key);
  }
  return key.empty() ? prefix_ : prefix_ + "." + std::string(key);
}

void Body::Fail(std::string_view key, std::string_view code, std::string message) {
  errors_->push_back(FieldError{Path(key), std::string(code), std::move(message)});
}

const Json* Body::Raw(std::string_view key) const { return node_->Find(key); }

std::optional<std::string> Body::OptText(std::string_view key, std::size_t max) {
  const Json* v = Raw(key);
  if (v == nullptr || v->IsNull()) {
    return std::nullopt;
  }
  if (!v->IsString() || v->AsString().empty() || v->AsString().size() > max) {
    Fail(key, "invalid_field", "must be text of 1 to " + std::to_string(max) + " characters");
    return std::nullopt;
  }
  return v->AsString();
}

std::string Body::Text(std::string_view key, std::size_t max) {
  if (Raw(key) == nullptr || Raw(key)->IsNull()) {
    Fail(key, "missing_field", "is required");
    return {};
  }
  return OptText(key, max).value_or("");
}

std::optional<Date> Body::OptDate(std::string_view key) {
  const Json* v = Raw(key);
  if (v == nullptr || v->IsNull()) {
    return std::nullopt;
  }
  auto d = v->IsString() ? Date::ParseIso(v->AsString()) : Result<Date>(Error{});
  if (!d) {
    Fail(key, "invalid_field", "must be a date written YYYY-MM-DD");
    return std::nullopt;
  }
  return *d;
}

Date Body::DateField(std::string_view key) {
  if (Raw(key) == nullptr || Raw(key)->IsNull()) {
    Fail(key, "missing_field", "is required");
    return Date();
  }
  return OptDate(key).value_or(Date());
}

std::optional<std::int64_t> Body::OptInt(std::string_view key, std::int64_t min, std::int64_t max) {
  const Json* v = Raw(key);
  if (v == nullptr || v->IsNull()) {
    return std::nullopt;
  }
  if (!v->IsInt() || v->AsInt() < min || v->AsInt() > max) {
    Fail(key, "invalid_field",
         "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return v->AsInt();
}

Money Body::Pence(std::string_view key) {
  if (Raw(key) == nullptr || Raw(key)->IsNull()) {
    Fail(key, "missing_field", "is required");
    return Money();
  }
  return Money::Pence(OptInt(key, 0, kMaxPence).value_or(0));
}

bool Body::Bool(std::string_view key, bool fallback) {
  const Json* v = Raw(key);
  if (v == nullptr || v->IsNull()) {
    return fallback;
  }
  if (!v->IsBool()) {
    Fail(key, "invalid_field", "must be true or false");
    return fallback;
  }
  return v->AsBool();
}

Body Body::Object(std::string_view key) {
  const Json* v = Raw(key);
  if (v == nullptr || !v->IsObject()) {
    Fail(key, v == nullptr || v->IsNull() ? "missing_field" : "invalid_field",
         "must be an object");
    return Body(&EmptyObject(), Path(key), errors_);
  }
  return Body(v, Path(key), errors_);
}

std::optional<Body> Body::OptObject(std::string_view key) {
  const Json* v = Raw(key);
  if (v == nullptr || v->IsNull()) {
    return std::nullopt;
  }
  return Object(key);
}

std::string Body::Choice(std::string_view key, std::initializer_list<std::string_view> choices) {
  const std::string s = Text(key, 64);
  if (s.empty()) {
    return s;
  }
  for (const std::string_view c : choices) {
    if (s == c) {
      return s;
    }
  }
  std::string list;
  for (const std::string_view c : choices) {
    list += (list.empty() ? "" : ", ") + std::string(c);
  }
  Fail(key, "invalid_field", "must be one of " + list);
  return {};
}

HttpResponse Body::Problem() const {
  constexpr int kUnprocessable = 422;
  return api::Problem(kUnprocessable, "Invalid request", "Some fields are missing or wrong.",
                      *errors_);
}

}  // namespace childmaint::api
