// File: sch1_para8_flat_rate_shared_care.h — the benefit flat rate with shared care (Sch 1 para 8).
#pragma once

#include <span>

#include "base/exact_pence.h"
#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara8 = "Child Support Act 1991 Sch 1 para 8";

// Rule 11: a receiving parent any of whose children stays the para 8 number of nights or more gets
// nil; the others keep flat × their qualifying children ÷ all qualifying children. Exact, into out.
void BenefitFlatRateWithSharedCare(const Request& req, Money flat, const law::LawInForce& law,
                                   std::span<ExactPence> out, Trace& trace);

}  // namespace childmaint::calc
