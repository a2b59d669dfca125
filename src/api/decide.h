// File: decide.h — making and storing a decision on a case: the calculation (with every live
// case of the same paying parent apportioned together), the stored request and response, the
// state change and the audit row. Used by decisions, changes of circumstances, revisions and
// reviews. Runs inside the caller's transaction.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "api/context.h"
#include "base/json.h"
#include "cases/model.h"
#include "store/db.h"

namespace childmaint::api {

struct DecisionInput {
  Date effective_date;
  Date first_payment_date;
  Json paying_parent;                           // the contract's paying_parent object
  std::map<std::string, std::int64_t> nights;   // child key -> nights a year (absent: 0)
  std::string kind;                             // "" = initial or supersession
};

// `nights_with_paying_parent` from a body: keys must be children of the case, values 0-366.
Result<std::map<std::string, std::int64_t>> ReadNights(const cases::Case& c, const Json& map);

// The nights each child was given in the case's current decision (0 when none).
std::map<std::string, std::int64_t> CurrentNights(const cases::Case& c);

// Calculates and stores the decision; updates `c` (status, dates, decisions). Errors: the
// contract's codes (kInvalidArgument, field named), a fee owed or an illegal state (409).
Result<cases::Decision> Decide(Context& ctx, store::Db& db, const Caller& caller, cases::Case& c,
                               const DecisionInput& in);

}  // namespace childmaint::api
