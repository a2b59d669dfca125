// Statement figures and the checks on a new posting; the rules are listed in ledger.h.
#include "ledger/ledger.h"

#include <algorithm>
#include <string>
#include <utility>

#include "ledger/replay.h"

namespace childmaint::ledger {

namespace {

Error Invalid(std::string reason, std::string message, std::string field) {
  return Error::Make(ErrorCode::kInvalidArgument, std::move(reason), std::move(message),
                     std::move(field));
}

Error OverLimit(std::string reason, std::string message) {
  return Error::Make(ErrorCode::kFailedPrecondition, std::move(reason), std::move(message),
                     "amount");
}

Status ValidateReversal(std::span<const Posting> existing, const Posting& candidate) {
  if (!candidate.reverses.has_value()) {
    return Invalid("ledger.reversal_target_missing", "a reversal must name the posting it cancels",
                   "reverses");
  }
  const std::int64_t target_id = *candidate.reverses;
  const auto target = std::find_if(existing.begin(), existing.end(),
                                   [&](const Posting& p) { return p.id == target_id; });
  if (target == existing.end()) {
    return Error::Make(ErrorCode::kNotFound, "ledger.reversal_target_not_found",
                       "the posting to reverse is not in this ledger", "reverses");
  }
  if (target->kind == PostingKind::kReversal) {
    return Error::Make(ErrorCode::kFailedPrecondition, "ledger.reversal_of_reversal",
                       "a reversal cannot itself be reversed", "reverses");
  }
  const bool reversed = std::any_of(existing.begin(), existing.end(), [&](const Posting& p) {
    return p.kind == PostingKind::kReversal && p.reverses == target_id;
  });
  if (reversed) {
    return Error::Make(ErrorCode::kAlreadyExists, "ledger.already_reversed",
                       "this posting has already been reversed", "reverses");
  }
  if (candidate.amount != target->amount) {
    return Invalid("ledger.reversal_amount_mismatch",
                   "a reversal cancels the whole posting, so its amount must be the same",
                   "amount");
  }
  if (candidate.effective_on < target->effective_on) {
    return Invalid("ledger.reversal_before_original",
                   "a reversal cannot take effect before the posting it reverses", "effective_on");
  }
  return Ok();
}

}  // namespace

Statement StatementAsOf(std::span<const Due> dues, std::span<const Posting> postings, Date as_of) {
  const ReplayResult r = Replay(dues, postings, as_of);
  Statement s;
  s.as_of = as_of;
  s.due = r.due;
  s.paid = r.paid;
  s.arrears = r.arrears;
  s.credit = r.credit;
  s.charges = r.charges;
  s.charges_paid = r.charges_paid;
  s.charges_outstanding = r.charges - r.charges_paid;
  s.written_off = r.written_off;
  s.refunded = r.refunded;
  return s;
}

Status ValidateShape(std::span<const Posting> existing, const Posting& candidate) {
  if (candidate.amount <= Money()) {
    return Invalid("ledger.amount_not_positive", "a posting amount must be more than nil",
                   "amount");
  }
  const bool id_ok = std::all_of(existing.begin(), existing.end(),
                                 [&](const Posting& p) { return p.id < candidate.id; });
  if (!id_ok) {
    return Invalid("ledger.id_not_increasing",
                   "a new posting must have an id above every existing posting", "id");
  }
  if (candidate.kind == PostingKind::kReversal) {
    return ValidateReversal(existing, candidate);
  }
  if (candidate.reverses.has_value()) {
    return Invalid("ledger.reverses_not_allowed", "only a reversal may point to another posting",
                   "reverses");
  }
  if (candidate.kind == PostingKind::kPaymentReceived && !IsPaymentMethod(candidate.method)) {
    return Invalid("ledger.unknown_method", "the payment method is not one the service accepts",
                   "method");
  }
  if (candidate.kind == PostingKind::kEnforcementCharge && candidate.reference.empty()) {
    return Invalid("ledger.missing_reference",
                   "an enforcement charge must name the enforcement action", "reference");
  }
  return Ok();
}

Status ValidateNew(std::span<const Due> dues, std::span<const Posting> existing,
                   const Posting& candidate) {
  CMS_TRY(ValidateShape(existing, candidate));
  switch (candidate.kind) {
    case PostingKind::kChargeWaived:
    case PostingKind::kOverpaymentRefunded:
    case PostingKind::kWriteOff:
    case PostingKind::kAdjustmentCredit:
      break;
    default:
      return Ok();
  }
  const Statement s = StatementAsOf(dues, existing, candidate.effective_on);
  const Money a = candidate.amount;
  if (candidate.kind == PostingKind::kChargeWaived && a > s.charges_outstanding) {
    return OverLimit("ledger.waiver_exceeds_charges",
                     "a waiver cannot be more than the enforcement charges outstanding");
  }
  if (candidate.kind == PostingKind::kOverpaymentRefunded && a > s.credit) {
    return OverLimit("ledger.refund_exceeds_credit",
                     "a refund cannot be more than the credit held on that date");
  }
  if (candidate.kind == PostingKind::kWriteOff && a > s.arrears) {
    return OverLimit("ledger.write_off_exceeds_arrears",
                     "a write-off cannot be more than the arrears on that date");
  }
  if (candidate.kind == PostingKind::kAdjustmentCredit && a > s.due) {
    return OverLimit("ledger.adjustment_exceeds_due",
                     "an adjustment cannot take the amount due below nil");
  }
  return Ok();
}

}  // namespace childmaint::ledger
