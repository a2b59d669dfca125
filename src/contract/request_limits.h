// File: request_limits.h — the value limits of calc-contract.md "Value rules", shared by the two
// request readers (request_reader.cc and plain_request_reader.cc).
#pragma once

#include <cstddef>
#include <cstdint>

namespace childmaint::contract {

inline constexpr std::int64_t kMaxMoney = 10'000'000'000;  // pence
inline constexpr std::int64_t kMaxCount = 100;             // children counted in other ways
inline constexpr std::int64_t kMaxNights = 366;
inline constexpr std::size_t kMaxListItems = 50;  // benefits, special expenses
inline constexpr std::size_t kMaxIdCodePoints = 64;
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2999;

}  // namespace childmaint::contract
