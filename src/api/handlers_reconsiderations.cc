// Mandatory reconsideration and First-tier Tribunal appeal (service.md section 5; rules.md section
// 8.5): SI 2012/2677 regs 14-15 (30 days, later with reasons), SI 2008/2685 r 22 (1 month after the
// reconsideration notice, 13 months absolute). A revision or a tribunal decision is a new decision
// made by api/decide.h exactly as POST /decisions makes one. Time rules: cases/reconsideration.h.
#include "api/body.h"
#include "api/decide.h"
#include "api/handler_util.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "cases/reconsideration.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr std::size_t kMaxReasons = 2000;

constexpr std::string_view kMrColumns =
    "id, decision_id, requested_on, requested_by, in_time, reasons, late_reasons, status, "
    "outcome_reasons, decided_on, new_decision_id";
constexpr std::string_view kAppealColumns =
    "id, reconsideration_id, lodged_on, in_time, late_reasons, status, outcome_on, "
    "outcome_reasons, new_decision_id";

Json OptTextJson(const store::Row& r, std::size_t i) {
  return r.IsNull(i) ? Json() : Json(r.Text(i));
}
Json OptIntJson(const store::Row& r, std::size_t i) { return r.IsNull(i) ? Json() : Json(r.Int(i)); }

Json MrJson(const store::Row& r) {
  Json j = Json::Object();
  j.Set("id", Json(r.Int(0))).Set("decision_id", Json(r.Int(1)));
  j.Set("requested_on", Json(r.Text(2))).Set("requested_by", Json(r.Text(3)));
  j.Set("in_time", Json(r.Int(4) != 0)).Set("late_reasons_required", Json(r.Int(4) == 0));
  j.Set("reasons", Json(r.Text(5))).Set("late_reasons", OptTextJson(r, 6));
  j.Set("status", Json(r.Text(7))).Set("outcome_reasons", OptTextJson(r, 8));
  j.Set("decided_on", OptTextJson(r, 9)).Set("new_decision_id", OptIntJson(r, 10));
  return j;
}

Json AppealJson(const store::Row& r) {
  Json j = Json::Object();
  j.Set("id", Json(r.Int(0))).Set("reconsideration_id", Json(r.Int(1)));
  j.Set("lodged_on", Json(r.Text(2))).Set("in_time", Json(r.Int(3) != 0));
  j.Set("late_reasons", OptTextJson(r, 4)).Set("status", Json(r.Text(5)));
  j.Set("decided_on", OptTextJson(r, 6)).Set("outcome_reasons", OptTextJson(r, 7));
  j.Set("new_decision_id", OptIntJson(r, 8));
  return j;
}

Result<store::Row> LoadOne(store::Db& db, std::string_view table, std::string_view columns,
                           std::int64_t case_id, const std::string& id, std::string_view what) {
  CMS_ASSIGN_OR_RETURN(auto row, db.MaybeOne("SELECT " + std::string(columns) + " FROM " +
                                                 std::string(table) +
                                                 " WHERE case_id = ? AND CAST(id AS TEXT) = ?",
                                             {store::Value(case_id), store::Value(id)}));
  if (!row) {
    return Error::Make(ErrorCode::kNotFound, std::string(what) + ".not_found",
                       "no such " + std::string(what) + " on this case");
  }
  return *row;
}

// The decision fields of an outcome body (as POST /decisions takes them), defaulting the dates
// to the challenged decision's and the nights to the current decision's.
struct OutcomeDecision {
  std::optional<Date> effective_date;
  std::optional<Date> first_payment_date;
  const Json* paying_parent = nullptr;
  const Json* nights = nullptr;
};

OutcomeDecision ReadDecisionFields(Body& b) {
  OutcomeDecision o;
  o.effective_date = b.OptDate("effective_date");
  o.first_payment_date = b.OptDate("first_payment_date");
  o.paying_parent = b.Raw("paying_parent");
  if (o.paying_parent == nullptr || !o.paying_parent->IsObject()) {
    b.Fail("paying_parent", "missing_field", "the contract's paying_parent object is required");
  }
  o.nights = b.Raw("nights_with_paying_parent");
  return o;
}

