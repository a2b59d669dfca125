// File: allocation.h — where each payment went: which due, which charge, what is left as credit.
//
//   for (const AllocationLine& l : ledger::Allocate(dues, postings, as_of)) {
//     // l.payment_id paid l.amount of the due of l.due_on (l.target says in what capacity)
//   }
//
// The allocation is a full re-processing of history as of `as_of` (cf. Fineract
// LoanRepaymentScheduleTransactionProcessor): every call replays all postings effective on or
// before as_of, never patching an earlier result, so a backdated payment or a reversal simply gives
// a different replay. Reversed payments (reversal effective on or before as_of) are left out
// entirely. The replay rules are in replay.h; in short, in effective-date order (ties by id), with
// the dues of a day falling due before that day's postings:
//   1. a payment pays the current due (the latest non-initial-arrears schedule due on or before its
//      date), then the other unpaid dues oldest first (arrears), then outstanding enforcement
//      charges oldest first, and the rest is credit;
//   2. credit is used, oldest credit first, by each due as it falls due; it never pays a charge
//      posted later (charges are collected from payments only once maintenance is cleared);
//   3. a refund takes credit back, oldest credit first.
//
// Units: pence. Thread safety: pure functions; safe to call concurrently.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "ledger/due.h"
#include "ledger/posting.h"

namespace childmaint::ledger {

struct AllocationLine {
  enum class Target : std::uint8_t {
    kCurrent,   // a due paid while it was the current due (on time)
    kArrears,   // a due paid after a later instalment fell due; initial arrears; an adjustment
    kCharge,    // an enforcement charge (due_on = the charge's effective_on)
    kCredit,    // still held as credit at as_of (due_on = the payment's effective_on)
    kRefunded,  // paid back to the paying parent (due_on = the refund's effective_on)
  };
  std::int64_t payment_id = 0;
  Date due_on;  // the due it pays (see Target for charges, credit and refunds)
  Money amount;
  Target target = Target::kCurrent;

  friend bool operator==(const AllocationLine&, const AllocationLine&) = default;
};

// "current", "arrears", "charge", "credit", "refunded".
std::string_view TargetName(AllocationLine::Target target);

// Every payment effective on or before as_of and not reversed by then, split into lines. The lines
// of one payment add up to its amount exactly. Order: as the replay made them (effective date, then
// id), with the lines for credit still held at as_of last, in payment order. Lines are only for
// payments: adjustment credits and write-offs settle dues too but produce no line.
// Requires: dues amounts >= 0; posting ids unique (both checked: bugs, not input).
std::vector<AllocationLine> Allocate(std::span<const Due> dues, std::span<const Posting> postings,
                                     Date as_of);

}  // namespace childmaint::ledger
