// The enforcement area of the API (see route_table.h; docs/service/enforcement.md): enforcement
// actions and their fees (CSA 1991 ss 31-40B; SI 2014/612 regs 10, 12; service.md §6, rules.md
// §7.3), waivers of those fees, write-offs of arrears, refunds of overpayments (service.md §4),
// missed Direct Pay payments and moving a case between Direct Pay and Collect and Pay (§3).
#include <algorithm>

#include "api/body.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "cases/case_schedule.h"
#include "cases/enforcement.h"
#include "ledger/ledger.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr int kForbidden = 403;
constexpr std::string_view kFeeKey = "si2014_612.reg10.enforcement_fee";
constexpr std::string_view kActionColumns =
    "SELECT id, kind, status, taken_on, arrears_pence, charge_pence, charge_posting_id, "
    "waiver_reason FROM enforcement_actions WHERE case_id = ?";

Json ActionJson(const store::Row& r) {
  Json j = Json::Object();
  j.Set("id", Json(r.Int(0))).Set("kind", Json(r.Text(1))).Set("status", Json(r.Text(2)));
  j.Set("taken_on", Json(r.Text(3))).Set("arrears_pence", Json(r.Int(4)));
  j.Set("charge_pence", Json(r.Int(5)));
  j.Set("charge_posting_id", r.IsNull(6) ? Json() : Json(r.Int(6)));
  j.Set("waiver_reason", r.IsNull(7) ? Json() : Json(r.Text(7)));
  return j;
}

HttpResponse TeamLeaderOnly() {
  return Problem(kForbidden, "Team leader only", "This action needs a team leader.");
}

