// The parentage area of the API (see route_table.h; docs/service/parentage.md; service.md §1
// "Parentage", rules.md §9.2): the alleged paying parent's denial, a DNA test ordered, and the
// outcome. A presumed parent's calculation stands and is payable until disproved; a denial where
// parentage is not presumed moves the case to parentage_disputed, where no decision can be made.
// Established: back to awaiting_decision, with the date liability is backdated to. Disproved: the
// case closes, what fell due since the denial is credited back and the payments since then are
// refunded.
#include <algorithm>

#include "api/body.h"
#include "api/decide.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "cases/case_schedule.h"
#include "ledger/ledger.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr std::string_view kColumns =
    "SELECT id, disputed_on, presumed, presumption_basis, notes, status, dna_test_ordered_on, "
    "dna_paid_by, outcome, outcome_on FROM parentage_disputes";

Json OptText(const store::Row& r, std::size_t i) {
  return r.IsNull(i) ? Json() : Json(r.Text(i));
}

Json DisputeJson(const store::Row& r) {
  Json j = Json::Object();
  j.Set("id", Json(r.Int(0))).Set("disputed_on", Json(r.Text(1)));
  j.Set("presumed", Json(r.Int(2) != 0)).Set("basis", OptText(r, 3));
  j.Set("notes", OptText(r, 4)).Set("status", Json(r.Text(5)));
  Json dna = Json();
  if (!r.IsNull(6)) {
    dna = Json::Object();
    dna.Set("ordered_on", Json(r.Text(6))).Set("paid_by", OptText(r, 7));
    dna.Set("fee_pence", Json());  // the service publishes no DNA fee (rules.md §9.2)
  }
  j.Set("dna_test", std::move(dna));
  j.Set("outcome", OptText(r, 8)).Set("outcome_on", OptText(r, 9));
  return j;
}

Result<store::Row> LoadDispute(store::Db& db, std::int64_t case_id, std::string_view id_text) {
  std::int64_t id = 0;
  for (const char ch : id_text) {
    if (ch < '0' || ch > '9' || id > 100000000000) {
      return Error::Make(ErrorCode::kNotFound, "parentage.not_found", "no such parentage dispute");
    }
    id = id * 10 + (ch - '0');
  }
  CMS_ASSIGN_OR_RETURN(const std::optional<store::Row> row,
                       db.MaybeOne(std::string(kColumns) + " WHERE case_id = ? AND id = ?",
                                   {store::Value(case_id), store::Value(id)}));
  if (!row) {
    return Error::Make(ErrorCode::kNotFound, "parentage.not_found", "no such parentage dispute");
  }
  return *row;
}

// The date liability is backdated to when parentage is established: the case's initial effective
// date if one was set, else the date the application was received.
Result<std::optional<Date>> BackdateTo(store::Db& db, const cases::Case& c) {
  if (c.initial_effective_date) {
    return c.initial_effective_date;
  }
  CMS_ASSIGN_OR_RETURN(const std::optional<store::Row> row,
                       db.MaybeOne("SELECT received_on FROM applications WHERE case_id = ? "
                                   "ORDER BY id LIMIT 1",
                                   {store::Value(c.id)}));
  if (!row) {
    return std::optional<Date>();
  }
  CMS_ASSIGN_OR_RETURN(const Date d, Date::ParseIso(row->Text(0)));
  return std::optional<Date>(d);
}

}  // namespace

