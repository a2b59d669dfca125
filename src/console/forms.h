// File: forms.h — the console's forms on a case and in the queues: what each asks, who may use
// it, and the API call a submitted form becomes. Pure functions (no I/O), so unit-tested.
//
//   auto call = BuildCall("payment", "121000000018", "received_on=2025-05-01&amount=72.50&...");
//   // call->target == "/api/v1/cases/121000000018/payments", call->body: the API's JSON
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"

namespace childmaint::console {

struct FormField {
  std::string name;   // form field; its id on the page is "<form>-<name>"
  std::string label;
  std::string kind;   // text, date, area, select
  std::string hint;
  std::vector<std::pair<std::string, std::string>> options;  // value, label (select)
  std::string api_field;  // the API's name for it when different ("amount_pence")
};

struct CaseForm {
  std::string action;   // POST /console/cases/{ref}/<action>
  std::string heading;
  std::string button;
  bool team_leader_only = false;
  std::vector<FormField> fields;
};

// What the case page needs to fill in the forms' choices.
struct CaseChoices {
  std::vector<std::pair<std::string, std::string>> postings;    // id, description
  std::vector<std::pair<std::string, std::string>> complaints;  // id, description (open ones)
  std::vector<std::pair<std::string, std::string>> parties;     // id, name and role
  std::vector<std::pair<std::string, std::string>> children;    // key, name
};

// The forms on a case for an account of this role (none for an auditor; team leaders' forms
// only for team leaders; enforcement steps beyond deduction orders only for team leaders). Forms
// that choose a posting or an open complaint appear only when there is one.
std::vector<CaseForm> CaseForms(std::string_view role, const CaseChoices& choices);
bool IsCaseAction(std::string_view action);

struct ApiCall {
  std::string target;
  Json body;
  Json errors = Json::Array();  // the form's own problems ({"field","message"}); no call then
};

// The API call a submitted form becomes: a case form (action under the case `ref`), or a queue
// form ("resolve" and "traced-address" with `id` the work item or application id).
std::optional<ApiCall> BuildCall(std::string_view action, std::string_view id,
                                 std::string_view form_body);

// The form field an API error's field names ("paying_parent.income.annual_pence" -> "income").
std::string FormFieldFor(std::string_view action, std::string_view api_field);

// "72.50", "£1,072.5" or "72" -> pence; nothing when it is not an amount of pounds.
std::optional<std::int64_t> PenceFromPounds(std::string_view text);

}  // namespace childmaint::console
