// File: json.h — a small JSON value for the service layer (API bodies, stored documents).
//
//   CMS_ASSIGN_OR_RETURN(const Json body, Json::Parse(text));
//   const Json* name = body.Find("name");
//   Json out = Json::Object();
//   out.Set("case_reference", Json("121000000011"));
//   std::string text = out.Dump();
//
// Numbers are whole int64 values; any other JSON number (1.5, 1e3, beyond int64) is kept as its
// text with type kOtherNumber and never converted, so money can never pass through a double.
// Object members keep their order. The parser is the nlohmann adapter (json.cc, the only file that
// includes it). Thread safety: a value type.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace childmaint {

class Json {
 public:
  enum class Type : std::uint8_t { kNull, kBool, kInt, kOtherNumber, kString, kArray, kObject };

  Json() = default;  // null
  explicit Json(bool b) : type_(Type::kBool), bool_(b) {}
  explicit Json(std::int64_t i) : type_(Type::kInt), int_(i) {}
  explicit Json(int i) : type_(Type::kInt), int_(i) {}
  explicit Json(std::string s) : type_(Type::kString), text_(std::move(s)) {}
  explicit Json(std::string_view s) : type_(Type::kString), text_(s) {}
  explicit Json(const char* s) : type_(Type::kString), text_(s) {}
  static Json Object() { return Json(Type::kObject); }
  static Json Array() { return Json(Type::kArray); }
  static Json Null() { return Json(); }
  // A JSON number that is not a whole int64 value, kept as its text.
  static Json OtherNumber(std::string text) {
    Json j(Type::kOtherNumber);
    j.text_ = std::move(text);
    return j;
  }

  // Errors: kInvalidArgument "malformed_json" (also for nesting deeper than 64 levels).
  static Result<Json> Parse(std::string_view text);

  Type type() const { return type_; }
  bool IsNull() const { return type_ == Type::kNull; }
  bool IsBool() const { return type_ == Type::kBool; }
  bool IsInt() const { return type_ == Type::kInt; }
  bool IsString() const { return type_ == Type::kString; }
  bool IsArray() const { return type_ == Type::kArray; }
  bool IsObject() const { return type_ == Type::kObject; }

  bool AsBool() const { return bool_; }
  std::int64_t AsInt() const { return int_; }
  const std::string& AsString() const { return text_; }  // strings; kOtherNumber's text

  // Objects.
  const Json* Find(std::string_view key) const;
  Json& Set(std::string key, Json value);  // replaces an existing member; returns *this
  const std::vector<std::pair<std::string, Json>>& members() const { return members_; }
  // Arrays.
  Json& Push(Json value);
  const std::vector<Json>& items() const { return items_; }
  std::size_t size() const { return type_ == Type::kArray ? items_.size() : members_.size(); }

  std::string Dump() const;
  void DumpTo(std::string& out) const;

  friend bool operator==(const Json& a, const Json& b);

 private:
  explicit Json(Type t) : type_(t) {}
  Type type_ = Type::kNull;
  bool bool_ = false;
  std::int64_t int_ = 0;
  std::string text_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

// A JSON string literal with escapes (quotes, backslash, control characters), UTF-8 as is.
void AppendQuoted(std::string& out, std::string_view s);

}  // namespace childmaint
