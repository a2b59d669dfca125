// File: due.h — an amount of maintenance that falls due on a date, as the schedule module issues
// it (api.md "How the schedule and the statement follow from a decision"). The ledger does not
// depend on the schedule module: callers pass the dues in, sorted by due_on.
//
//   std::vector<Due> dues = {{first_payment, Money::Pence(24000), /*initial_arrears=*/true},
//                            {first_payment, Money::Pence(30333)}};
//
// Units: amount in whole pence, >= 0 (checked: a negative due is a bug in the caller). Dues on the
// same date are taken in the order given (put the initial arrears first, as the schedule lists it).
// Thread safety: a value type.
#pragma once

#include "base/date.h"
#include "base/money.h"

namespace childmaint::ledger {

struct Due {
  Date due_on;
  Money amount;
  bool initial_arrears = false;  // api.md initial arrears: arrears from the start, never "current"
};

}  // namespace childmaint::ledger
