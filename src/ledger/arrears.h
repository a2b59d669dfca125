// File: arrears.h — maintenance arrears by age (cf. Fineract DelinquencyRange: a minimum number
// of days and an optional maximum; not its event-driven aging service).
//
//   const std::vector<DayRange> ranges = {{0, 30}, {31, 60}, {61, 90}, {91, std::nullopt}};
//   for (const ArrearsBucket& b : ledger::AgeArrears(dues, postings, as_of, ranges)) { ... }
//   std::optional<Date> oldest = ledger::OldestUnpaidDue(dues, postings, as_of);
//
// Ages come from the same replay as the statement and the allocation (replay.h): each due that has
// fallen due keeps its own unpaid part, and that part is aged by its days overdue = as_of - due_on
// (0 on the due date itself, which already counts as arrears in api.md's statement). Dues are the
// schedule's (instalments, initial arrears), adjustments (due on their effective_on) and the excess
// of a refund over the credit held (due on the refund's date). Enforcement charges are not arrears.
//
// Units: amounts in pence, ages in whole days. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "ledger/due.h"
#include "ledger/posting.h"

namespace childmaint::ledger {

// [first, second] days overdue, both ends included; no second = no upper limit.
using DayRange = std::pair<std::int64_t, std::optional<std::int64_t>>;

struct ArrearsBucket {
  std::int64_t min_days = 0;
  std::optional<std::int64_t> max_days;
  Money amount;

  friend bool operator==(const ArrearsBucket&, const ArrearsBucket&) = default;
};

// One bucket per range, in the order given, each with the unpaid parts of the dues whose days
// overdue fall in it. A part goes into the first range that holds it; a part in no range is in no
// bucket (so the buckets add up to the statement's arrears only when the ranges cover every age
// from 0). Ranges are not required to be valid; CheckRanges says whether they are.
// Requires: as Replay (replay.h).
std::vector<ArrearsBucket> AgeArrears(std::span<const Due> dues, std::span<const Posting> postings,
                                      Date as_of, std::span<const DayRange> ranges);

// kInvalidArgument "ledger.bad_day_range" (field "ranges[i]") unless each range has
// 0 <= min <= max, the ranges are in increasing order without overlap, and only the last is open.
Status CheckRanges(std::span<const DayRange> ranges);

// The due date of the oldest due with an unpaid part at as_of; nullopt when there are no arrears.
std::optional<Date> OldestUnpaidDue(std::span<const Due> dues, std::span<const Posting> postings,
                                    Date as_of);

}  // namespace childmaint::ledger
