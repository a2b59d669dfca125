// File: sch1_para5_nil_rate.h — nil rate (Sch 1 para 5; 2012 Regs reg 45).
#pragma once

#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara5 =
    "Child Support Act 1991 Sch 1 para 5; Child Support Maintenance Calculation Regulations 2012 "
    "reg 45";

// True, with its step, when the nil rate applies: a nil-rate reason (which beats every other rule),
// or no flat-rate benefit and income below the flat rate (para 5(b)).
bool NilRate(const Request& req, Money income, bool any_benefit, const law::LawInForce& law,
             Trace& trace);

}  // namespace childmaint::calc
