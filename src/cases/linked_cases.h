// File: linked_cases.h — several receiving parents with the same paying parent: one calculation
// apportioned between their cases (contract rule 9, service.md §2), shared by every case.
//
//   SharedCalculator calc(law);
//   CMS_ASSIGN_OR_RETURN(const SharedCalculation* s,
//                        calc.Calculate(effective, paying_parent, receiving_parents, collection));
//   const Money w = s->PaysFor(reference);       // W for that case
//
// Receiving parents are listed oldest case first (by case id) whichever case the decision is made
// on, so every case of the paying parent stores the same request and the same rule-12 split
// (INTERP-111). A SharedCalculator keeps each distinct request it calculated (a decision and its
// linked re-issues reuse one calculation); Clear() forgets them. Not thread-safe: one per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/money.h"
#include "base/result.h"
#include "calc/calculate.h"
#include "cases/decision_request.h"
#include "contract/request_reader.h"
#include "law/parameter_set.h"

namespace childmaint::cases {

// One calculation: the stored request and response, and W per receiving parent (case reference).
struct SharedCalculation {
  std::string request;   // the full calc-contract request
  std::string response;  // the full calc-contract response, steps included
  std::vector<std::pair<std::string, Money>> pays;  // reference -> paying_parent_pays_pence

  // W for this case: its receiving parent's paying_parent_pays (0 when it is not in the request).
  Money PaysFor(std::string_view reference) const;
};

class SharedCalculator {
 public:
  explicit SharedCalculator(const law::ParameterSet& law) : law_(law), reader_(law) {}

  // The calculation for this request, made once per distinct request text. Errors: the contract's
  // codes as kInvalidArgument with the field named. The pointer lives until Clear().
  Result<const SharedCalculation*> Calculate(Date effective_date, const Json& paying_parent,
                                             const std::vector<CalcReceivingParent>& parents,
                                             calc::Collection collection);
  Result<const SharedCalculation*> CalculateText(std::string request_text);
  void Clear() { done_.clear(); }

 private:
  const law::ParameterSet& law_;
  contract::RequestReader reader_;
  calc::Request request_;
  calc::Result result_;
  calc::Trace trace_{true};
  std::vector<SharedCalculation> done_;
};

// This case's children and nights in a stored request (its own receiving-parent entry), with the
// "<reference>-" prefix of linked requests taken off the child ids. Empty when it is not there.
std::vector<std::pair<std::string, std::int64_t>> ChildrenInRequest(const Json& request,
                                                                    std::string_view reference);

// The response as a parent of case `own_reference` may see it: every other receiving parent's id
// (another case's reference) is replaced, wherever it appears (ids, child ids, step texts), by
// "other-1", "other-2", ... in request order. A parent of one case learns how the liability was
// shared, never which case (and so which person) shares it (service.md §9).
std::string WithoutOtherReferences(std::string_view response, std::string_view own_reference);

}  // namespace childmaint::cases