// POST /cases/{ref}/enforcement-actions {"kind","taken_on","waiver"?}.
HttpResponse TakeAction(Context& ctx, const Caller& caller, const HttpRequest& req,
                        const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string kind_text = b.Text("kind");
  const Date taken_on = b.DateField("taken_on");
  const std::optional<std::string> waiver = b.OptText("waiver");
  auto kind = cases::ParseEnforcementKind(kind_text);
  if (!kind_text.empty() && !kind) {
    b.Fail("kind", "invalid_choice", "not an enforcement action");
  }
  if (waiver && !cases::IsEnforcementWaiverReason(*waiver)) {
    b.Fail("waiver", "invalid_choice",
           "one of concurrent_order, replacement_order, failed_application, successful_appeal, "
           "cms_error");
  }
  if (!b.ok() || !kind) {
    return b.Problem();
  }
  if (cases::NeedsTeamLeader(*kind) && caller.role != "team_leader") {
    return TeamLeaderOnly();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const ledger::Statement s, StatementOn(ctx, db, c, taken_on));
    if (s.arrears.pence() <= 0) {
      return Error::Make(ErrorCode::kFailedPrecondition, "enforcement.no_arrears",
                         "there are no arrears on this case on taken_on: nothing to enforce");
    }
    Money charge = Money::Pence(0);
    if (const auto axis = cases::FeeAxis(*kind); axis && !waiver) {
      CMS_ASSIGN_OR_RETURN(charge, ctx.law.Gbp(kFeeKey, taken_on, *axis));
    }
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO enforcement_actions (case_id, kind, status, taken_on, arrears_pence, "
                  "charge_pence, waiver_reason, created_by) VALUES (?, ?, 'taken', ?, ?, ?, ?, ?)",
                  {store::Value(c.id), store::Value(std::string(cases::EnforcementKindName(*kind))),
                   store::Value(taken_on.ToIso()), store::Value(s.arrears.pence()),
                   store::Value(charge.pence()),
                   waiver ? store::Value(*waiver) : store::Value(), store::Value(caller.Actor())}));
    if (charge.pence() > 0) {
      ledger::Posting posting;
      posting.kind = ledger::PostingKind::kEnforcementCharge;
      posting.effective_on = taken_on;
      posting.amount = charge;
      posting.reference = "enforcement_action:" + std::to_string(id);
      CMS_ASSIGN_OR_RETURN(const ledger::Posting written, PostOn(ctx, db, caller, c, posting));
      CMS_TRY(db.Exec("UPDATE enforcement_actions SET charge_posting_id = ? WHERE id = ?",
                      {store::Value(written.id), store::Value(id)}));
    }
    CMS_ASSIGN_OR_RETURN(const store::Row row, db.One(std::string(kActionColumns) + " AND id = ?",
                                                      {store::Value(c.id), store::Value(id)}));
    const Json out = ActionJson(row);
    CMS_TRY(store::Audit(db, caller.Actor(), "enforcement_action_taken", c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

HttpResponse ListActions(Context& ctx, const Caller& caller, const HttpRequest&,
                         const PathParams& p) {
  return ListCaseRows(ctx, caller, p[0], std::string(kActionColumns) + " ORDER BY id",
                      "enforcement_actions", &ActionJson);
}

// POST /cases/{ref}/enforcement-actions/{id}/waiver {"reason","effective_on"?} (SI 2014/612
// reg 12): waives what is still outstanding of that action's charge.
HttpResponse WaiveCharge(Context& ctx, const Caller& caller, const HttpRequest& req,
                         const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string reason = b.Text("reason", 500);
  const std::optional<Date> on = b.OptDate("effective_on");
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const auto found,
                         db.MaybeOne(std::string(kActionColumns) + " AND CAST(id AS TEXT) = ?",
                                     {store::Value(c.id), store::Value(p[1])}));
    if (!found) {
      return Error::Make(ErrorCode::kNotFound, "enforcement.not_found",
                         "no such enforcement action on this case");
    }
    if (found->IsNull(6) || found->Text(2) == "charge_waived") {
      return Error::Make(ErrorCode::kFailedPrecondition, "enforcement.no_charge",
                         "this action has no charge to waive");
    }
    CMS_ASSIGN_OR_RETURN(const Date taken_on, Date::ParseIso(found->Text(3)));
    const Date effective = std::max(on.value_or(ctx.clock.Today()), taken_on);
    CMS_ASSIGN_OR_RETURN(const ledger::Statement s, StatementOn(ctx, db, c, effective));
    const std::int64_t amount = std::min(found->Int(5), s.charges_outstanding.pence());
    if (amount <= 0) {
      return Error::Make(ErrorCode::kFailedPrecondition, "enforcement.charge_paid",
                         "nothing of this charge is outstanding");
    }
    ledger::Posting posting;
    posting.kind = ledger::PostingKind::kChargeWaived;
    posting.effective_on = effective;
    posting.amount = Money::Pence(amount);
    posting.reference = "enforcement_action:" + found->Text(0);
    CMS_ASSIGN_OR_RETURN(const ledger::Posting written, PostOn(ctx, db, caller, c, posting));
    CMS_TRY(db.Exec("UPDATE enforcement_actions SET status = 'charge_waived', waiver_reason = ? "
                    "WHERE id = ?",
                    {store::Value(reason), store::Value(found->Int(0))}));
    const Json out = PostingJson(written);
    CMS_TRY(store::Audit(db, caller.Actor(), "enforcement_charge_waived", c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

// A team leader's posting with {"amount_pence","effective_on","reason"}: write-offs and refunds.
HttpResponse TeamLeaderPosting(Context& ctx, const Caller& caller, const HttpRequest& req,
                               const PathParams& p, ledger::PostingKind kind,
                               std::string_view action) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Money amount = b.Pence("amount_pence");
  const Date effective_on = b.DateField("effective_on");
  const std::string reason = b.Text("reason", 500);
  if (b.ok() && amount.pence() == 0) {
    b.Fail("amount_pence", "invalid_field", "must be more than 0");
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    ledger::Posting posting;
    posting.kind = kind;
    posting.effective_on = effective_on;
    posting.amount = amount;
    posting.reference = reason;
    CMS_ASSIGN_OR_RETURN(const ledger::Posting written, PostOn(ctx, db, caller, c, posting));
    const Json out = PostingJson(written);
    CMS_TRY(store::Audit(db, caller.Actor(), action, c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

HttpResponse WriteOff(Context& ctx, const Caller& caller, const HttpRequest& req,
                      const PathParams& p) {
  return TeamLeaderPosting(ctx, caller, req, p, ledger::PostingKind::kWriteOff, "arrears_written_off");
}

HttpResponse Refund(Context& ctx, const Caller& caller, const HttpRequest& req,
                    const PathParams& p) {
  return TeamLeaderPosting(ctx, caller, req, p, ledger::PostingKind::kOverpaymentRefunded,
                           "overpayment_refunded");
}

// POST /cases/{ref}/missed-payments {"due_on","amount_pence","note"?} (service.md §3): Direct Pay
// only; a parent may report only as the receiving party. Opens a 'missed_payment' work item.
HttpResponse ReportMissedPayment(Context& ctx, const Caller& caller, const HttpRequest& req,
                                 const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date due_on = b.DateField("due_on");
  const Money amount = b.Pence("amount_pence");
  const std::optional<std::string> note = b.OptText("note", 1000);
  if (b.ok() && amount.pence() == 0) {
    b.Fail("amount_pence", "invalid_field", "must be more than 0");
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    if (c.collection != calc::Collection::kDirectPay) {
      return Error::Make(ErrorCode::kFailedPrecondition, "missed_payment.collect_and_pay",
                         "this is a Collect and Pay case: the service sees its own payments");
    }
    const cases::Party* receiving = c.ReceivingParty();
    if (caller.IsParent() && (receiving == nullptr || receiving->id != caller.party_id)) {
      return Problem(kForbidden, "Receiving party only",
                     "Only the parent who receives maintenance can report a missed payment.");
    }
    const std::string today = ctx.clock.Today().ToIso();
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO missed_payments (case_id, party_id, due_on, amount_pence, "
                  "reported_on, note) VALUES (?, ?, ?, ?, ?, ?)",
                  {store::Value(c.id),
                   caller.IsParent() ? store::Value(caller.party_id) : store::Value(),
                   store::Value(due_on.ToIso()), store::Value(amount.pence()),
                   store::Value(today), note ? store::Value(*note) : store::Value()}));
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t item,
        db.Insert("INSERT INTO work_items (kind, status, case_id, summary, created_at) VALUES "
                  "('missed_payment', 'open', ?, ?, ?)",
                  {store::Value(c.id),
                   store::Value("Case " + c.reference + ": Direct Pay payment due " +
                                due_on.ToIso() + " reported missed"),
                   store::Value(NowIso(ctx))}));
    Json out = Json::Object();
    out.Set("id", Json(id)).Set("due_on", Json(due_on.ToIso()));
    out.Set("amount_pence", Json(amount.pence())).Set("reported_on", Json(today));
    out.Set("note", note ? Json(*note) : Json());
    out.Set("reported_by", Json(caller.IsParent() ? "receiving_party" : "caseworker"));
    out.Set("work_item_id", Json(item));
    CMS_TRY(store::Audit(db, caller.Actor(), "missed_payment_reported", c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

HttpResponse ListMissedPayments(Context& ctx, const Caller& caller, const HttpRequest&,
                                const PathParams& p) {
  return ListCaseRows(ctx, caller, p[0],
                      "SELECT id, due_on, amount_pence, reported_on, note, party_id FROM "
                      "missed_payments WHERE case_id = ? ORDER BY id",
                      "missed_payments", [](const store::Row& r) {
                        Json j = Json::Object();
                        j.Set("id", Json(r.Int(0))).Set("due_on", Json(r.Text(1)));
                        j.Set("amount_pence", Json(r.Int(2))).Set("reported_on", Json(r.Text(3)));
                        j.Set("note", r.IsNull(4) ? Json() : Json(r.Text(4)));
                        j.Set("reported_by", Json(r.IsNull(5) ? "caseworker" : "receiving_party"));
                        return j;
                      });
}

// POST /cases/{ref}/collection {"collection","from"?} (service.md §3): the case's service type
// changes now; collection fees follow at the next decision (docs/service/enforcement.md).
HttpResponse ChangeCollection(Context& ctx, const Caller& caller, const HttpRequest& req,
                              const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string collection = b.Choice("collection", {"collect_and_pay", "direct_pay"});
  const std::optional<Date> from = b.OptDate("from");
  const std::optional<std::string> reason = b.OptText("reason", 500);
  if (!b.ok()) {
    return b.Problem();
  }
  const calc::Collection wanted = collection == "collect_and_pay"
                                      ? calc::Collection::kCollectAndPay
                                      : calc::Collection::kDirectPay;
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    if (c.collection == wanted) {
      return Error::Make(ErrorCode::kFailedPrecondition, "collection.unchanged",
                         "the case already uses this service type");
    }
    c.collection = wanted;
    CMS_TRY(store::SaveCaseStatus(db, c));
    Json out = Json::Object();
    out.Set("collection", Json(collection));
    out.Set("from", Json(from.value_or(ctx.clock.Today()).ToIso()));
    out.Set("reason", reason ? Json(*reason) : Json());
    const cases::Decision* d = c.CurrentDecision();
    out.Set("weekly_pence", d == nullptr ? Json() : Json(d->weekly.pence()));
    CMS_TRY(store::Audit(db, caller.Actor(), "collection_changed", c.id, out, NowIso(ctx)));
    return JsonResponse(kOk, out);
  });
}

constexpr auto kEnforcementRoutes = std::to_array<RouteEntry>({
    {"POST", "/api/v1/cases/{}/enforcement-actions", Access::kCaseworkerWrite, &TakeAction},
    {"GET", "/api/v1/cases/{}/enforcement-actions", Access::kCaseParty, &ListActions},
    {"POST", "/api/v1/cases/{}/enforcement-actions/{}/waiver", Access::kTeamLeader, &WaiveCharge},
    {"POST", "/api/v1/cases/{}/write-offs", Access::kTeamLeader, &WriteOff},
    {"POST", "/api/v1/cases/{}/refunds", Access::kTeamLeader, &Refund},
    {"POST", "/api/v1/cases/{}/missed-payments", Access::kCasePartyWrite, &ReportMissedPayment},
    {"GET", "/api/v1/cases/{}/missed-payments", Access::kCaseParty, &ListMissedPayments},
    {"POST", "/api/v1/cases/{}/collection", Access::kCaseworkerWrite, &ChangeCollection},
});

}  // namespace

std::span<const RouteEntry> EnforcementRoutes() { return kEnforcementRoutes; }

}  // namespace childmaint::api