// POST /cases/{ref}/parentage-disputes {"disputed_on","presumed","basis"?,"notes"?}
HttpResponse OpenParentageDispute(Context& ctx, const Caller& caller, const HttpRequest& req,
                                  const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date disputed_on = b.DateField("disputed_on");
  const Json* presumed_json = b.Raw("presumed");
  if (presumed_json == nullptr || !presumed_json->IsBool()) {
    b.Fail("presumed", "missing_field", "true when parentage is presumed (rules.md §9.2)");
  }
  const bool presumed = b.Bool("presumed", false);
  std::optional<std::string> basis;
  if (presumed) {
    basis = b.Choice("basis", {"married_or_civil_partner", "birth_certificate", "dna", "adoption",
                               "parental_order"});
  }
  const std::optional<std::string> notes = b.OptText("notes", 2000);
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const std::optional<store::Row> open,
                         db.MaybeOne("SELECT id FROM parentage_disputes WHERE case_id = ? AND "
                                     "status = 'open'",
                                     {store::Value(c.id)}));
    if (open) {
      return Error::Make(ErrorCode::kFailedPrecondition, "parentage.already_disputed",
                         "this case already has an open parentage dispute");
    }
    if (c.status == cases::CaseState::kClosed) {
      return Error::Make(ErrorCode::kFailedPrecondition, "case.illegal_transition",
                         "the case is closed");
    }
    if (!presumed) {
      // No calculation until resolved: the state machine refuses decisions from here.
      CMS_ASSIGN_OR_RETURN(c.status,
                           cases::Transition(c.status, cases::CaseEvent::kParentageDisputed));
      CMS_TRY(store::SaveCaseStatus(db, c));
    }
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO parentage_disputes (case_id, disputed_on, presumed, "
                  "presumption_basis, notes, status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)",
                  {store::Value(c.id), store::Value(disputed_on.ToIso()),
                   store::Value(presumed ? 1 : 0), store::Value(basis), store::Value(notes),
                   store::Value(NowIso(ctx))}));
    CMS_ASSIGN_OR_RETURN(const store::Row row, LoadDispute(db, c.id, std::to_string(id)));
    Json out = DisputeJson(row);
    out.Set("case_status", Json(cases::Name(c.status)));
    CMS_TRY(store::Audit(db, caller.Actor(), "parentage_disputed", c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

// POST /cases/{ref}/parentage-disputes/{id}/dna-test {"ordered_on","paid_by"}
HttpResponse OrderDnaTest(Context& ctx, const Caller& caller, const HttpRequest& req,
                          const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date ordered_on = b.DateField("ordered_on");
  const std::string paid_by = b.Choice("paid_by", {"alleged_parent", "service"});
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const store::Row before, LoadDispute(db, c.id, p[1]));
    if (before.Text(5) != "open") {
      return Error::Make(ErrorCode::kFailedPrecondition, "parentage.resolved",
                         "the dispute is already resolved");
    }
    CMS_TRY(db.Exec("UPDATE parentage_disputes SET dna_test_ordered_on = ?, dna_paid_by = ? "
                    "WHERE id = ?",
                    {store::Value(ordered_on.ToIso()), store::Value(paid_by),
                     store::Value(before.Int(0))}));
    CMS_ASSIGN_OR_RETURN(const store::Row row, LoadDispute(db, c.id, p[1]));
    const Json out = DisputeJson(row);
    CMS_TRY(store::Audit(db, caller.Actor(), "parentage_dna_test_ordered", c.id, out, NowIso(ctx)));
    return JsonResponse(kOk, out);
  });
}

