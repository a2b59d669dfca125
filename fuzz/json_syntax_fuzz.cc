// File: json_syntax_fuzz.cc — libFuzzer entry point for CheckJsonSyntax().
//
// Feeds arbitrary bytes (including NUL and invalid UTF-8) to the validator with max_depth 64.
// Crashes, sanitizer reports and timeouts are the findings; the result itself is not checked here
// (json_syntax_test.cc covers correctness, including a differential test against a reference).
//
// Example build: clang++ -std=c++2b -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
//                fuzz/json_syntax_fuzz.cc src/contract/json_syntax.cc -o json_syntax_fuzz
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "contract/json_syntax.h"

namespace {

constexpr int kFuzzMaxDepth = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static_cast<void>(childmaint::contract::CheckJsonSyntax(text, kFuzzMaxDepth));
  return 0;
}
