#include "console/forms.h"

#include "api/handlers.h"
#include "base/money.h"
#include "cases/enforcement.h"
#include "console/view.h"

namespace childmaint::console {

namespace {

constexpr std::string_view kPayment = "payment";
constexpr std::string_view kReversal = "reversal";
constexpr std::string_view kDecision = "decision";
constexpr std::string_view kEnforcement = "enforcement";
constexpr std::string_view kComplaintResponse = "complaint-response";
constexpr std::string_view kWriteOff = "write-off";
constexpr std::string_view kMessage = "message";
constexpr std::string_view kResolve = "resolve";
constexpr std::string_view kTracedAddress = "traced-address";

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Every name=value pair of an application/x-www-form-urlencoded body, decoded.
Pairs FormPairs(std::string_view body) {
  Pairs out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view part = body.substr(0, amp);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos) {
      out.emplace_back(api::PercentDecode(part.substr(0, eq)), api::PercentDecode(part.substr(eq + 1)));
    }
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
  }
  return out;
}

std::string Value(const Pairs& form, std::string_view name) {
  for (const auto& [k, v] : form) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

// Text as sent, or null when empty (the API then reports a missing field).
Json Text(const Pairs& form, std::string_view name) {
  const std::string v = Value(form, name);
  return v.empty() ? Json() : Json(v);
}

bool Digits(std::string_view s) {
  return !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A whole number when it is one; otherwise the text, for the API to refuse by name.
Json Number(const Pairs& form, std::string_view name, std::int64_t when_empty) {
  const std::string v = Value(form, name);
  if (v.empty()) {
    return Json(when_empty);
  }
  return Digits(v) ? Json(static_cast<std::int64_t>(std::stoll(v))) : Json(v);
}

// An amount field as pence, or an error on the form.
Json Amount(const Pairs& form, std::string_view name, ApiCall& call) {
  const std::string v = Value(form, name);
  const auto pence = PenceFromPounds(v);
  if (!pence) {
    Json e = Json::Object();
    e.Set("field", Json(name)).Set("message", Json("enter an amount in pounds, like 72.50"));
    call.errors.Push(std::move(e));
    return Json();
  }
  return Json(*pence);
}

void Fail(ApiCall& call, std::string_view field, std::string_view message) {
  Json e = Json::Object();
  e.Set("field", Json(field)).Set("message", Json(message));
  call.errors.Push(std::move(e));
}

FormField Field(std::string name, std::string label, std::string kind, std::string hint = {},
                Pairs options = {}, std::string api_field = {}) {
  return FormField{std::move(name), std::move(label), std::move(kind), std::move(hint),
                   std::move(options), std::move(api_field)};
}

}  // namespace

std::optional<std::int64_t> PenceFromPounds(std::string_view text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\xC2\xA3") {
      ++i;
    } else if (text[i] != ',' && text[i] != ' ') {
      s.push_back(text[i]);
    }
  }
  if (s.empty() || s.front() == '-') {
    return std::nullopt;
  }
  const auto point = s.find('.');
  if (point == std::string::npos) {
    s += ".00";
  } else if (s.size() - point == 2) {
    s += "0";
  }
  auto money = Money::ParsePounds(s);
  return money ? std::optional<std::int64_t>(money->pence()) : std::nullopt;
}

