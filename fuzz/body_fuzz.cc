// File: body_fuzz.cc — libFuzzer entry point for the API's request body reader: ParseBody() (the
// SAX JSON parser behind Json::Parse) and the Body field accessors.
//
// Checked: ParseBody accepts only texts CheckJsonSyntax() calls valid at depth 64 (after a leading
// UTF-8 byte-order mark, which the parser skips), and all of them but numbers beyond a double's
// range; on an accepted body a fixed round of accessors (text, dates, pence, integers, choices,
// nested objects) runs, ok() is exactly "no errors", every error has a code and a message, and
// the problem is a 422.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/body.h"
#include "contract/json_syntax.h"

namespace {

constexpr int kUnprocessable = 422;
// Json::Parse refuses containers nested deeper than this (base/json.h).
constexpr int kMaxBodyDepth = 64;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "body_fuzz: %s\n", what);
    std::abort();
  }
}

// A number the parser may refuse as out of the range of a double (RFC 8259 section 6 lets it):
// a digit followed by an exponent of 3 or more digits, or a run of 300 digits.
bool MayOverflow(std::string_view text) {
  constexpr std::size_t kLongRun = 300;
  constexpr std::size_t kLongExponent = 3;
  const auto digit = [&](std::size_t i) {
    return i < text.size() && text[i] >= '0' && text[i] <= '9';
  };
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    run = digit(i) ? run + 1 : 0;
    if (run >= kLongRun) {
      return true;
    }
    if (digit(i) && i + 1 < text.size() && (text[i + 1] == 'e' || text[i + 1] == 'E')) {
      std::size_t j = i + 2;
      j += j < text.size() && (text[j] == '+' || text[j] == '-') ? 1 : 0;
      std::size_t n = 0;
      while (digit(j + n)) {
        ++n;
      }
      if (n >= kLongExponent) {
        return true;
      }
    }
  }
  return false;
}

void ReadFields(const childmaint::Json& root) {
  childmaint::api::Body b(root);
  static_cast<void>(b.Text("name"));
  static_cast<void>(b.OptText("email", 5));
  static_cast<void>(b.DateField("date_of_birth"));
  static_cast<void>(b.OptDate("effective_date"));
  static_cast<void>(b.Pence("amount_pence"));
  static_cast<void>(b.OptInt("nights", 0, 365));
  static_cast<void>(b.Bool("consent", false));
  static_cast<void>(b.Choice("kind", {"increase", "decrease"}));
  childmaint::api::Body applicant = b.Object("applicant");
  static_cast<void>(applicant.Text("name"));
  static_cast<void>(applicant.OptDate("date_of_birth"));
  if (auto other = b.OptObject("other_parent")) {
    static_cast<void>(other->OptText("ni_number"));
  }
  Check(b.ok() == b.errors().empty(), "ok() is not 'no errors'");
  for (const childmaint::api::FieldError& e : b.errors()) {
    Check(!e.code.empty() && !e.message.empty(), "an error without a code or message");
  }
  if (!b.ok()) {
    Check(b.Problem().status == kUnprocessable, "the problem is not a 422");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace contract = childmaint::contract;
  childmaint::api::HttpRequest req;
  req.body.assign(reinterpret_cast<const char*>(data), size);
  const auto parsed = childmaint::api::ParseBody(req);
  // The parser skips a UTF-8 byte-order mark; the syntax check (rightly, for contracts) does not.
  std::string_view text = req.body;
  if (text.starts_with(kByteOrderMark)) {
    text.remove_prefix(kByteOrderMark.size());
  }
  const bool valid =
      contract::CheckJsonSyntax(text, kMaxBodyDepth) == contract::JsonSyntax::kValid;
  if (parsed) {
    Check(valid, "ParseBody accepted what CheckJsonSyntax rejects");
  } else {
    Check(!valid || MayOverflow(text), "ParseBody refused valid JSON");
  }
  if (parsed) {
    ReadFields(*parsed);
  }
  return 0;
}
