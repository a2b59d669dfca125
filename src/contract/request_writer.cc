#include "contract/request_writer.h"

#include "contract/response_writer.h"

namespace childmaint::contract {

namespace {

void Pence(std::string& out, std::string_view key, Money m) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
  out += std::to_string(m.pence());
}

void Benefits(std::string& out, std::uint32_t mask, const law::ParameterSet& law) {
  out.push_back('[');
  bool first = true;
  for (std::size_t i = 0; i < law.benefit_names().size(); ++i) {
    if ((mask >> i) & 1u) {
      out.append(first ? "" : ",");
      first = false;
      AppendJsonString(out, law.benefit_names()[i]);
    }
  }
  out.push_back(']');
}

void IncomeJson(std::string& out, const calc::Income& in) {
  out.append("\"income\":{");
  switch (in.form) {
    case calc::Income::Form::kWeekly:
      Pence(out, "weekly_pence", in.weekly);
      break;
    case calc::Income::Form::kAnnual:
      Pence(out, "annual_pence", in.annual);
      out.push_back(',');
      Pence(out, "pension_contributions_annual_pence", in.pension_contributions);
      break;
    case calc::Income::Form::kHistoricAndCurrent:
      Pence(out, "historic_annual_pence", in.historic_annual);
      out.push_back(',');
      Pence(out, "current_weekly_pence", in.current_weekly);
      break;
    case calc::Income::Form::kNone:
      break;
  }
  out.append("},");
}

}  // namespace

void WriteRequest(const calc::Request& req, const law::ParameterSet& law, std::string& out) {
  out.append("{\"effective_date\":\"");
  req.effective_date.AppendIso(out);
  out.append("\",\"paying_parent\":{");
  if (req.income.form != calc::Income::Form::kNone) {
    IncomeJson(out, req.income);
  }
  out.append("\"benefits\":");
  Benefits(out, req.benefits, law);
  out.append(",\"partner_benefits\":");
  Benefits(out, req.partner_benefits, law);
  out.append(",\"nil_rate_reason\":");
  if (req.nil_rate_reason) {
    AppendJsonString(out, calc::kNilRateReasonNames[static_cast<std::size_t>(*req.nil_rate_reason)]);
  } else {
    out.append("null");
  }
  out.append(",\"relevant_other_children\":");
  out += std::to_string(req.relevant_other_children);
  out.append(",\"other_supported_children\":");
  out += std::to_string(req.other_supported_children);
  out.append(",\"partner_is_paying_parent\":");
  out.append(req.partner_is_paying_parent ? "true" : "false");
  out.append("},\"receiving_parents\":[");
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const calc::ReceivingParent& rp = req.receiving_parents[i];
    out.append(i == 0 ? "{\"id\":" : ",{\"id\":");
    AppendJsonString(out, rp.id);
    out.append(",\"children\":[");
    for (std::size_t c = rp.first_child; c < rp.first_child + rp.child_count; ++c) {
      out.append(c == rp.first_child ? "{\"id\":" : ",{\"id\":");
      AppendJsonString(out, req.children[c].id);
      out.append(",\"nights_with_paying_parent\":");
      out += std::to_string(req.children[c].nights_with_paying_parent);
      out.push_back('}');
    }
    out.append("]}");
  }
  out.append("],\"variations\":{\"special_expenses\":[");
  bool first = true;
  for (std::size_t k = 0; k < law::kExpenseKinds; ++k) {
    if (req.special_expense_entries[k] == 0) {
      continue;
    }
    out.append(first ? "{\"kind\":" : ",{\"kind\":");
    first = false;
    AppendJsonString(out, law::kExpenseKindNames[k]);
    out.push_back(',');
    Pence(out, "weekly_pence", req.special_expenses[k]);
    out.push_back('}');
  }
  out.append("],");
  Pence(out, "additional_income_weekly_pence", req.additional_income);
  out.append("},\"collection\":\"");
  out.append(req.collection == calc::Collection::kCollectAndPay ? "collect_and_pay" : "direct_pay");
  out.append("\"}");
}

}  // namespace childmaint::contract
