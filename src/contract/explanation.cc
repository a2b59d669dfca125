#include "contract/explanation.h"

#include <array>

#include "base/money.h"

namespace childmaint::contract {

namespace {

constexpr std::array<std::string_view, 5> kRateText = {
    "the nil rate (nothing to pay)", "the flat rate", "the reduced rate", "the basic rate",
    "the basic rate plus"};

void Money_(std::string& out, Money m) { AppendPounds(out, m.pence()); }

}  // namespace

void WriteExplanation(const calc::Request& req, const calc::Result& res, const calc::Trace& trace,
                      std::string& out) {
  out += "How this child maintenance was worked out\n";
  out += "=========================================\n\n";
  out += "For: ";
  req.effective_date.AppendLongText(out);
  out += " (the rules in force from ";
  res.rules_version.AppendLongText(out);
  out += ")\n";
  out += "Rate: ";
  out.append(kRateText[static_cast<std::size_t>(res.rate)]);
  out += "\nIncome used: ";
  Money_(out, res.income_used);
  out += " a week\n\n";
  std::size_t n = 1;
  for (const calc::Step& s : trace.steps()) {
    out += std::to_string(n++);
    out += ". ";
    out.append(trace.Description(s));
    if (s.has_amount) {
      out += "  [";
      Money_(out, Money::Pence(s.amount_pence));
      out += "]";
    }
    out += "\n   Law: ";
    out.append(s.citation);
    out += "\n";
  }
  out += "\nWhat is paid each week\n";
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const calc::ReceivingParentResult& r = res.receiving_parents[i];
    out += "- For receiving parent ";
    out.append(req.receiving_parents[i].id);
    out += ": ";
    Money_(out, r.weekly);
    if (r.paying_parent_fee.pence() > 0 || r.receiving_parent_fee.pence() > 0) {
      out += " (with Collect and Pay fees the paying parent pays ";
      Money_(out, r.paying_parent_pays);
      out += " and the receiving parent gets ";
      Money_(out, r.receiving_parent_gets);
      out += ")";
    }
    out += "\n";
  }
  out += "Total: ";
  Money_(out, res.weekly_liability);
  out += " a week\n";
}

}  // namespace childmaint::contract
