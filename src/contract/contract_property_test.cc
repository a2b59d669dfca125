// Properties of the contract reader: what the writer writes reads back the same; and On-Demand
// parsing never accepts text that the strict syntax check rejects.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "calc/calculate.h"
#include "contract/json_syntax.h"
#include "contract/request_reader.h"
#include "contract/request_writer.h"
#include "contract/response_writer.h"
#include "tests/testing/calc_gen.h"

namespace childmaint::contract {
namespace {

using calc::testing::TestLaw;

std::string Respond(RequestReader& reader, std::string_view json) {
  calc::Request req;
  calc::Result res;
  calc::Trace trace(false);
  std::string out;
  Status s = reader.ReadString(json, req);
  if (s) {
    s = calc::Calculate(req, TestLaw(), res, trace);
  }
  if (s) {
    WriteResponse(req, res, nullptr, out);
  } else {
    WriteError(s.error(), out);
  }
  return out;
}

RC_GTEST_PROP(RequestWriter, RoundTripsThroughTheReader, ()) {
  const calc::Request r = *childmaint::testing::ValidRequest();
  std::string text;
  WriteRequest(r, TestLaw(), text);
  RequestReader reader(TestLaw());
  calc::Request back;
  const Status s = reader.ReadString(text, back);
  RC_ASSERT(s.has_value());
  std::string again;
  WriteRequest(back, TestLaw(), again);
  RC_ASSERT(again == text);
}

RC_GTEST_PROP(RequestReader, NeverAcceptsWhatTheStrictCheckRejects, ()) {
  const calc::Request r = *childmaint::testing::ValidRequest();
  std::string text;
  WriteRequest(r, TestLaw(), text);
  // Damage it: delete, duplicate or replace a few bytes with JSON-significant ones.
  const auto edits = *rc::gen::inRange(1, 4);
  for (int i = 0; i < edits; ++i) {
    const auto at = *rc::gen::inRange<std::size_t>(0, text.size());
    const char c = *rc::gen::element('{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', '.',
                                     ' ', 'n', 't', '\x80', '\x01');
    switch (*rc::gen::inRange(0, 3)) {
      case 0:
        text.erase(at, 1);
        break;
      case 1:
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
        break;
      default:
        text[at] = c;
    }
  }
  RequestReader reader(TestLaw());
  calc::Request out;
  const Status s = reader.ReadString(text, out);
  const bool strict_ok = CheckJsonSyntax(text, kMaxDepth) == JsonSyntax::kValid;
  if (!strict_ok) {
    RC_ASSERT(!s.has_value());
    RC_ASSERT(s.error().reason == "malformed_json");
  }
  if (s.has_value()) {
    RC_ASSERT(strict_ok);
  }
}

// The plain fast path (plain_request_reader.h) agrees with simdjson: whatever it accepts, the full
// reader accepts and reads the same; on valid and on damaged requests alike.
RC_GTEST_PROP(RequestReader, FastPathReadsAsTheFullReaderDoes, ()) {
  const calc::Request r = *childmaint::testing::ValidRequest();
  std::string text;
  WriteRequest(r, TestLaw(), text);
  const auto edits = *rc::gen::inRange(0, 3);
  for (int i = 0; i < edits; ++i) {
    const auto at = *rc::gen::inRange<std::size_t>(0, text.size());
    const char c = *rc::gen::element('{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', 'e',
                                     '.', ' ', 'n', '\x7f', '\x80', '\x01');
    if (*rc::gen::arbitrary<bool>()) {
      text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
    } else {
      text[at] = c;
    }
  }
  RequestReader fast(TestLaw());
  RequestReader full(TestLaw(), /*fast_path=*/false);
  calc::Request a;
  calc::Request b;
  const Status sa = fast.ReadString(text, a);
  const Status sb = full.ReadString(text, b);
  RC_ASSERT(sa.has_value() == sb.has_value());
  if (sa.has_value()) {
    std::string wa;
    std::string wb;
    WriteRequest(a, TestLaw(), wa);
    WriteRequest(b, TestLaw(), wb);
    RC_ASSERT(wa == wb);
  } else {
    RC_ASSERT(sa.error().reason == sb.error().reason);
    RC_ASSERT(sa.error().field == sb.error().field);
  }
}

RC_GTEST_PROP(RequestReader, AnswersDoNotDependOnReaderReuse, ()) {
  const calc::Request a = *childmaint::testing::ValidRequest();
  const calc::Request b = *childmaint::testing::ValidRequest();
  std::string ta;
  std::string tb;
  WriteRequest(a, TestLaw(), ta);
  WriteRequest(b, TestLaw(), tb);
  RequestReader shared(TestLaw());
  const std::string first_a = Respond(shared, ta);
  Respond(shared, tb);
  RequestReader fresh(TestLaw());
  RC_ASSERT(Respond(shared, ta) == first_a);
  RC_ASSERT(Respond(fresh, ta) == first_a);
}

}  // namespace
}  // namespace childmaint::contract
