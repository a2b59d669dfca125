// The order of the 2012-scheme calculation (calc-contract.md rules 1-13): commencement; gross
// weekly income (regs 34-35); variations (regs 63-74); the rate (Sch 1 paras 2-5A); apportionment
// and shared care (paras 6-8); rounding (reg 6 reading, rule 12); collection fees (SI 2014/612).
// Each provision lives in its own file; this one only puts them in order.
#include "calc/calculate.h"

#include <array>

#include "base/exact_pence.h"
#include "calc/commencement.h"
#include "calc/reg34_current_income.h"
#include "calc/regs63_74_variations.h"
#include "calc/sch1_para2_basic_rate.h"
#include "calc/sch1_para3_reduced_rate.h"
#include "calc/sch1_para4_flat_rate.h"
#include "calc/sch1_para5_nil_rate.h"
#include "calc/sch1_para5a_other_supported.h"
#include "calc/sch1_para6_apportionment.h"
#include "calc/sch1_para7_shared_care.h"
#include "calc/sch1_para8_flat_rate_shared_care.h"
#include "calc/si2014_612_collection_fees.h"

namespace childmaint::calc {

namespace {

using Amounts = std::array<ExactPence, kMaxReceivingParents>;

enum class Basis : std::uint8_t { kNil, kBenefitFlat, kLowIncomeFlat, kIncomeRate };

Status CheckLimits(const Request& req) {
  if (req.receiving_parents.empty() || req.children.empty()) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "at least one receiving parent with a qualifying child is needed",
                       "receiving_parents");
  }
  if (req.receiving_parents.size() > kMaxReceivingParents) {
    return Error::Make(ErrorCode::kInvalidArgument, "too_many_items",
                       "at most 20 receiving parents", "receiving_parents");
  }
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const ReceivingParent& rp = req.receiving_parents[i];
    if (rp.child_count == 0 || rp.child_count > kMaxChildrenPerReceivingParent ||
        rp.first_child + rp.child_count > req.children.size()) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "each receiving parent needs 1 to 20 qualifying children",
                         "receiving_parents[" + std::to_string(i) + "].children");
    }
  }
  return Ok();
}

// Rules 5, 6 and 8 on `income` (above £100): the rate's exact weekly amount.
ExactPence IncomeRate(const Request& req, Money income, const law::LawInForce& law,
                      RateKind& kind, Trace& trace) {
  const auto qualifying = static_cast<std::int64_t>(req.children.size());
  const std::int64_t other = req.other_supported_children;
  const std::int64_t for_rate = qualifying + other;  // para 5A: counted when choosing the rate
  ExactPence amount;
  if (income < law.reduced_upper_limit) {
    kind = RateKind::kReduced;
    amount = ReducedRate(income, for_rate, req.relevant_other_children, law, trace);
  } else {
    const BasicRateResult basic =
        BasicRate(income, for_rate, req.relevant_other_children, law, trace);
    kind = basic.plus ? RateKind::kBasicPlus : RateKind::kBasic;
    amount = basic.amount;
  }
  if (other > 0) {
    amount = ScaleForOtherSupportedChildren(amount, qualifying, other, law, trace);
  }
  return amount;
}

void TraceRateRounded(const ExactPence& exact, Money rounded, Trace& trace) {
  if (!exact.IsWhole()) {
    trace.Step(kCiteReg6, rounded) << "Weekly rate " << ExactPounds{exact}
                                   << " rounded to the nearest penny: " << Pounds{rounded};
  }
}

// Rule 12: round the total once and split it by largest remainder; then rule 13 fees.
void Settle(const Request& req, const law::LawInForce& law, const Amounts& exact, Result& res,
            Trace& trace) {
  const std::size_t n = req.receiving_parents.size();
  ExactPence total;
  for (std::size_t i = 0; i < n; ++i) {
    total += exact[i];
  }
  res.weekly_liability = RoundHalfUpToPenny(total);
  std::array<Money, kMaxReceivingParents> parts;
  SplitLargestRemainder(res.weekly_liability, std::span(exact.data(), n), std::span(parts.data(), n));
  res.receiving_parents.resize(n);
  auto step = trace.Step(kCiteReg6, res.weekly_liability);
  step << "Weekly amount due: " << Pounds{res.weekly_liability};
  if (n > 1) {
    step << " (";
    for (std::size_t i = 0; i < n; ++i) {
      step << (i == 0 ? "" : ", ") << req.receiving_parents[i].id << " " << Pounds{parts[i]};
    }
    step << ")";
  }
  for (std::size_t i = 0; i < n; ++i) {
    res.receiving_parents[i].weekly = parts[i];
    CollectionFees(req.collection, req.receiving_parents[i].id, law, res.receiving_parents[i],
                   trace);
  }
}

}  // namespace