std::vector<CaseForm> CaseForms(std::string_view role, const CaseChoices& choices) {
  std::vector<CaseForm> forms;
  if (role != "caseworker" && role != "team_leader") {
    return forms;  // auditors read only
  }
  const bool leader = role == "team_leader";
  forms.push_back({std::string(kPayment), "Record a payment", "Record the payment", false,
                   {Field("received_on", "Date received", "date"),
                    Field("amount", "Amount in pounds", "text", "For example, 72.50", {},
                          "amount_pence"),
                    Field("method", "How it was paid", "select", "",
                          {{"bank_transfer", "Bank transfer"},
                           {"debit_card", "Debit card"},
                           {"direct_debit", "Direct Debit"},
                           {"standing_order", "Standing order"},
                           {"deduction_from_earnings", "Deduction from earnings"},
                           {"deduction_order", "Deduction order"},
                           {"benefit_deduction", "Deduction from benefits"}})}});
  if (!choices.postings.empty()) {
    forms.push_back({std::string(kReversal), "Reverse a posting", "Reverse the posting", false,
                     {Field("posting_id", "Posting to reverse", "select", "", choices.postings),
                      Field("reason", "Reason", "area"),
                      Field("effective_on", "Date of the correction", "date",
                            "Leave empty for today")}});
  }
  CaseForm decision{std::string(kDecision), "Make a decision", "Make the decision", false,
                    {Field("effective_date", "Effective date", "date"),
                     Field("first_payment_date", "First payment date", "date"),
                     Field("income", "Paying parent's gross annual income in pounds", "text",
                           "Leave empty if they get only benefits", {},
                           "paying_parent.income"),
                     Field("benefits", "Benefits the paying parent gets", "text",
                           "Separated by commas, for example universal_credit; empty for none",
                           {}, "paying_parent.benefits"),
                     Field("relevant_other_children", "Relevant other children", "text",
                           "Other children living with the paying parent", {},
                           "paying_parent.relevant_other_children")}};
  for (const auto& [key, name] : choices.children) {
    decision.fields.push_back(Field("nights_" + key,
                                    "Nights a year " + name + " stays with the paying parent",
                                    "text", "", {}, "nights_with_paying_parent." + key));
  }
  forms.push_back(std::move(decision));
  Pairs kinds;
  for (const std::string_view k : cases::kEnforcementKindNames) {
    auto kind = cases::ParseEnforcementKind(k);
    if (leader || (kind && !cases::NeedsTeamLeader(*kind))) {
      kinds.emplace_back(std::string(k), Label(k));
    }
  }
  Pairs waivers = {{"", "No waiver: charge the fee"}};
  for (const std::string_view w : cases::kEnforcementWaiverReasons) {
    waivers.emplace_back(std::string(w), Label(w));
  }
  forms.push_back({std::string(kEnforcement), "Take an enforcement step", "Take the step", false,
                   {Field("kind", "Enforcement step", "select", "", kinds),
                    Field("taken_on", "Date taken", "date"),
                    Field("waiver", "Fee waiver", "select", "", waivers)}});
  if (!choices.complaints.empty()) {
    forms.push_back({std::string(kComplaintResponse), "Respond to a complaint",
                     "Send the response", false,
                     {Field("complaint_id", "Complaint", "select", "", choices.complaints),
                      Field("on", "Date of the response", "date"),
                      Field("response", "Response", "area")}});
  }
  forms.push_back({std::string(kMessage), "Reply to a message", "Send the message", false,
                   {Field("party_id", "To", "select", "", choices.parties),
                    Field("body", "Message", "area")}});
  if (leader) {
    forms.push_back({std::string(kWriteOff), "Write off arrears", "Write off", true,
                     {Field("amount", "Amount in pounds", "text", "For example, 72.50", {},
                            "amount_pence"),
                      Field("effective_on", "Date", "date"), Field("reason", "Reason", "area")}});
  }
  return forms;
}

bool IsCaseAction(std::string_view action) {
  for (const std::string_view a : {kPayment, kReversal, kDecision, kEnforcement,
                                   kComplaintResponse, kWriteOff, kMessage}) {
    if (a == action) {
      return true;
    }
  }
  return false;
}

std::string FormFieldFor(std::string_view action, std::string_view api_field) {
  CaseChoices every;  // one of each choice, so that every form is there
  every.postings = {{"1", ""}};
  every.complaints = {{"1", ""}};
  for (const CaseForm& f : CaseForms("team_leader", every)) {
    if (f.action != action) {
      continue;
    }
    for (const FormField& field : f.fields) {
      const std::string& api = field.api_field.empty() ? field.name : field.api_field;
      if (api_field == api || api_field == field.name || api_field.starts_with(api + ".")) {
        return field.name;
      }
    }
    if (api_field.starts_with("nights_with_paying_parent.")) {
      return "nights_" + std::string(api_field.substr(api_field.find('.') + 1));
    }
    return f.fields.front().name;
  }
  if (action == kResolve) {
    return "note";
  }
  return api_field.empty() ? std::string("line1") : std::string(api_field);
}

