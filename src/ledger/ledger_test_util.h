// File: ledger_test_util.h — short builders for ledger tests (tests only; not in cm_ledger).
//
//   std::vector<Posting> ps = {Pay(1, "2025-05-01", 30333), Reverse(2, "2025-05-02", 1, 30333)};
//
// Thread safety: pure helpers.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/check.h"
#include "base/date.h"
#include "base/money.h"
#include "ledger/allocation.h"
#include "ledger/arrears.h"
#include "ledger/due.h"
#include "ledger/ledger.h"
#include "ledger/posting.h"

namespace childmaint::ledger {

// Readable gtest failure messages.
inline void PrintTo(const AllocationLine& l, std::ostream* os) {
  *os << "{payment " << l.payment_id << ", " << l.due_on.ToIso() << ", " << l.amount.pence() << ", "
      << TargetName(l.target) << "}";
}
inline void PrintTo(const Statement& s, std::ostream* os) {
  *os << "{as_of " << s.as_of.ToIso() << ", due " << s.due.pence() << ", paid " << s.paid.pence()
      << ", arrears " << s.arrears.pence() << ", credit " << s.credit.pence() << ", charges "
      << s.charges.pence() << ", charges_paid " << s.charges_paid.pence()
      << ", charges_outstanding " << s.charges_outstanding.pence() << ", written_off "
      << s.written_off.pence() << ", refunded " << s.refunded.pence() << "}";
}
inline void PrintTo(const ArrearsBucket& b, std::ostream* os) {
  *os << "{" << b.min_days << ".." << (b.max_days ? std::to_string(*b.max_days) : "") << ": "
      << b.amount.pence() << "}";
}

}  // namespace childmaint::ledger

namespace childmaint::ledger::testing {

inline Date D(std::string_view iso) {
  const auto d = Date::ParseIso(iso);
  CMS_CHECK(d.has_value()) << "bad test date " << iso;
  return *d;
}

inline Money P(std::int64_t pence) { return Money::Pence(pence); }

inline Due Dues(std::string_view on, std::int64_t pence, bool initial_arrears = false) {
  return Due{D(on), P(pence), initial_arrears};
}

inline Posting Make(std::int64_t id, PostingKind kind, std::string_view on, std::int64_t pence) {
  Posting p;
  p.id = id;
  p.kind = kind;
  p.effective_on = D(on);
  p.recorded_at = 1'750'000'000 + id;
  p.amount = P(pence);
  return p;
}

inline Posting Pay(std::int64_t id, std::string_view on, std::int64_t pence) {
  Posting p = Make(id, PostingKind::kPaymentReceived, on, pence);
  p.method = "bank_transfer";
  return p;
}

inline Posting Charge(std::int64_t id, std::string_view on, std::int64_t pence,
                      std::string reference = "deduction_from_earnings_order") {
  Posting p = Make(id, PostingKind::kEnforcementCharge, on, pence);
  p.reference = std::move(reference);
  return p;
}

inline Posting Reverse(std::int64_t id, std::string_view on, std::int64_t target,
                       std::int64_t pence) {
  Posting p = Make(id, PostingKind::kReversal, on, pence);
  p.reverses = target;
  return p;
}

}  // namespace childmaint::ledger::testing