// Makes the revision or tribunal decision replacing decision `original_id`.
Result<std::int64_t> NewDecision(Context& ctx, store::Db& db, const Caller& caller,
                                 cases::Case& c, std::int64_t original_id,
                                 const OutcomeDecision& o, std::string kind) {
  const cases::Decision* original = nullptr;
  for (const cases::Decision& d : c.decisions) {
    original = d.id == original_id ? &d : original;
  }
  if (original == nullptr) {
    return Error::Make(ErrorCode::kNotFound, "decision.not_found", "no such decision");
  }
  DecisionInput in{o.effective_date.value_or(original->effective_date),
                   o.first_payment_date.value_or(original->first_payment_date),
                   *o.paying_parent, CurrentNights(c), std::move(kind)};
  if (in.first_payment_date < in.effective_date) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "must not be before effective_date", "first_payment_date");
  }
  if (o.nights != nullptr && !o.nights->IsNull()) {
    CMS_ASSIGN_OR_RETURN(in.nights, ReadNights(c, *o.nights));
  }
  CMS_ASSIGN_OR_RETURN(const cases::Decision d, Decide(ctx, db, caller, c, in));
  return d.id;
}

HttpResponse ListReconsiderations(Context& ctx, const Caller& caller, const HttpRequest&,
                                  const PathParams& p) {
  return ListCaseRows(ctx, caller, p[0],
                      "SELECT " + std::string(kMrColumns) +
                          " FROM reconsiderations WHERE case_id = ? ORDER BY id",
                      "reconsiderations", &MrJson);
}

HttpResponse ListAppeals(Context& ctx, const Caller& caller, const HttpRequest&,
                         const PathParams& p) {
  return ListCaseRows(ctx, caller, p[0],
                      "SELECT " + std::string(kAppealColumns) +
                          " FROM appeals WHERE case_id = ? ORDER BY id",
                      "appeals", &AppealJson);
}

// POST /cases/{ref}/reconsiderations {"decision_id"?, "requested_on"?, "reasons", "late_reasons"?}
HttpResponse RequestReconsideration(Context& ctx, const Caller& caller, const HttpRequest& req,
                                    const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::optional<std::int64_t> decision_id = b.OptInt("decision_id", 1, INT64_MAX);
  std::optional<Date> requested_on = b.OptDate("requested_on");
  const std::string reasons = b.Text("reasons", kMaxReasons);
  const std::optional<std::string> late_reasons = b.OptText("late_reasons", kMaxReasons);
  if (!b.ok()) {
    return b.Problem();
  }
  if (caller.IsParent() || !requested_on) {
    requested_on = ctx.clock.Today();  // a parent asks today, whatever the body says
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    const cases::Decision* d = decision_id ? nullptr : c.CurrentDecision();
    for (const cases::Decision& each : c.decisions) {
      d = decision_id && each.id == *decision_id ? &each : d;
    }
    if (d == nullptr) {
      return decision_id ? Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                                       "no such decision on this case", "decision_id")
                         : Error::Make(ErrorCode::kFailedPrecondition, "reconsideration.no_decision",
                                       "there is no decision on this case to reconsider");
    }
    CMS_ASSIGN_OR_RETURN(const bool in_time,
                         cases::ReconsiderationInTime(d->notified_on, *requested_on, ctx.law));
    if (!in_time && (!late_reasons || late_reasons->empty())) {
      return Error::Make(ErrorCode::kInvalidArgument, "missing_field",
                         "the request is more than 30 days after the decision was notified: "
                         "give the reasons it is late",
                         "late_reasons");
    }
    CMS_ASSIGN_OR_RETURN(auto open, db.MaybeOne("SELECT id FROM reconsiderations WHERE case_id = ? "
                                                "AND decision_id = ? AND status = 'open'",
                                                {store::Value(c.id), store::Value(d->id)}));
    if (open) {
      return Error::Make(ErrorCode::kAlreadyExists, "reconsideration.open",
                         "a reconsideration of this decision is already open (id " +
                             std::to_string(open->Int(0)) + ")");
    }
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO reconsiderations (case_id, decision_id, requested_on, requested_by, "
                  "in_time, reasons, late_reasons, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')",
                  {store::Value(c.id), store::Value(d->id), store::Value(requested_on->ToIso()),
                   store::Value(caller.Actor()), store::Value(in_time ? 1 : 0),
                   store::Value(reasons),
                   store::Value(in_time ? std::optional<std::string>() : late_reasons)}));
    CMS_ASSIGN_OR_RETURN(const store::Row row, LoadOne(db, "reconsiderations", kMrColumns, c.id,
                                                       std::to_string(id), "reconsideration"));
    Json out = MrJson(row);
    CMS_TRY(store::Audit(db, caller.Actor(), "reconsideration_requested", c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

// POST /cases/{ref}/reconsiderations/{id}/outcome {"outcome", "reasons", "decided_on"?, and for
// revised the decision fields}
HttpResponse ReconsiderationOutcome(Context& ctx, const Caller& caller, const HttpRequest& req,
                                    const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string outcome = b.Choice("outcome", {"revised", "upheld"});
  const std::string reasons = b.Text("reasons", kMaxReasons);
  const Date decided_on = b.OptDate("decided_on").value_or(ctx.clock.Today());
  OutcomeDecision fields;
  if (outcome == "revised") {
    fields = ReadDecisionFields(b);
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const store::Row mr,
                         LoadOne(db, "reconsiderations", kMrColumns, c.id, p[1], "reconsideration"));
    CMS_ASSIGN_OR_RETURN(const std::string status,
                         cases::ReconsiderationOutcome(mr.Text(7), outcome));
    if (decided_on < *Date::ParseIso(mr.Text(2))) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "must not be before requested_on", "decided_on");
    }
    std::optional<std::int64_t> new_id;
    if (status == "revised") {
      CMS_ASSIGN_OR_RETURN(new_id, NewDecision(ctx, db, caller, c, mr.Int(1), fields, "revision"));
    }
    CMS_TRY(db.Exec("UPDATE reconsiderations SET status = ?, outcome_reasons = ?, decided_on = ?, "
                    "new_decision_id = ? WHERE id = ?",
                    {store::Value(status), store::Value(reasons),
                     store::Value(decided_on.ToIso()), store::Value(new_id),
                     store::Value(mr.Int(0))}));
    CMS_ASSIGN_OR_RETURN(const store::Row row,
                         LoadOne(db, "reconsiderations", kMrColumns, c.id, p[1], "reconsideration"));
    Json out = MrJson(row);
    CMS_TRY(store::Audit(db, caller.Actor(), "reconsideration_decided", c.id, out, NowIso(ctx)));
    return JsonResponse(kOk, out);
  });
}

