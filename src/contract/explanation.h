// File: explanation.h — a plain-English walk-through of a calculation, for `calc --explain` and
// for people (the portal renders the same steps).
#pragma once

#include <string>

#include "calc/request.h"
#include "calc/trace.h"

namespace childmaint::contract {

// Appends the explanation: what the result is, then each step with the law it applied.
void WriteExplanation(const calc::Request& req, const calc::Result& res, const calc::Trace& trace,
                      std::string& out);

}  // namespace childmaint::contract