// POST /cases/{ref}/parentage-disputes/{id}/outcome {"outcome","on"}
HttpResponse ParentageOutcome(Context& ctx, const Caller& caller, const HttpRequest& req,
                              const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string outcome = b.Choice("outcome", {"established", "disproved"});
  const Date on = b.DateField("on");
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const store::Row before, LoadDispute(db, c.id, p[1]));
    if (before.Text(5) != "open") {
      return Error::Make(ErrorCode::kFailedPrecondition, "parentage.resolved",
                         "the dispute is already resolved");
    }
    CMS_ASSIGN_OR_RETURN(const Date disputed_on, Date::ParseIso(before.Text(1)));
    if (on < disputed_on) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "must not be before the date parentage was disputed", "on");
    }
    Json extra = Json::Object();
    if (outcome == "established") {
      std::optional<Date> backdate;
      if (c.status == cases::CaseState::kParentageDisputed) {
        CMS_ASSIGN_OR_RETURN(c.status,
                             cases::Transition(c.status, cases::CaseEvent::kParentageEstablished));
        CMS_TRY(store::SaveCaseStatus(db, c));
        CMS_ASSIGN_OR_RETURN(backdate, BackdateTo(db, c));
      }
      // Presumed: the calculation stood throughout, so there is nothing to backdate.
      extra.Set("backdate_to", backdate ? Json(backdate->ToIso()) : Json());
    } else {
      CMS_ASSIGN_OR_RETURN(c.status,
                           cases::Transition(c.status, cases::CaseEvent::kParentageDisproved));
      c.closed_on = on;
      CMS_TRY(store::SaveCaseStatus(db, c));
      CMS_TRY(ReissueWithout(ctx, db, caller, c, on));
      // What fell due from the denial is credited back (nothing is owed for that period), then
      // the credit this leaves, at most the payments received since the denial, is refunded.
      const Date day_before = disputed_on.AddDays(-1);
      CMS_ASSIGN_OR_RETURN(const ledger::Statement at_denial, StatementOn(ctx, db, c, day_before));
      CMS_ASSIGN_OR_RETURN(const ledger::Statement at_end, StatementOn(ctx, db, c, on));
      Json postings = Json::Array();
      const std::int64_t due_since = at_end.due.pence() - at_denial.due.pence();
      if (due_since > 0) {
        ledger::Posting credit;
        credit.kind = ledger::PostingKind::kAdjustmentCredit;
        credit.effective_on = on;
        credit.amount = Money::Pence(due_since);
        credit.reference = "parentage disproved: due from " + disputed_on.ToIso();
        CMS_ASSIGN_OR_RETURN(const ledger::Posting written, PostOn(ctx, db, caller, c, credit));
        postings.Push(PostingJson(written));
      }
      const std::int64_t paid_since = at_end.paid.pence() - at_denial.paid.pence();
      CMS_ASSIGN_OR_RETURN(const ledger::Statement after, StatementOn(ctx, db, c, on));
      const std::int64_t refund = std::min(after.credit.pence(), paid_since);
      if (refund > 0) {
        ledger::Posting back;
        back.kind = ledger::PostingKind::kOverpaymentRefunded;
        back.effective_on = on;
        back.amount = Money::Pence(refund);
        back.reference = "parentage disproved: payments since " + disputed_on.ToIso();
        CMS_ASSIGN_OR_RETURN(const ledger::Posting written, PostOn(ctx, db, caller, c, back));
        postings.Push(PostingJson(written));
      }
      extra.Set("postings", std::move(postings));
    }
    CMS_TRY(db.Exec("UPDATE parentage_disputes SET status = 'resolved', outcome = ?, "
                    "outcome_on = ? WHERE id = ?",
                    {store::Value(outcome), store::Value(on.ToIso()),
                     store::Value(before.Int(0))}));
    CMS_ASSIGN_OR_RETURN(const store::Row row, LoadDispute(db, c.id, p[1]));
    Json out = DisputeJson(row);
    out.Set("case_status", Json(cases::Name(c.status)));
    if (const Json* bd = extra.Find("backdate_to")) {
      out.Set("backdate_to", *bd);
    }
    if (const Json* ps = extra.Find("postings")) {
      out.Set("postings", *ps);
    }
    CMS_TRY(store::Audit(db, caller.Actor(), "parentage_" + outcome, c.id, out, NowIso(ctx)));
    return JsonResponse(kOk, out);
  });
}

// GET /cases/{ref}/parentage-disputes
HttpResponse ListParentageDisputes(Context& ctx, const Caller& caller, const HttpRequest&,
                                   const PathParams& p) {
  return ListCaseRows(ctx, caller, p[0], std::string(kColumns) + " WHERE case_id = ? ORDER BY id",
                      "parentage_disputes", &DisputeJson);
}

std::span<const RouteEntry> ParentageRoutes() {
  static constexpr RouteEntry kRoutes[] = {
      {"POST", "/api/v1/cases/{}/parentage-disputes", Access::kCaseworkerWrite,
       &OpenParentageDispute},
      {"GET", "/api/v1/cases/{}/parentage-disputes", Access::kCaseParty, &ListParentageDisputes},
      {"POST", "/api/v1/cases/{}/parentage-disputes/{}/dna-test", Access::kCaseworkerWrite,
       &OrderDnaTest},
      {"POST", "/api/v1/cases/{}/parentage-disputes/{}/outcome", Access::kCaseworkerWrite,
       &ParentageOutcome},
  };
  return kRoutes;
}

}  // namespace childmaint::api