// POST /cases/{ref}/appeals {"reconsideration_id", "lodged_on"?, "late_reasons"?}
HttpResponse LodgeAppeal(Context& ctx, const Caller& caller, const HttpRequest& req,
                         const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::optional<std::int64_t> mr_id = b.OptInt("reconsideration_id", 1, INT64_MAX);
  if (b.ok() && !mr_id) {
    b.Fail("reconsideration_id", "missing_field", "the reconsideration appealed against");
  }
  std::optional<Date> lodged_on = b.OptDate("lodged_on");
  const std::optional<std::string> late_reasons = b.OptText("late_reasons", kMaxReasons);
  if (!b.ok()) {
    return b.Problem();
  }
  if (caller.IsParent() || !lodged_on) {
    lodged_on = ctx.clock.Today();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, p[0]));
    auto mr = LoadOne(db, "reconsiderations", kMrColumns, c.id, std::to_string(*mr_id),
                      "reconsideration");
    if (!mr) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "no such reconsideration on this case", "reconsideration_id");
    }
    if (mr->IsNull(9)) {
      return Error::Make(ErrorCode::kFailedPrecondition, "appeal.mandatory_reconsideration_first",
                         "mandatory reconsideration first: the reconsideration has no outcome yet");
    }
    CMS_ASSIGN_OR_RETURN(auto lodged, db.MaybeOne("SELECT id FROM appeals WHERE case_id = ? AND "
                                                  "reconsideration_id = ? AND status = 'lodged'",
                                                  {store::Value(c.id), store::Value(*mr_id)}));
    if (lodged) {
      return Error::Make(ErrorCode::kAlreadyExists, "appeal.lodged",
                         "an appeal against this reconsideration is already lodged (id " +
                             std::to_string(lodged->Int(0)) + ")");
    }
    CMS_ASSIGN_OR_RETURN(const bool in_time,
                         cases::AppealInTime(*Date::ParseIso(mr->Text(9)), *lodged_on, ctx.law));
    if (!in_time && (!late_reasons || late_reasons->empty())) {
      return Error::Make(ErrorCode::kInvalidArgument, "missing_field",
                         "the appeal is more than 1 month after the reconsideration notice: give "
                         "the reasons it is late",
                         "late_reasons");
    }
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO appeals (case_id, reconsideration_id, lodged_on, in_time, "
                  "late_reasons, status) VALUES (?, ?, ?, ?, ?, 'lodged')",
                  {store::Value(c.id), store::Value(*mr_id), store::Value(lodged_on->ToIso()),
                   store::Value(in_time ? 1 : 0),
                   store::Value(in_time ? std::optional<std::string>() : late_reasons)}));
    CMS_ASSIGN_OR_RETURN(const store::Row row,
                         LoadOne(db, "appeals", kAppealColumns, c.id, std::to_string(id), "appeal"));
    Json out = AppealJson(row);
    CMS_TRY(store::Audit(db, caller.Actor(), "appeal_lodged", c.id, out, NowIso(ctx)));
    return JsonResponse(kCreated, out);
  });
}

