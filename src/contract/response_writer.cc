#include "contract/response_writer.h"

#include <charconv>

#include "calc/sch1_para7_shared_care.h"

namespace childmaint::contract {

namespace {

void AppendInt(std::string& out, std::int64_t v) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(end - buf));
}

void Field(std::string& out, std::string_view key, std::int64_t pence) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
  AppendInt(out, pence);
}

// The band's fraction in the contract's text: "0/7" for none, else num/den.
void AppendFraction(std::string& out, std::uint8_t band, const law::LawInForce& law) {
  constexpr std::string_view kNone = "0/7";
  if (band == 0) {
    out.append(kNone);
    return;
  }
  const Rate f = law.bands[band].fraction;
  AppendInt(out, f.num());
  out.push_back('/');
  AppendInt(out, f.den());
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;  // copied in bulk below; UTF-8 passes through
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void WriteResponse(const calc::Request& req, const calc::Result& res, const calc::Trace* trace,
                   std::string& out) {
  const law::LawInForce& law = *res.law;
  out.append("{\"effective_date\":\"");
  req.effective_date.AppendIso(out);
  out.append("\",\"rules_version\":\"");
  res.rules_version.AppendIso(out);
  out.append("\",\"rate\":\"");
  out.append(calc::kRateNames[static_cast<std::size_t>(res.rate)]);
  out.append("\",");
  Field(out, "gross_weekly_income_pence", res.gross_weekly_income.pence());
  out.push_back(',');
  Field(out, "income_used_pence", res.income_used.pence());
  out.push_back(',');
  Field(out, "weekly_amount_before_shared_care_pence", res.weekly_amount_before_shared_care.pence());
  out.push_back(',');
  Field(out, "weekly_liability_pence", res.weekly_liability.pence());
  out.append(",\"receiving_parents\":[");
  for (std::size_t i = 0; i < req.receiving_parents.size(); ++i) {
    const calc::ReceivingParent& rp = req.receiving_parents[i];
    const calc::ReceivingParentResult& r = res.receiving_parents[i];
    out.append(i == 0 ? "{\"id\":" : ",{\"id\":");
    AppendJsonString(out, rp.id);
    out.push_back(',');
    Field(out, "weekly_pence", r.weekly.pence());
    out.append(",\"children\":[");
    for (std::size_t c = rp.first_child; c < rp.first_child + rp.child_count; ++c) {
      out.append(c == rp.first_child ? "{\"id\":" : ",{\"id\":");
      AppendJsonString(out, req.children[c].id);
      out.append(",\"shared_care_band\":\"");
      calc::AppendBandLabel(out, res.child_band[c], law);
      out.append("\",\"shared_care_fraction\":\"");
      AppendFraction(out, res.child_band[c], law);
      out.append("\"}");
    }
    out.append("],");
    Field(out, "paying_parent_fee_pence", r.paying_parent_fee.pence());
    out.push_back(',');
    Field(out, "receiving_parent_fee_pence", r.receiving_parent_fee.pence());
    out.push_back(',');
    Field(out, "paying_parent_pays_pence", r.paying_parent_pays.pence());
    out.push_back(',');
    Field(out, "receiving_parent_gets_pence", r.receiving_parent_gets.pence());
    out.push_back('}');
  }
  out.push_back(']');
  if (trace != nullptr && trace->enabled()) {
    out.append(",\"steps\":[");
    bool first = true;
    for (const calc::Step& s : trace->steps()) {
      out.append(first ? "{\"citation\":" : ",{\"citation\":");
      first = false;
      AppendJsonString(out, s.citation);
      out.append(",\"description\":");
      AppendJsonString(out, trace->Description(s));
      if (s.has_amount) {
        out.push_back(',');
        Field(out, "amount_pence", s.amount_pence);
      }
      out.push_back('}');
    }
    out.push_back(']');
  }
  out.push_back('}');
}

void WriteError(const Error& error, std::string& out) {
  out.append("{\"error\":{\"code\":");
  AppendJsonString(out, error.reason);
  out.append(",\"field\":");
  AppendJsonString(out, error.field);
  out.append(",\"message\":");
  AppendJsonString(out, error.message);
  out.append("}}");
}

}  // namespace childmaint::contract
