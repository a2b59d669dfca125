// File: response_writer.h — writes calc-contract.md responses and error objects as JSON.
//
//   std::string out;
//   WriteResponse(req, res, &trace, out);   // appends one JSON object, no newline
//   WriteError(error, out);
//
// Hand-written for speed: appends to `out`, which a caller reuses so nothing allocates once warm.
#pragma once

#include <string>

#include "base/result.h"
#include "calc/request.h"
#include "calc/trace.h"

namespace childmaint::contract {

// `trace` null (or disabled) leaves out the `steps` array (--no-steps).
void WriteResponse(const calc::Request& req, const calc::Result& res, const calc::Trace* trace,
                   std::string& out);

// {"error":{"code":reason,"field":field,"message":message}}
void WriteError(const Error& error, std::string& out);

// A JSON string literal, escaped (quotes, backslash, control characters; UTF-8 passes through).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace childmaint::contract
