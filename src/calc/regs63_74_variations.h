// File: regs63_74_variations.h — variations: special expenses (regs 63-68, 72) and additional
// income (regs 69-71, 73).
#pragma once

#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCiteReg68 =
    "Child Support Maintenance Calculation Regulations 2012 regs 63-68 (special expenses)";
inline constexpr std::string_view kCiteReg72 =
    "Child Support Maintenance Calculation Regulations 2012 reg 72";
inline constexpr std::string_view kCiteReg73 =
    "Child Support Maintenance Calculation Regulations 2012 reg 73";
inline constexpr std::string_view kCiteReg73_2 =
    "Child Support Maintenance Calculation Regulations 2012 regs 70 and 73(2)";

// The special expenses that count: each kind's weekly total when it reaches that kind's threshold
// (reg 68), added together. Writes a step per kind given.
Money CountedSpecialExpenses(const Request& req, const law::LawInForce& law, Trace& trace);

// min(gross + additional income, cap), with a step when additional income is added (reg 73(1)).
Money IncomeWithAdditional(Money gross, Money additional, const law::LawInForce& law, Trace& trace);

// min(max(gross + additional − expenses, 0), cap) (reg 72), with its step.
Money IncomeLessExpenses(Money gross, Money additional, Money expenses, const law::LawInForce& law,
                         Trace& trace);

}  // namespace childmaint::calc
