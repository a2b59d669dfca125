#include "cases/linked_cases.h"

#include "contract/response_writer.h"

namespace childmaint::cases {

Money SharedCalculation::PaysFor(std::string_view reference) const {
  for (const auto& [id, w] : pays) {
    if (id == reference) {
      return w;
    }
  }
  return Money();
}

Result<const SharedCalculation*> SharedCalculator::Calculate(
    Date effective_date, const Json& paying_parent, const std::vector<CalcReceivingParent>& parents,
    calc::Collection collection) {
  return CalculateText(BuildCalculationRequest(effective_date, paying_parent, parents, collection));
}

Result<const SharedCalculation*> SharedCalculator::CalculateText(std::string request_text) {
  for (const SharedCalculation& s : done_) {
    if (s.request == request_text) {
      return &s;
    }
  }
  trace_.Clear();
  Status s = reader_.ReadString(request_text, request_);
  if (s) {
    s = calc::Calculate(request_, law_, result_, trace_);
  }
  if (!s) {
    return Error::Make(ErrorCode::kInvalidArgument, s.error().reason, s.error().message,
                       s.error().field);
  }
  SharedCalculation out;
  out.request = std::move(request_text);
  contract::WriteResponse(request_, result_, &trace_, out.response);
  for (std::size_t k = 0; k < request_.receiving_parents.size(); ++k) {
    out.pays.emplace_back(request_.receiving_parents[k].id,
                          result_.receiving_parents[k].paying_parent_pays);
  }
  done_.push_back(std::move(out));
  return &done_.back();
}

std::vector<std::pair<std::string, std::int64_t>> ChildrenInRequest(const Json& request,
                                                                    std::string_view reference) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  const Json* rps = request.Find("receiving_parents");
  if (rps == nullptr) {
    return out;
  }
  const std::string prefix = std::string(reference) + "-";
  for (const Json& rp : rps->items()) {
    const Json* id = rp.Find("id");
    const Json* children = rp.Find("children");
    if (id == nullptr || children == nullptr || id->AsString() != reference) {
      continue;
    }
    for (const Json& ch : children->items()) {
      const Json* child_id = ch.Find("id");
      const Json* nights = ch.Find("nights_with_paying_parent");
      if (child_id == nullptr || nights == nullptr || !nights->IsInt()) {
        continue;
      }
      std::string key = child_id->AsString();
      if (key.starts_with(prefix)) {
        key = key.substr(prefix.size());
      }
      out.emplace_back(std::move(key), nights->AsInt());
    }
  }
  return out;
}

std::string WithoutOtherReferences(std::string_view response, std::string_view own_reference) {
  std::string out(response);
  auto parsed = Json::Parse(response);
  if (!parsed) {
    return out;
  }
  const Json* rps = parsed->Find("receiving_parents");
  if (rps == nullptr) {
    return out;
  }
  int n = 0;
  for (const Json& rp : rps->items()) {
    const Json* id = rp.Find("id");
    if (id == nullptr || !id->IsString() || id->AsString() == own_reference ||
        id->AsString().empty()) {
      continue;
    }
    const std::string& other = id->AsString();
    const std::string label = "other-" + std::to_string(++n);
    for (std::size_t at = out.find(other); at != std::string::npos;
         at = out.find(other, at + label.size())) {
      out.replace(at, other.size(), label);
    }
  }
  return out;
}

}  // namespace childmaint::cases
