// File: decide.h — making and storing a decision on a case: the calculation (with every live
// case of the same paying parent apportioned together), the stored request and response, the
// state change and the audit row; then every other live case of that paying parent gets its
// share of the same calculation as a `linked` decision (INTERP-111). Used by decisions, changes
// of circumstances, revisions and tribunal outcomes. Runs inside the caller's transaction.
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

// Calculates and stores the decision; updates `c` (status, dates, decisions) and re-issues the
// other live cases of the paying parent (a newly linked case takes their review date). Errors:
// the contract's codes (kInvalidArgument, field named), a fee owed or an illegal state (409).
Result<cases::Decision> Decide(Context& ctx, store::Db& db, const Caller& caller, cases::Case& c,
                               const DecisionInput& in);

// Case `left` no longer counts in its paying parent's calculation from `from` (it closed): every
// other live case of that paying parent gets a linked decision from that date without it, from
// the latest figures held (INTERP-111). Runs inside the caller's transaction.
Status ReissueWithout(Context& ctx, store::Db& db, const Caller& caller, const cases::Case& left,
                      Date from);

}  // namespace childmaint::api
