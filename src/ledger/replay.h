// File: replay.h — the one replay of a ledger from which every figure is derived (statement,
// allocation, arrears ages). Full re-processing of the history as of a date, like Fineract's
// LoanRepaymentScheduleTransactionProcessor: derived rows are never stored or patched.
//
//   const ReplayResult r = ledger::Replay(dues, postings, as_of);
//   r.arrears, r.credit, r.items[i].unpaid, r.lines ...
//
// Which postings count as of `as_of`: those with effective_on <= as_of, except a posting whose
// reversal has effective_on <= as_of: then both it and its reversal are left out of the replay
// entirely (a reversal takes effect on its own effective_on; before that the original still
// counts). Postings ValidateNew would refuse for their shape are skipped, so the replay is defined
// for any input: amount <= 0; a reversal of nothing or of a reversal; the second and later
// reversals of one posting (the lowest id counts).
//
// Order: by effective_on, ties by id; on each date the schedule dues falling due that day come
// first (in the order given), then the postings. Rules:
//   due falls due      -> an item; credit (oldest first) pays it at once.
//   kPaymentReceived   -> current items (the latest non-initial-arrears schedule due date on or
//                         before the payment; "current"), then other unpaid items oldest first
//                         ("arrears"), then charges outstanding oldest first, then a credit chunk.
//   kEnforcementCharge -> a charge item (credit does not pay it).
//   kChargeWaived      -> reduces outstanding charges: same reference first, then oldest first;
//                         capped at the outstanding total.
//   kAdjustment        -> an item falling due on effective_on (never current); credit pays it.
//   kAdjustmentCredit  -> settles items like a payment (current, then oldest first), never charges;
//                         what is left becomes a credit chunk (no allocation line).
//   kWriteOff          -> settles items oldest first, capped at the unpaid total (ValidateNew
//                         refuses a write-off above the arrears, so the cap bites only when a
//                         posting recorded later changed the history before it, e.g. a backdated
//                         payment: the payment pays the arrears and the write-off shrinks to what
//                         was still unpaid; written_off reports the amount applied).
//   kOverpaymentRefunded -> takes credit chunks oldest first; any excess over the credit (only
//                         after a later reversal or backdated posting) is owed again: an item
//                         falling due on the refund's date.
//
// Invariants for every input: arrears = sum of items' unpaid; credit = sum of chunks; never both
// > 0; arrears - credit = due - (paid - charges_paid) - written_off + refunded.
// Units: pence. Thread safety: a pure function; safe to call concurrently.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "ledger/allocation.h"
#include "ledger/due.h"
#include "ledger/posting.h"

namespace childmaint::ledger {

// A maintenance amount that has fallen due, and what is still unpaid of it at as_of.
struct DueItem {
  enum class Origin : std::uint8_t {
    kSchedule,        // an instalment (the only origin that can be "current")
    kInitialArrears,  // Due::initial_arrears
    kAdjustment,      // a kAdjustment posting
    kRefundExcess,    // the part of a refund above the credit held, owed again
  };
  Date due_on;
  Money amount;
  Money unpaid;
  Origin origin = Origin::kSchedule;
  std::int64_t posting_id = 0;  // kAdjustment / kRefundExcess: the posting; otherwise 0
};

// An enforcement charge and what became of it by as_of.
struct ChargeItem {
  std::int64_t posting_id = 0;
  Date charged_on;
  std::string reference;
  Money amount;
  Money waived;
  Money paid;
  Money Outstanding() const { return amount - waived - paid; }
};

struct ReplayResult {
  Date as_of;
  std::vector<DueItem> items;            // in the order they fell due (so by due_on)
  std::vector<ChargeItem> charge_items;  // in the order they were charged
  std::vector<AllocationLine> lines;     // payments only; see Allocate
  Money due;                             // schedule dues + adjustments - adjustment credits
  Money paid;                            // payments
  Money written_off;                     // write-offs as applied (capped, see above)
  Money refunded;                        // refunds, in full
  Money charges;                         // enforcement charges less waivers as applied
  Money charges_paid;                    // paid from payments' surplus
  Money arrears;                         // sum of items' unpaid
  Money credit;                          // credit held
};

// Requires: every Due::amount >= 0 and posting ids unique (checked: caller bugs, not input).
ReplayResult Replay(std::span<const Due> dues, std::span<const Posting> postings, Date as_of);

}  // namespace childmaint::ledger
