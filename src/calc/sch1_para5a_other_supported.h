// File: sch1_para5a_other_supported.h — children supported under a qualifying maintenance
// arrangement (Sch 1 para 5A).
#pragma once

#include "base/exact_pence.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara5A =
    "Child Support Act 1991 Sch 1 para 5A; Child Support Maintenance Calculation Regulations 2012 "
    "reg 48";

// `amount` was worked out counting the other supported children as qualifying children; returns
// amount × qualifying ÷ (qualifying + other supported), never below the para 5A minimum. Exact.
ExactPence ScaleForOtherSupportedChildren(const ExactPence& amount, std::int64_t qualifying,
                                          std::int64_t other_supported, const law::LawInForce& law,
                                          Trace& trace);

}  // namespace childmaint::calc
