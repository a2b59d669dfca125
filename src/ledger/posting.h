// File: posting.h — one entry of a case's append-only money ledger (service.md §4).
//
//   Posting p{.id = 7, .kind = PostingKind::kPaymentReceived, .effective_on = received_on,
//             .recorded_at = 1764000000, .amount = Money::Pence(30333), .method = "bank_transfer"};
//   CMS_TRY(ledger::ValidateNew(dues, existing, p));      // ledger.h
//   PostingKindName(p.kind) == "payment_received";
//
// Postings are never updated or deleted: a mistake is corrected by a kReversal posting that points
// to the original (cf. Fineract JournalEntry: a reversal linked to its original, the business date
// `transactionDate` kept apart from `submittedOnDate`; here effective_on and recorded_at).
//
// Units: amount in whole pence, always > 0 (the kind says which way it goes); effective_on is a
// civil business date; recorded_at is unix seconds and only recorded (no derivation reads it).
//
// What each kind does (every figure is derived by replaying the postings, see replay.h):
//   kPaymentReceived     money received from the paying parent: pays maintenance due (current due,
//                        then arrears oldest first), then enforcement charges, the rest is credit.
//   kEnforcementCharge   adds to the enforcement-charges balance, kept apart from maintenance
//                        (rules.md §7.3). `reference` names the enforcement action.
//   kChargeWaived        removes outstanding charges (SI 2014/612 reg 12): the charges with the
//                        same `reference` first, then the oldest. At most the charges outstanding.
//   kAdjustment          increases what is due, falling due on effective_on (a correction of the
//                        liability outside the schedule). It is arrears, never a "current" due.
//   kAdjustmentCredit    DECREASES what is due by `amount` on effective_on. It settles unpaid dues
//                        like a payment does (current due, then oldest first, never charges); what
//                        is left over was already paid, so it becomes credit. It may not take the
//                        total due below nil.
//   kWriteOff            writes off maintenance arrears, oldest unpaid due first; never more than
//                        the arrears outstanding (reduces arrears, never below nil).
//   kOverpaymentRefunded money paid back to the paying parent out of their credit (oldest credit
//                        first); at most the credit held.
//   kReversal            cancels the posting `reverses` points to, in full (same amount). A
//                        reversal cannot be reversed, and a posting can be reversed only once.
//
// Thread safety: value types.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"

namespace childmaint::ledger {

enum class PostingKind : std::uint8_t {
  kPaymentReceived,
  kEnforcementCharge,
  kChargeWaived,
  kAdjustment,
  kWriteOff,
  kOverpaymentRefunded,
  kReversal,
  kAdjustmentCredit,  // a decrease of what is due (kAdjustment only ever increases it)
};

struct Posting {
  std::int64_t id = 0;  // unique, increasing in recording order
  PostingKind kind = PostingKind::kPaymentReceived;
  Date effective_on;             // business date it takes effect (e.g. received_on)
  std::int64_t recorded_at = 0;  // when it was written (unix s), kept apart from effective_on
  Money amount;                  // always positive; the kind says which way it goes
  std::optional<std::int64_t> reverses;  // kReversal: the id of the posting it cancels
  std::string method;                    // payments: bank_transfer, ... (api.md "Payments")
  std::string reference;  // charges, waivers: the enforcement action; free text otherwise
};

// "payment_received", "enforcement_charge", "charge_waived", "adjustment", "adjustment_credit",
// "write_off", "overpayment_refunded", "reversal".
std::string_view PostingKindName(PostingKind kind);
// The inverse of PostingKindName; anything else is kInvalidArgument "ledger.unknown_kind".
Result<PostingKind> ParsePostingKind(std::string_view name);

// The payment methods of api.md "Payments", in its order.
inline constexpr std::array<std::string_view, 7> kPaymentMethods = {
    "bank_transfer",           "debit_card",      "direct_debit",     "standing_order",
    "deduction_from_earnings", "deduction_order", "benefit_deduction"};
bool IsPaymentMethod(std::string_view method);

}  // namespace childmaint::ledger
