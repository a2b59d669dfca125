#include "ledger/allocation.h"

#include "ledger/replay.h"

namespace childmaint::ledger {

std::string_view TargetName(AllocationLine::Target target) {
  switch (target) {
    case AllocationLine::Target::kCurrent:
      return "current";
    case AllocationLine::Target::kArrears:
      return "arrears";
    case AllocationLine::Target::kCharge:
      return "charge";
    case AllocationLine::Target::kCredit:
      return "credit";
    case AllocationLine::Target::kRefunded:
      return "refunded";
  }
  return "unknown";  // unreachable for a valid enumerator
}

std::vector<AllocationLine> Allocate(std::span<const Due> dues, std::span<const Posting> postings,
                                     Date as_of) {
  return Replay(dues, postings, as_of).lines;
}

}  // namespace childmaint::ledger
