// File: sch1_para6_apportionment.h — apportionment between receiving parents (Sch 1 para 6).
#pragma once

#include <span>

#include "base/exact_pence.h"
#include "calc/request.h"
#include "calc/trace.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara6 = "Child Support Act 1991 Sch 1 para 6";

// amount × (receiving parent's qualifying children ÷ all qualifying children), exact, into out
// (one per receiving parent, request order).
void Apportion(const Request& req, const ExactPence& amount, std::span<ExactPence> out);

// The step that says how `amount` is shared when there is more than one qualifying child.
void TraceApportionment(const Request& req, Money amount, Trace& trace);

}  // namespace childmaint::calc
