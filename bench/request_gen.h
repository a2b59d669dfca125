// File: request_gen.h — a fast, deterministic generator of valid calc-contract.md requests (bench).
//
//   bench::RequestGenerator gen(/*seed=*/1, {.single_receiving_parent = false});
//   char line[bench::RequestGenerator::kMaxLineBytes];
//   char* end = gen.Write(line);             // one compact JSON request, no newline
//   std::string s = gen.Next();              // or as a string
//
// The mix is meant to look like a real caseload rather than to hunt edge cases (that is
// tests/differential/gen_requests.py's job): every rate (nil, low-income flat, benefit flat, couple
// flat, reduced, basic, basic plus, above the cap), all three income forms, shared care in every
// band, 1-4 receiving parents with 1-4 children each (or always 1 receiving parent: the former
// GOV.UK calculator's inputs), relevant other children, para 5A children, some special expenses and
// additional income, both collection types, effective dates 2013-11-25..2026-11-23. Every request
// is valid, so `childmaint calc` answers each with a result. The same seed gives the same bytes.
// Thread safety: one generator per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace childmaint::bench {

struct GenOptions {
  bool single_receiving_parent = false;
};

class RequestGenerator {
 public:
  // No request is longer than this (4 receiving parents x 4 children is under 2 KiB).
  static constexpr std::size_t kMaxLineBytes = 4096;

  RequestGenerator(std::uint64_t seed, GenOptions options);

  // Writes one request at `out`, which must have kMaxLineBytes of room; returns its end.
  char* Write(char* out);
  // The next request as a string.
  std::string Next();

 private:
  std::uint64_t Random();
  // Uniform in [0, n), 0 < n < 2^32 (multiply-shift; the bias is irrelevant here).
  std::uint64_t Below(std::uint64_t n);
  // Uniform in [lo, hi].
  std::uint64_t Between(std::uint64_t lo, std::uint64_t hi);
  // True with probability percent / 100.
  bool Chance(std::uint64_t percent);

  std::uint64_t state_;
  GenOptions options_;
};

}  // namespace childmaint::bench
