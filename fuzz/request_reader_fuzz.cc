// File: request_reader_fuzz.cc — libFuzzer entry point for the contract's JSON request reader
// (RequestReader over simdjson On-Demand), on the embedded law.
//
// Checked: the reader never accepts text that CheckJsonSyntax() rejects (nor text larger than
// kMaxRequestBytes); a rejection always names a reason; and an accepted request round trips:
// written back with WriteRequest() it reads again, and writing that gives the same text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "calc/request.h"
#include "contract/json_syntax.h"
#include "contract/request_reader.h"
#include "contract/request_writer.h"
#include "law/parameter_set.h"

namespace {

namespace contract = childmaint::contract;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "request_reader_fuzz: %s\n", what);
    std::abort();
  }
}

const childmaint::law::ParameterSet& Law() {
  static const childmaint::law::ParameterSet kLaw = *childmaint::law::ParameterSet::LoadEmbedded();
  return kLaw;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static contract::RequestReader reader(Law());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  childmaint::calc::Request request;
  const childmaint::Status status = reader.ReadString(text, request);
  if (!status) {
    Check(!status.error().reason.empty(), "a rejection without a reason");
    return 0;
  }
  Check(size <= contract::kMaxRequestBytes, "accepted a request over the size limit");
  Check(contract::CheckJsonSyntax(text, contract::kMaxDepth) == contract::JsonSyntax::kValid,
        "accepted text that CheckJsonSyntax rejects");

  std::string written;
  contract::WriteRequest(request, Law(), written);
  childmaint::calc::Request again;
  Check(static_cast<bool>(reader.ReadString(written, again)), "a written request does not read");
  std::string rewritten;
  contract::WriteRequest(again, Law(), rewritten);
  Check(rewritten == written, "a request does not round trip");
  return 0;
}
