#include "ledger/posting.h"

#include <algorithm>
#include <utility>

namespace childmaint::ledger {

namespace {

constexpr std::array<std::pair<PostingKind, std::string_view>, 8> kKindNames = {{
    {PostingKind::kPaymentReceived, "payment_received"},
    {PostingKind::kEnforcementCharge, "enforcement_charge"},
    {PostingKind::kChargeWaived, "charge_waived"},
    {PostingKind::kAdjustment, "adjustment"},
    {PostingKind::kWriteOff, "write_off"},
    {PostingKind::kOverpaymentRefunded, "overpayment_refunded"},
    {PostingKind::kReversal, "reversal"},
    {PostingKind::kAdjustmentCredit, "adjustment_credit"},
}};

}  // namespace

std::string_view PostingKindName(PostingKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) {
      return name;
    }
  }
  return "unknown";  // unreachable for a valid enumerator
}

Result<PostingKind> ParsePostingKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) {
      return k;
    }
  }
  return Error::Make(ErrorCode::kInvalidArgument, "ledger.unknown_kind",
                     "the posting kind is not one the ledger knows", "kind");
}

bool IsPaymentMethod(std::string_view method) {
  return std::find(kPaymentMethods.begin(), kPaymentMethods.end(), method) != kPaymentMethods.end();
}

}  // namespace childmaint::ledger