// POST /cases/{ref}/appeals/{id}/outcome {"outcome", "decided_on", "reasons"?, and for allowed
// the decision fields}
HttpResponse AppealOutcome(Context& ctx, const Caller& caller, const HttpRequest& req,
                           const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string outcome = b.Choice("outcome", {"allowed", "dismissed"});
  const Date decided_on = b.DateField("decided_on");
  const std::optional<std::string> reasons = b.OptText("reasons", kMaxReasons);
  OutcomeDecision fields;
  if (outcome == "allowed") {
    fields = ReadDecisionFields(b);
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const store::Row appeal,
                         LoadOne(db, "appeals", kAppealColumns, c.id, p[1], "appeal"));
    CMS_ASSIGN_OR_RETURN(const std::string status, cases::AppealOutcome(appeal.Text(5), outcome));
    if (decided_on < *Date::ParseIso(appeal.Text(2))) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "must not be before lodged_on", "decided_on");
    }
    std::optional<std::int64_t> new_id;
    if (status == "allowed") {
      CMS_ASSIGN_OR_RETURN(const store::Row mr,
                           LoadOne(db, "reconsiderations", kMrColumns, c.id,
                                   std::to_string(appeal.Int(1)), "reconsideration"));
      // The tribunal decides on the decision as it stood after the reconsideration.
      const std::int64_t challenged = mr.IsNull(10) ? mr.Int(1) : mr.Int(10);
      CMS_ASSIGN_OR_RETURN(new_id, NewDecision(ctx, db, caller, c, challenged, fields, "tribunal"));
    }
    CMS_TRY(db.Exec("UPDATE appeals SET status = ?, outcome_on = ?, outcome_reasons = ?, "
                    "new_decision_id = ? WHERE id = ?",
                    {store::Value(status), store::Value(decided_on.ToIso()), store::Value(reasons),
                     store::Value(new_id), store::Value(appeal.Int(0))}));
    CMS_ASSIGN_OR_RETURN(const store::Row row,
                         LoadOne(db, "appeals", kAppealColumns, c.id, p[1], "appeal"));
    Json out = AppealJson(row);
    CMS_TRY(store::Audit(db, caller.Actor(), "appeal_decided", c.id, out, NowIso(ctx)));
    return JsonResponse(kOk, out);
  });
}

const std::array<RouteEntry, 6> kRoutes = {{
    {"GET", "/api/v1/cases/{}/reconsiderations", Access::kCaseParty, &ListReconsiderations},
    {"POST", "/api/v1/cases/{}/reconsiderations", Access::kCasePartyWrite,
     &RequestReconsideration},
    {"POST", "/api/v1/cases/{}/reconsiderations/{}/outcome", Access::kCaseworkerWrite,
     &ReconsiderationOutcome},
    {"GET", "/api/v1/cases/{}/appeals", Access::kCaseParty, &ListAppeals},
    {"POST", "/api/v1/cases/{}/appeals", Access::kCasePartyWrite, &LodgeAppeal},
    {"POST", "/api/v1/cases/{}/appeals/{}/outcome", Access::kCaseworkerWrite, &AppealOutcome},
}};

}  // namespace

std::span<const RouteEntry> ReconsiderationRoutes() { return kRoutes; }

}  // namespace childmaint::api
