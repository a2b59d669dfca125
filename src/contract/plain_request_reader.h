// File: plain_request_reader.h — a fast path for the common form of a calc-contract.md request.
//
//   if (!ReadPlainRequest(text, law, partner_mask, req)) {
//     // read it again with the full reader, which decides and names any error
//   }
//
// Clears `out`, then accepts only a request that is strict JSON with ASCII strings free of
// escapes and whole numbers written plainly, and that breaks none of the contract's value rules;
// it fills `out` exactly as RequestReader would. Anything else (an error of any kind, an escape,
// a byte above 0x7F, a number with a sign, fraction or exponent) returns false with `out` in an
// unspecified state, and the caller falls back to RequestReader. So it never reports an error
// itself, and an accepted request reads the same by either path. Thread safety: pure.
#pragma once

#include <cstdint>
#include <string_view>

#include "calc/request.h"
#include "law/parameter_set.h"

namespace childmaint::contract {

// `partner_mask`: the benefits that count when the paying parent's partner gets them (at any date).
bool ReadPlainRequest(std::string_view text, const law::ParameterSet& law,
                      std::uint32_t partner_mask, calc::Request& out);

}  // namespace childmaint::contract
