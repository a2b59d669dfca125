// The nlohmann/json adapter: the only file that includes it. Parsing uses the SAX interface so
// numbers that are not whole int64 values keep their text and never become doubles.
#include "base/json.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace childmaint {

namespace {

constexpr std::size_t kMaxDepth = 64;

// Builds a Json tree from SAX events.
class Builder : public nlohmann::json_sax<nlohmann::json> {
 public:
  Json result;

  bool null() override { return Add(Json()); }
  bool boolean(bool v) override { return Add(Json(v)); }
  bool number_integer(number_integer_t v) override {
    return Add(Json(static_cast<std::int64_t>(v)));
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (v <= static_cast<number_unsigned_t>(INT64_MAX)) {
      return Add(Json(static_cast<std::int64_t>(v)));
    }
    return Add(Json::OtherNumber(std::to_string(v)));
  }
  bool number_float(number_float_t, const string_t& text) override {
    return Add(Json::OtherNumber(text));
  }
  bool string(string_t& v) override { return Add(Json(std::move(v))); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return Open(Json::Object()); }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(Json::Array()); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Frame {
    Json value;
    std::string key;  // the member name this container takes in its parent object
  };

  bool Add(Json v) {
    if (stack_.empty()) {
      result = std::move(v);
      return true;
    }
    Json& top = stack_.back().value;
    if (top.IsArray()) {
      top.Push(std::move(v));
    } else {
      top.Set(std::move(key_), std::move(v));
    }
    return true;
  }
  bool Open(Json v) {
    if (stack_.size() >= kMaxDepth) {
      return false;
    }
    stack_.push_back(Frame{std::move(v), std::move(key_)});
    return true;
  }
  bool Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    key_ = std::move(f.key);
    return Add(std::move(f.value));
  }
  std::vector<Frame> stack_;
  std::string key_;
};

}  // namespace

Result<Json> Json::Parse(std::string_view text) {
  Builder b;
  bool ok = false;
  // nlohmann's lexer takes a NUL byte for the end of the input, so "{}\0anything" would pass;
  // NUL is nowhere valid in JSON text (found by fuzz/body_fuzz.cc).
  if (text.find('\0') != std::string_view::npos) {
    return Error::Make(ErrorCode::kInvalidArgument, "malformed_json", "the body is not valid JSON");
  }
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &b, nlohmann::json::input_format_t::json,
                                   /*strict=*/true);
  } catch (const nlohmann::json::exception&) {
    ok = false;
  }
  if (!ok) {
    return Error::Make(ErrorCode::kInvalidArgument, "malformed_json", "the body is not valid JSON");
  }
  return std::move(b.result);
}

const Json* Json::Find(std::string_view key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) {
      return &v;
    }
  }
  return nullptr;
}

Json& Json::Set(std::string key, Json value) {
  for (auto& [k, v] : members_) {
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  }
  members_.emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::Push(Json value) {
  items_.push_back(std::move(value));
  return *this;
}

void AppendQuoted(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c == '\n') {
      out.append("\\n");
    } else if (c < 0x20) {
      out.append("\\u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

void Json::DumpTo(std::string& out) const {
  switch (type_) {
    case Type::kNull:
      out.append("null");
      break;
    case Type::kBool:
      out.append(bool_ ? "true" : "false");
      break;
    case Type::kInt:
      out += std::to_string(int_);
      break;
    case Type::kOtherNumber:
      out += text_;
      break;
    case Type::kString:
      AppendQuoted(out, text_);
      break;
    case Type::kArray: {
      out.push_back('[');
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (i > 0) {
          out.push_back(',');
        }
        items_[i].DumpTo(out);
      }
      out.push_back(']');
      break;
    }
    case Type::kObject: {
      out.push_back('{');
      for (std::size_t i = 0; i < members_.size(); ++i) {
        if (i > 0) {
          out.push_back(',');
        }
        AppendQuoted(out, members_[i].first);
        out.push_back(':');
        members_[i].second.DumpTo(out);
      }
      out.push_back('}');
      break;
    }
  }
}

std::string Json::Dump() const {
  std::string out;
  DumpTo(out);
  return out;
}

bool operator==(const Json& a, const Json& b) {
  return a.type_ == b.type_ && a.bool_ == b.bool_ && a.int_ == b.int_ && a.text_ == b.text_ &&
         a.items_ == b.items_ && a.members_ == b.members_;
}

}  // namespace childmaint
