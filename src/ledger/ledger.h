// File: ledger.h — checking a new posting, and the statement of a case's account as of a date
// (api.md "Statement"; service.md §4: balances are derived from postings as of any date).
//
//   CMS_TRY(ledger::ValidateNew(dues, existing, candidate));   // then append candidate
//   const Statement s = ledger::StatementAsOf(dues, postings, as_of);
//   s.arrears.pence();
//
// Statement figures, as of `as_of` (which postings count: replay.h; a reversal takes effect on its
// own effective_on, so an as_of before it still shows the reversed posting):
//   due          = dues with due_on <= as_of + adjustments - adjustment credits
//   paid         = payments effective on or before as_of, not reversed by then
//   written_off  = write-offs, as applied (each at most the arrears at its point in the replay)
//   refunded     = overpayments refunded
//   charges      = enforcement charges - waivers (as applied)
//   charges_paid = the part of payments that went to charges. A payment pays charges only with
//                  what is left after every due fallen due by its date is paid (rules.md §7.3:
//                  charges are collected only after maintenance and arrears are cleared); credit
//                  already held is kept for future maintenance and never pays a charge.
//   charges_outstanding = charges - charges_paid
//   balance B    = due - (paid - charges_paid) - written_off + refunded
//   arrears      = max(0, B)     credit = max(0, -B)     (never both > 0)
// With no charges, write-offs, refunds or adjustments these are exactly api.md's four figures:
// due, paid, arrears = max(0, due - paid), credit = max(0, paid - due). A write-off followed by a
// payment therefore gives credit (nothing is lost), and a refund above the credit held (possible
// only after a later reversal or backdated posting) is owed again as arrears.
//
// Units: pence. Thread safety: pure functions; safe to call concurrently.
#pragma once

#include <span>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "ledger/due.h"
#include "ledger/posting.h"

namespace childmaint::ledger {

struct Statement {
  Date as_of;
  Money due;
  Money paid;
  Money arrears;
  Money credit;
  Money charges;
  Money charges_paid;
  Money charges_outstanding;
  Money written_off;
  Money refunded;

  friend bool operator==(const Statement&, const Statement&) = default;
};

// The figures above. Requires: dues amounts >= 0, posting ids unique (checked: caller bugs).
Statement StatementAsOf(std::span<const Due> dues, std::span<const Posting> postings, Date as_of);

// The rules that need no dues. Errors (field in Error::field):
//   kInvalidArgument "ledger.amount_not_positive" (amount), "ledger.id_not_increasing" (id: must
//     be above every existing id), "ledger.reversal_target_missing" (reverses: a kReversal without
//     it), "ledger.reverses_not_allowed" (reverses: set on another kind),
//     "ledger.reversal_amount_mismatch" (amount: a reversal cancels in full, so the same amount),
//     "ledger.reversal_before_original" (effective_on: a reversal cannot take effect before the
//     posting it reverses), "ledger.unknown_method" (method: a payment needs one of
//     kPaymentMethods), "ledger.missing_reference" (reference: an enforcement charge names its
//     enforcement action);
//   kNotFound "ledger.reversal_target_not_found" (reverses);
//   kFailedPrecondition "ledger.reversal_of_reversal" (reverses);
//   kAlreadyExists "ledger.already_reversed" (reverses: whatever the first reversal's date).
Status ValidateShape(std::span<const Posting> existing, const Posting& candidate);

// ValidateShape, then the limits, each against StatementAsOf(dues, existing, candidate's
// effective_on), i.e. after every existing posting effective that day (the candidate comes last):
//   kFailedPrecondition "ledger.waiver_exceeds_charges"   waiver > charges_outstanding
//                       "ledger.refund_exceeds_credit"     refund > credit
//                       "ledger.write_off_exceeds_arrears" write-off > arrears
//                       "ledger.adjustment_exceeds_due"    adjustment credit > due (due stays >= 0)
// Payments, charges, increasing adjustments and reversals have no limit: a reversal may leave a
// later refund above the credit (that excess is owed again) or a later write-off or waiver capped.
Status ValidateNew(std::span<const Due> dues, std::span<const Posting> existing,
                   const Posting& candidate);

}  // namespace childmaint::ledger
