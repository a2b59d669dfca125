// File: reg34_current_income.h — gross weekly income from the request's income form.
#pragma once

#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCiteReg34 =
    "Child Support Maintenance Calculation Regulations 2012 reg 34";
inline constexpr std::string_view kCiteReg35 =
    "Child Support Maintenance Calculation Regulations 2012 reg 35";
inline constexpr std::string_view kCiteReg6 =
    "Child Support Maintenance Calculation Regulations 2012 reg 6 (rounding)";

// Weekly from an annual figure: annual × 7 ÷ 365, rounded half-up to the penny (reg 35).
Money WeeklyFromAnnual(Money annual, const law::LawInForce& law);

// Gross weekly income in pence (0 when no income was given). Contract income forms 1-3.
Money GrossWeeklyIncome(const Income& income, const law::LawInForce& law, Trace& trace);

}  // namespace childmaint::calc
