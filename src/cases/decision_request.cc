#include "cases/decision_request.h"

namespace childmaint::cases {

std::string CalcChildId(const std::vector<CalcReceivingParent>& receiving_parents,
                        const std::string& reference, const std::string& key) {
  return receiving_parents.size() == 1 ? key : reference + "-" + key;
}

std::string BuildCalculationRequest(Date effective_date, const Json& paying_parent,
                                    const std::vector<CalcReceivingParent>& receiving_parents,
                                    calc::Collection collection) {
  Json req = Json::Object();
  req.Set("effective_date", Json(effective_date.ToIso()));
  req.Set("paying_parent", paying_parent);
  Json rps = Json::Array();
  for (const CalcReceivingParent& rp : receiving_parents) {
    Json children = Json::Array();
    for (const auto& [key, nights] : rp.children) {
      Json child = Json::Object();
      child.Set("id", Json(CalcChildId(receiving_parents, rp.id, key)));
      child.Set("nights_with_paying_parent", Json(nights));
      children.Push(std::move(child));
    }
    Json r = Json::Object();
    r.Set("id", Json(rp.id)).Set("children", std::move(children));
    rps.Push(std::move(r));
  }
  req.Set("receiving_parents", std::move(rps));
  req.Set("collection", Json(collection == calc::Collection::kCollectAndPay ? "collect_and_pay"
                                                                             : "direct_pay"));
  return req.Dump();
}

}  // namespace childmaint::cases
