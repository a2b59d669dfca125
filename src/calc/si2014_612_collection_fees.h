// File: si2014_612_collection_fees.h — Collect and Pay collection fees (SI 2014/612 reg 7).
#pragma once

#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCiteFees =
    "Child Support Fees Regulations 2014 (SI 2014/612) reg 7";

// Fills the fee fields of `rp` from rp.weekly: under Collect and Pay, the paying parent's fee
// (20 %) and the receiving parent's fee (4 %), each rounded half-up; otherwise nil.
void CollectionFees(Collection collection, std::string_view receiving_parent_id,
                    const law::LawInForce& law, ReceivingParentResult& rp, Trace& trace);

}  // namespace childmaint::calc
