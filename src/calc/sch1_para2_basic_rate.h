// File: sch1_para2_basic_rate.h — basic rate and basic rate plus (Sch 1 para 2).
#pragma once

#include "base/exact_pence.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara2_1 = "Child Support Act 1991 Sch 1 para 2(1)";
inline constexpr std::string_view kCitePara2_2 = "Child Support Act 1991 Sch 1 para 2(2)";
inline constexpr std::string_view kCitePara2_3 =
    "Child Support Act 1991 Sch 1 para 2(3) (as modified by SI 2012/2678 reg 2)";

struct BasicRateResult {
  ExactPence amount;  // exact; rounded by the caller (rule 12)
  bool plus = false;  // income after the relevant-other-children reduction is above £800
};

// `income` is the capped gross weekly income; `children` the number that chooses the percentage
// (qualifying children, plus para 5A children where that applies).
BasicRateResult BasicRate(Money income, std::int64_t children, std::int64_t relevant_other_children,
                          const law::LawInForce& law, Trace& trace);

}  // namespace childmaint::calc
