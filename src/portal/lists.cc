#include "portal/lists.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/money.h"

namespace childmaint::portal {

namespace {

std::string Text(const Json& item, std::string_view key) {
  const Json* v = item.Find(key);
  return v != nullptr && v->IsString() ? v->AsString() : std::string();
}

const Json* Items(const Json& list, std::string_view key) {
  const Json* items = list.Find(key);
  return items != nullptr && items->IsArray() ? items : nullptr;
}

std::string_view StatusText(std::string_view status) {
  if (status == "open") {
    return "Received";
  }
  if (status == "acknowledged") {
    return "We are looking into it";
  }
  if (status == "answered") {
    return "Answered";
  }
  return "Referred";
}

// The next step a parent can take with an answered complaint (the complaints route: review,
// then the Independent Case Examiner, then the Ombudsman through an MP).
std::string_view EscalateLabel(std::string_view stage) {
  if (stage == "resolution") {
    return "Ask for a review";
  }
  if (stage == "review") {
    return "Refer it to the Independent Case Examiner";
  }
  if (stage == "independent_case_examiner") {
    return "Refer it to the Ombudsman";
  }
  return {};
}

Json Table(std::string_view caption, std::initializer_list<std::string_view> head) {
  Json t = Json::Object();
  t.Set("caption", Json(caption));
  Json h = Json::Array();
  for (const std::string_view s : head) {
    h.Push(Json(s));
  }
  t.Set("head", std::move(h));
  return t;
}

Json Cells(std::initializer_list<std::string> cells) {
  Json c = Json::Array();
  for (const std::string& s : cells) {
    c.Push(Json(s));
  }
  return c;
}

}  // namespace

std::string LongDateText(const std::string& iso) {
  const auto d = Date::ParseIso(iso.substr(0, 10));
  return d ? d->ToLongText() : iso;
}

Json ComplaintsTable(const Json& list) {
  Json t = Table("Your complaints", {"Complaint", "Received", "Handled by", "Status",
                                     "Reply due by", "Our answer", "What you can do"});
  t.Set("actions_column", Json(true));
  Json rows = Json::Array();
  if (const Json* items = Items(list, "items")) {
    for (const Json& c : items->items()) {
      const std::string status = Text(c, "status");
      const std::string respond_by = Text(c, "respond_by");
      Json row = Json::Object();
      row.Set("cells", Cells({Text(c, "summary"), LongDateText(Text(c, "stage_started_on")),
                              Text(c, "handled_by"), std::string(StatusText(status)),
                              respond_by.empty() ? std::string("-") : LongDateText(respond_by),
                              Text(c, "response")}));
      const std::string_view label = EscalateLabel(Text(c, "stage"));
      if (status == "answered" && !label.empty()) {
        Json action = Json::Object();
        action.Set("url", Json("/complaints/" + std::to_string(c.Find("id")->AsInt()) + "/escalate"));
        action.Set("label", Json(label));
        row.Set("row_action", std::move(action));
      }
      rows.Push(std::move(row));
    }
  }
  t.Set("rows", std::move(rows));
  return t;
}

Json MessagesTable(const Json& list) {
  Json t = Table("Your messages", {"Sent", "From", "Message"});
  Json rows = Json::Array();
  if (const Json* items = Items(list, "messages")) {
    for (const Json& m : items->items()) {
      Json row = Json::Object();
      row.Set("cells", Cells({LongDateText(Text(m, "sent_at")),
                              Text(m, "direction") == "to_parent" ? "Child Maintenance Service"
                                                                 : "You",
                              Text(m, "body")}));
      rows.Push(std::move(row));
    }
  }
  t.Set("rows", std::move(rows));
  return t;
}

Json PaymentHistory(std::span<const ledger::Posting> postings, Date today) {
  Json rows = Json::Array();
  for (auto it = postings.rbegin(); it != postings.rend(); ++it) {
    const ledger::Posting& p = *it;
    if (today < p.effective_on) {
      continue;
    }
    std::string what;
    switch (p.kind) {
      case ledger::PostingKind::kPaymentReceived:
        what = "Payment received";
        if (!p.method.empty()) {
          std::string method = p.method;
          std::replace(method.begin(), method.end(), '_', ' ');
          what += " (" + method + ")";
        }
        break;
      case ledger::PostingKind::kReversal:
        what = "Correction: an earlier entry cancelled";
        break;
      case ledger::PostingKind::kEnforcementCharge:
        what = "Enforcement charge";
        break;
      case ledger::PostingKind::kChargeWaived:
        what = "Enforcement charge waived";
        break;
      case ledger::PostingKind::kAdjustment:
        what = "Adjustment: more due";
        break;
      case ledger::PostingKind::kAdjustmentCredit:
        what = "Adjustment: less due";
        break;
      case ledger::PostingKind::kWriteOff:
        what = "Arrears written off";
        break;
      case ledger::PostingKind::kOverpaymentRefunded:
        what = "Overpayment refunded";
        break;
    }
    std::string amount;
    AppendPounds(amount, p.amount.pence());
    Json row = Json::Object();
    row.Set("on", Json(p.effective_on.ToLongText())).Set("what", Json(what));
    row.Set("amount", Json(amount));
    rows.Push(std::move(row));
  }
  return rows;
}

}  // namespace childmaint::portal
