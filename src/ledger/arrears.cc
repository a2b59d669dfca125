#include "ledger/arrears.h"

#include <string>

#include "ledger/replay.h"

namespace childmaint::ledger {

std::vector<ArrearsBucket> AgeArrears(std::span<const Due> dues, std::span<const Posting> postings,
                                      Date as_of, std::span<const DayRange> ranges) {
  std::vector<ArrearsBucket> buckets;
  buckets.reserve(ranges.size());
  for (const auto& [min_days, max_days] : ranges) {
    buckets.push_back(ArrearsBucket{min_days, max_days, Money()});
  }
  const ReplayResult r = Replay(dues, postings, as_of);
  for (const DueItem& item : r.items) {
    if (item.unpaid == Money()) {
      continue;
    }
    const std::int64_t days = DaysBetween(item.due_on, as_of);
    for (ArrearsBucket& b : buckets) {
      if (days >= b.min_days && (!b.max_days || days <= *b.max_days)) {
        b.amount += item.unpaid;
        break;
      }
    }
  }
  return buckets;
}

Status CheckRanges(std::span<const DayRange> ranges) {
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const auto& [min_days, max_days] = ranges[i];
    const bool open_not_last = !max_days.has_value() && i + 1 != ranges.size();
    const bool bad_bounds = min_days < 0 || (max_days && *max_days < min_days);
    const bool overlaps = i > 0 && (!ranges[i - 1].second || *ranges[i - 1].second >= min_days);
    if (open_not_last || bad_bounds || overlaps) {
      return Error::Make(ErrorCode::kInvalidArgument, "ledger.bad_day_range",
                         "day ranges must increase, not overlap, and only the last may be open",
                         "ranges[" + std::to_string(i) + "]");
    }
  }
  return Ok();
}

std::optional<Date> OldestUnpaidDue(std::span<const Due> dues, std::span<const Posting> postings,
                                    Date as_of) {
  const ReplayResult r = Replay(dues, postings, as_of);
  for (const DueItem& item : r.items) {
    if (item.unpaid > Money()) {
      return item.due_on;
    }
  }
  return std::nullopt;
}

}  // namespace childmaint::ledger
