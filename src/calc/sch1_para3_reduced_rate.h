// File: sch1_para3_reduced_rate.h — reduced rate (Sch 1 para 3; 2012 Regs reg 43).
#pragma once

#include "base/exact_pence.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara3 =
    "Child Support Act 1991 Sch 1 para 3; Child Support Maintenance Calculation Regulations 2012 "
    "reg 43";

// Flat rate + (income − £100) × T, T from the reg 43 table for `children` (1, 2, 3+) and
// relevant other children (0..3+); never below the minimum (para 3(3)). Exact.
ExactPence ReducedRate(Money income, std::int64_t children, std::int64_t relevant_other_children,
                       const law::LawInForce& law, Trace& trace);

}  // namespace childmaint::calc
