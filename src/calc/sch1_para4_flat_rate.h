// File: sch1_para4_flat_rate.h — flat rate (Sch 1 para 4; 2012 Regs reg 44) and which benefits apply.
#pragma once

#include "base/money.h"
#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"
#include "law/parameter_set.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara4_1 =
    "Child Support Act 1991 Sch 1 para 4(1); Child Support Maintenance Calculation Regulations "
    "2012 reg 44";
inline constexpr std::string_view kCitePara4_1a = "Child Support Act 1991 Sch 1 para 4(1)(a)";
inline constexpr std::string_view kCitePara4_2 =
    "Child Support Act 1991 Sch 1 para 4(2); Child Support Maintenance Calculation Regulations "
    "2012 reg 44(3)";

struct BenefitFacts {
  bool any = false;              // a flat-rate benefit applies (reg 44(1), or 44(2) for either)
  bool partner_benefit = false;  // one of the reg 44(2) benefits, received by either
  bool couple = false;           // para 4(2): partner also a paying parent, and partner_benefit
};

BenefitFacts Benefits(const Request& req, const law::LawInForce& law);

// The flat rate because of a benefit: the full flat rate, or half of it for a couple (para 4(2)).
Money BenefitFlatRate(const Request& req, const BenefitFacts& facts, const law::LawInForce& law,
                      const law::ParameterSet& params, Trace& trace);

// The flat rate because income is £100 a week or less (para 4(1)(a)).
Money LowIncomeFlatRate(Money income, const law::LawInForce& law, Trace& trace);

}  // namespace childmaint::calc
