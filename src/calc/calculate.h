// File: calculate.h — the public entry to the 2012-scheme calculation (calc-contract.md).
//
//   calc::Request req = ...;             // from contract::ReadRequest or built by the service
//   calc::Result res;
//   calc::Trace trace(/*enabled=*/true);
//   CMS_TRY(calc::Calculate(req, law, res, trace));
//
// Pure: no I/O, no clock, no globals; the law comes in as a loaded ParameterSet. Errors:
// scheme_not_in_force (kFailedPrecondition), too_many_items / invalid_field (kInvalidArgument) for
// a request outside the contract's limits. `res` and `trace` are cleared first and may be reused
// across calls (no allocation once warm). Thread safety: reentrant; share the ParameterSet.
#pragma once

#include "base/result.h"
#include "calc/request.h"
#include "calc/trace.h"
#include "law/parameter_set.h"

namespace childmaint::calc {

inline constexpr std::size_t kMaxReceivingParents = 20;
inline constexpr std::size_t kMaxChildrenPerReceivingParent = 20;

Status Calculate(const Request& req, const law::ParameterSet& law, Result& res, Trace& trace);

}  // namespace childmaint::calc
