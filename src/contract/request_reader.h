// File: request_reader.h — reads a calc-contract.md JSON request into a calc::Request.
//
//   RequestReader reader(law);
//   calc::Request req;
//   Status s = reader.Read(line.data(), line.size(), line.size() + kPadding, req);
//   // or, from any string: reader.ReadString(json, req)
//
// The simdjson adapter: On-Demand parsing, no allocation once warm; the common plain form of a
// request is read first without it (plain_request_reader.h), the same result faster. Every rule of the contract's
// "Value rules" is enforced; the error's `reason` is the contract's code (malformed_json,
// missing_field, unknown_field, invalid_field, unknown_benefit, too_many_items,
// request_too_large) and `field` the dotted path. Where the text is not strict JSON (json_syntax.h)
// the error is malformed_json whatever else is wrong.
// Thread safety: one reader per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "calc/request.h"
#include "law/parameter_set.h"

namespace childmaint::contract {

// Bytes that must be readable after the request text (simdjson's SIMDJSON_PADDING).
inline constexpr std::size_t kPadding = 64;
// A request larger than this is request_too_large.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{1} << 20;
// Containers may nest this deep; deeper is malformed_json.
inline constexpr int kMaxDepth = 64;

class RequestReader {
 public:
  // `fast_path` false: every request goes through simdjson (tests compare the two paths).
  explicit RequestReader(const law::ParameterSet& law, bool fast_path = true);
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // `data` must have `allocated` >= size + kPadding readable bytes.
  Status Read(const char* data, std::size_t size, std::size_t allocated, calc::Request& out);
  // Copies into an internal padded buffer first.
  Status ReadString(std::string_view json, calc::Request& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string padded_;
  bool fast_path_;
};

}  // namespace childmaint::contract
