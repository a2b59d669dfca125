// File: decision_request.h — the calc-contract request for a decision on a case.
//
// The paying parent's circumstances come from the decision body (the contract's paying_parent
// object, passed through unchanged so the contract's own validation applies); the receiving
// parents and children come from the case and from every other live case of the same paying
// parent, which are one calculation apportioned between them (contract rule 9, service.md §2).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/json.h"
#include "calc/request.h"

namespace childmaint::cases {

struct CalcReceivingParent {
  std::string id;  // the case reference
  std::vector<std::pair<std::string, std::int64_t>> children;  // child key, nights a year
};

// The request JSON text. Child ids are the case's child keys ("c1"), or "<reference>-<key>" when
// several receiving parents are in the calculation (ids must be unique across a request).
std::string BuildCalculationRequest(Date effective_date, const Json& paying_parent,
                                    const std::vector<CalcReceivingParent>& receiving_parents,
                                    calc::Collection collection);

// The child id used in a request built by BuildCalculationRequest.
std::string CalcChildId(const std::vector<CalcReceivingParent>& receiving_parents,
                        const std::string& reference, const std::string& key);

}  // namespace childmaint::cases
