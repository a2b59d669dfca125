// Child Support Act 1991, Schedule 1, paragraph 7: decrease for shared care (basic, basic plus and
// reduced rates): each child's share is decreased by its band's fraction; for each child in the
// top band a further fixed £7 comes off the amount payable to that child's receiving parent
// (para 7(6)); the total may not fall below the minimum (para 7(7)), apportioned as para 6.
// https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/7
// Parameters: law/csa1991/sch1/para7_shared_care.yaml    Golden: tests/golden/calc/sch1_para7_shared_care/
// Contract: calc-contract.md rules 9 and 10.
// Interpretation: INTERP-010 (each receiving parent's amount floored at nil before the minimum),
// INTERP-011 (the further decrease is a fixed £7 at every date).
#include "calc/sch1_para7_shared_care.h"

#include <charconv>
#include <cstring>
#include <string>

#include "calc/sch1_para6_apportionment.h"

namespace childmaint::calc {

std::uint8_t SharedCareBandOf(std::int64_t nights, const law::LawInForce& law) {
  std::uint8_t band = 0;
  for (std::size_t i = 1; i < law.band_count; ++i) {
    if (nights >= law.bands[i].from_nights) {
      band = static_cast<std::uint8_t>(i);
    }
  }
  return band;
}

char* WriteBandLabel(char* p, std::uint8_t band, const law::LawInForce& law) {
  constexpr std::size_t kDigits = 20;
  if (band == 0) {
    std::memcpy(p, "none", 4);
    return p + 4;
  }
  p = std::to_chars(p, p + kDigits, law.bands[band].from_nights).ptr;
  if (band + 1u == law.band_count) {
    *p++ = '+';
  } else {
    *p++ = '-';
    p = std::to_chars(p, p + kDigits, law.bands[band + 1u].from_nights - 1).ptr;
  }
  return p;
}

void AppendBandLabel(std::string& out, std::uint8_t band, const law::LawInForce& law) {
  char buf[kMaxBandLabelBytes];
  out.append(buf, static_cast<std::size_t>(WriteBandLabel(buf, band, law) - buf));
}

void SharedCareAmounts(const Request& req, Money weekly_amount, std::span<const std::uint8_t> bands,
                       const law::LawInForce& law, std::span<ExactPence> out, Trace& trace) {
  const auto all = static_cast<std::int64_t>(req.children.size());
  const ExactPence per_child = ExactPence(weekly_amount) / all;
  const std::size_t top = law.band_count - 1;
  ExactPence sum;
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const ReceivingParent& rp = req.receiving_parents[i];
    ExactPence amount;
    for (std::size_t c = rp.first_child; c < rp.first_child + rp.child_count; ++c) {
      const std::uint8_t band = bands[c];
      if (band == 0) {
        amount += per_child;
        continue;
      }
      // para 7(3)-(4): the child's share decreased by its band's fraction.
      const Rate fraction = law.bands[band].fraction;
      const ExactPence share = per_child * fraction.Complement();
      amount += share;
      if (trace.enabled()) {
        char buf[kMaxBandLabelBytes];
        const std::string_view label(
            buf, static_cast<std::size_t>(WriteBandLabel(buf, band, law) - buf));
        trace.Step(kCitePara7, RoundHalfUpToPenny(share))
            << "Shared care for child " << req.children[c].id << " ("
            << req.children[c].nights_with_paying_parent << " nights a year, band " << label
            << "): their share is decreased by " << fraction << " to " << ExactPounds{share};
      }
      if (band == top) {
        // para 7(6): a further decrease off the receiving parent's amount.
        amount -= ExactPence(law.further_decrease_top_band);
        trace.Step(kCitePara7_6, law.further_decrease_top_band)
            << "A further " << Pounds{law.further_decrease_top_band} << " off the amount for "
            << "receiving parent " << rp.id << " because child " << req.children[c].id
            << " stays " << law.bands[top].from_nights << " or more nights a year";
      }
    }
    if (amount.IsNegative()) {
      trace.Step(kCitePara7, Money())
          << "The amount for receiving parent " << rp.id << " would be below nil ("
          << ExactPounds{amount} << "), so it is nil";
      amount = ExactPence();
    }
    out[i] = amount;
    sum += amount;
  }
  // para 7(7): the paying parent pays at least the minimum, apportioned as para 6.
  if (sum < ExactPence(law.shared_care_minimum)) {
    trace.Step(kCitePara7_7, law.shared_care_minimum)
        << "After shared care the total (" << ExactPounds{sum} << ") is below the minimum, so "
        << "the paying parent pays " << Pounds{law.shared_care_minimum}
        << ", shared by number of qualifying children";
    Apportion(req, ExactPence(law.shared_care_minimum), out);
  }
}

}  // namespace childmaint::calc
