// Child Support Act 1991, Schedule 1, paragraph 8: where the flat rate applies because of a
// benefit (para 4(1)(b), 4(1)(c) or 4(2)) and the care of a qualifying child is shared for at
// least 52 nights a year, the amount payable to that child's person with care is nil.
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/8
// Parameters: law/csa1991/sch1/para7_shared_care.yaml (flat_rate_nil_nights)
// Golden: tests/golden/calc/sch1_para4_flat_rate/    Contract: calc-contract.md rule 11.
#include "calc/sch1_para8_flat_rate_shared_care.h"

#include "calc/sch1_para6_apportionment.h"

namespace childmaint::calc {

void BenefitFlatRateWithSharedCare(const Request& req, Money flat, const law::LawInForce& law,
                                   std::span<ExactPence> out, Trace& trace) {
  Apportion(req, ExactPence(flat), out);
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const ReceivingParent& rp = req.receiving_parents[i];
    for (std::size_t c = rp.first_child; c < rp.first_child + rp.child_count; ++c) {
      if (req.children[c].nights_with_paying_parent >= law.flat_rate_nil_nights) {
        trace.Step(kCitePara8, Money())
            << "Child " << req.children[c].id << " stays " << req.children[c].nights_with_paying_parent
            << " nights a year with the paying parent, who is on the flat rate because of a "
               "benefit, so nothing is payable to receiving parent "
            << rp.id;
        out[i] = ExactPence();
        break;
      }
    }
  }
}

}  // namespace childmaint::calc
