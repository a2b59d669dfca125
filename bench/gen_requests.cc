// calc_gen: writes mixed, realistic, valid calc-contract.md requests, one per line, on stdout.
//
//   build/bench/calc_gen --count 1000000 [--seed 1] [--single-receiving-parent] > requests.jsonl
//
// Deterministic (same flags, same bytes) and fast: a million lines take well under a second or
// two. The mix is described in request_gen.h.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "request_gen.h"

namespace {

constexpr int kExitUsage = 64;
constexpr int kExitIoError = 74;
constexpr std::size_t kBufferBytes = std::size_t{8} << 20;

int Usage(const char* why) {
  std::fprintf(stderr,
               "calc_gen: %s\nusage: calc_gen --count N [--seed S] [--single-receiving-parent]\n",
               why);
  return kExitUsage;
}

bool ParseCount(const char* s, std::uint64_t& out) {
  if (s == nullptr || *s < '0' || *s > '9') {
    return false;
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (errno != 0 || *end != '\0') {
    return false;
  }
  out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  bool have_count = false;
  childmaint::bench::GenOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--count" && i + 1 < argc) {
      if (!ParseCount(argv[++i], count)) {
        return Usage("--count needs a whole number");
      }
      have_count = true;
    } else if (arg == "--seed" && i + 1 < argc) {
      if (!ParseCount(argv[++i], seed)) {
        return Usage("--seed needs a whole number");
      }
    } else if (arg == "--single-receiving-parent") {
      options.single_receiving_parent = true;
    } else {
      return Usage("unknown or incomplete argument");
    }
  }
  if (!have_count) {
    return Usage("--count is required");
  }

  childmaint::bench::RequestGenerator gen(seed, options);
  std::vector<char> buf(kBufferBytes);
  char* const begin = buf.data();
  char* const limit = begin + buf.size() - childmaint::bench::RequestGenerator::kMaxLineBytes - 1;
  char* p = begin;
  const auto flush = [&] {
    const auto n = static_cast<std::size_t>(p - begin);
    p = begin;
    return std::fwrite(begin, 1, n, stdout) == n;
  };
  for (std::uint64_t i = 0; i < count; ++i) {
    p = gen.Write(p);
    *p++ = '\n';
    if (p >= limit && !flush()) {
      return kExitIoError;
    }
  }
  if (!flush() || std::fflush(stdout) != 0) {
    return kExitIoError;
  }
  return 0;
}
