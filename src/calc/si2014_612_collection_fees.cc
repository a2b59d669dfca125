// Child Support Fees Regulations 2014 (SI 2014/612), regulation 7: collection fees, payable from
// 11 Aug 2014 (reg 1(4)) where the Secretary of State arranges collection.
// https://www.legislation.gov.uk/uksi/2014/612/regulation/7
// Parameters: law/si2014_612/collection_fees.yaml    Golden: tests/golden/calc/si2014_612_collection_fees/
// Contract: calc-contract.md rule 13.
#include "calc/si2014_612_collection_fees.h"

#include "base/exact_pence.h"

namespace childmaint::calc {

void CollectionFees(Collection collection, std::string_view receiving_parent_id,
                    const law::LawInForce& law, ReceivingParentResult& rp, Trace& trace) {
  rp.paying_parent_fee = Money();
  rp.receiving_parent_fee = Money();
  if (collection == Collection::kCollectAndPay && !law.paying_parent_fee.IsZero()) {
    rp.paying_parent_fee = RoundHalfUpToPenny(ExactPence(rp.weekly) * law.paying_parent_fee);
    rp.receiving_parent_fee = RoundHalfUpToPenny(ExactPence(rp.weekly) * law.receiving_parent_fee);
    trace.Step(kCiteFees, rp.paying_parent_fee)
        << "Collect and Pay: the paying parent pays a fee of " << law.paying_parent_fee << " on "
        << Pounds{rp.weekly} << " for receiving parent " << receiving_parent_id;
    trace.Step(kCiteFees, rp.receiving_parent_fee)
        << "Collect and Pay: receiving parent " << receiving_parent_id << " pays a fee of "
        << law.receiving_parent_fee << " of " << Pounds{rp.weekly};
  }
  rp.paying_parent_pays = rp.weekly + rp.paying_parent_fee;
  rp.receiving_parent_gets = rp.weekly - rp.receiving_parent_fee;
}

}  // namespace childmaint::calc