std::optional<ApiCall> BuildCall(std::string_view action, std::string_view id,
                                 std::string_view form_body) {
  const Pairs form = FormPairs(form_body);
  ApiCall call;
  call.body = Json::Object();
  const std::string cases = "/api/v1/cases/" + std::string(id);
  if (action == kPayment) {
    call.target = cases + "/payments";
    call.body.Set("received_on", Text(form, "received_on"));
    call.body.Set("amount_pence", Amount(form, "amount", call));
    call.body.Set("method", Text(form, "method"));
  } else if (action == kReversal) {
    const std::string posting = Value(form, "posting_id");
    if (!Digits(posting)) {
      Fail(call, "posting_id", "choose the posting to reverse");
    }
    call.target = cases + "/postings/" + posting + "/reversal";
    call.body.Set("reason", Text(form, "reason"));
    if (const std::string on = Value(form, "effective_on"); !on.empty()) {
      call.body.Set("effective_on", Json(on));
    }
  } else if (action == kDecision) {
    call.target = cases + "/decisions";
    call.body.Set("effective_date", Text(form, "effective_date"));
    call.body.Set("first_payment_date", Text(form, "first_payment_date"));
    Json payer = Json::Object();
    if (!Value(form, "income").empty()) {
      Json income = Json::Object();
      income.Set("annual_pence", Amount(form, "income", call));
      payer.Set("income", std::move(income));
    }
    Json benefits = Json::Array();
    std::string list = Value(form, "benefits");
    for (std::size_t start = 0; start < list.size();) {
      const auto comma = list.find(',', start);
      std::string item = list.substr(start, comma == std::string::npos ? comma : comma - start);
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) {
        benefits.Push(Json(item));
      }
      start = comma == std::string::npos ? list.size() : comma + 1;
    }
    payer.Set("benefits", std::move(benefits));
    payer.Set("relevant_other_children", Number(form, "relevant_other_children", 0));
    call.body.Set("paying_parent", std::move(payer));
    Json nights = Json::Object();
    for (const auto& [k, v] : form) {
      if (k.starts_with("nights_") && k.size() > 7) {
        nights.Set(k.substr(7), Number(form, k, 0));
      }
    }
    call.body.Set("nights_with_paying_parent", std::move(nights));
  } else if (action == kEnforcement) {
    call.target = cases + "/enforcement-actions";
    call.body.Set("kind", Text(form, "kind")).Set("taken_on", Text(form, "taken_on"));
    if (const std::string w = Value(form, "waiver"); !w.empty()) {
      call.body.Set("waiver", Json(w));
    }
  } else if (action == kComplaintResponse) {
    const std::string complaint = Value(form, "complaint_id");
    if (!Digits(complaint)) {
      Fail(call, "complaint_id", "choose the complaint");
    }
    call.target = cases + "/complaints/" + complaint + "/respond";
    call.body.Set("on", Text(form, "on")).Set("response", Text(form, "response"));
  } else if (action == kWriteOff) {
    call.target = cases + "/write-offs";
    call.body.Set("amount_pence", Amount(form, "amount", call));
    call.body.Set("effective_on", Text(form, "effective_on"));
    call.body.Set("reason", Text(form, "reason"));
  } else if (action == kMessage) {
    call.target = cases + "/messages";
    call.body.Set("party_id", Number(form, "party_id", 0)).Set("body", Text(form, "body"));
  } else if (action == kResolve) {
    call.target = "/api/v1/work-items/" + std::string(id) + "/resolution";
    call.body.Set("note", Text(form, "note"));
  } else if (action == kTracedAddress) {
    call.target = "/api/v1/applications/" + std::string(id) + "/traced-address";
    call.body.Set("line1", Text(form, "line1")).Set("town", Text(form, "town"));
    call.body.Set("postcode", Text(form, "postcode"));
  } else {
    return std::nullopt;
  }
  return call;
}

}  // namespace childmaint::console