Status Calculate(const Request& req, const law::ParameterSet& params, Result& res, Trace& trace) {
  res.Clear();
  trace.Clear();
  CMS_TRY(CheckLimits(req));
  CMS_ASSIGN_OR_RETURN(const law::LawInForce* in_force, SchemeInForce(req, params, trace));
  const law::LawInForce& law = *in_force;
  res.law = in_force;
  res.rules_version = law.rules_version;
  res.child_band.resize(req.children.size());
  for (std::size_t c = 0; c < req.children.size(); ++c) {
    res.child_band[c] = SharedCareBandOf(req.children[c].nights_with_paying_parent, law);
  }

  // Gross weekly income (regs 34-35) and the variations that change it (regs 68-73).
  res.gross_weekly_income = GrossWeeklyIncome(req.income, law, trace);
  const Money gross = res.gross_weekly_income;
  const Money additional = req.additional_income;
  const Money expenses = CountedSpecialExpenses(req, law, trace);
  const Money with_additional = IncomeWithAdditional(gross, additional, law, trace);
  const BenefitFacts benefits = Benefits(req, law);
  res.income_used = with_additional;

  // The rate (Sch 1 paras 2-5A; contract rules 3-8).
  Amounts exact{};
  Basis basis = Basis::kIncomeRate;
  Money flat;
  ExactPence rate_exact;
  if (NilRate(req, with_additional, benefits.any, law, trace)) {
    basis = Basis::kNil;
  } else if (benefits.any) {
    if (!benefits.partner_benefit && additional > law.flat_rate_additional_income_threshold) {
      // regs 70, 73(2): additional income above £100 varies a reg 44(1) flat rate; the rate is
      // worked out on the additional income alone (INTERP-009).
      res.income_used = additional > law.capped_amount ? law.capped_amount : additional;
      trace.Step(kCiteReg73_2, res.income_used)
          << "The paying parent gets a flat-rate benefit but has additional income of "
          << Pounds{additional} << " a week, so the rate is worked out on that income alone";
      rate_exact = Max(IncomeRate(req, res.income_used, law, res.rate, trace),
                       ExactPence(law.flat_rate));
    } else {
      basis = Basis::kBenefitFlat;
      flat = BenefitFlatRate(req, benefits, law, params, trace);
    }
  } else if (with_additional <= law.flat_rate_income_limit) {
    basis = Basis::kLowIncomeFlat;
    flat = LowIncomeFlatRate(with_additional, law, trace);
  } else {
    // Rule 7 (INTERP-012): special expenses apply only once the band is reduced or basic; never
    // nil after.
    if (expenses.pence() > 0) {
      res.income_used = IncomeLessExpenses(gross, additional, expenses, law, trace);
    }
    if (res.income_used <= law.flat_rate_income_limit) {
      basis = Basis::kLowIncomeFlat;
      flat = LowIncomeFlatRate(res.income_used, law, trace);
    } else {
      rate_exact = IncomeRate(req, res.income_used, law, res.rate, trace);
    }
  }

  switch (basis) {
    case Basis::kNil:
      res.rate = RateKind::kNil;
      break;
    case Basis::kBenefitFlat:
      res.rate = RateKind::kFlat;
      res.weekly_amount_before_shared_care = flat;
      BenefitFlatRateWithSharedCare(req, flat, law, exact, trace);
      break;
    case Basis::kLowIncomeFlat:
      // A flat rate due to low income is not decreased for shared care (rule 11).
      res.rate = RateKind::kFlat;
      res.weekly_amount_before_shared_care = flat;
      TraceApportionment(req, flat, trace);
      Apportion(req, ExactPence(flat), exact);
      break;
    case Basis::kIncomeRate:
      res.weekly_amount_before_shared_care = RoundHalfUpToPenny(rate_exact);
      TraceRateRounded(rate_exact, res.weekly_amount_before_shared_care, trace);
      TraceApportionment(req, res.weekly_amount_before_shared_care, trace);
      SharedCareAmounts(req, res.weekly_amount_before_shared_care, res.child_band, law, exact,
                        trace);
      break;
  }
  Settle(req, law, exact, res, trace);
  return Ok();
}

}  // namespace childmaint::calc
