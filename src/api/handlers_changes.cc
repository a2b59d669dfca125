// Changes of circumstances (service.md §5, §8; 2012 Regs regs 18 and 23): a caseworker's change
// supersedes the decision from the date reg 18 gives; an income change under 25 % is recorded but
// not applied (reg 23); a child who stops qualifying is removed from that date and the case
// closes when none is left (arrears stay collectable). A parent's report is recorded for a
// caseworker (a work item); one made within 32 days of the decision also counts as a request for
// mandatory reconsideration.
#include "api/body.h"
#include "api/decide.h"
#include "api/handler_util.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "calc/calculate.h"
#include "cases/decision_request.h"
#include "cases/time_limits.h"
#include "contract/request_reader.h"
#include "schedule/due_dates.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kCreated = 201;

// Kinds whose supersession runs from the date of the change (reg 18: benefits starting or
// stopping, a child ceasing to qualify, a relevant other child, a reportable income change);
// the others run from the date the change was reported (INTERP-110).
bool FromDateOfChange(const std::string& kind) {
  return kind == "income" || kind == "benefits" || kind == "relevant_other_children" ||
         kind == "child_left";
}

// The first instalment date of the current schedule on or after `from` (the new schedule keeps
// the paying parent's payment day).
Result<Date> NextPaymentDate(const cases::Case& c, Date from) {
  const cases::Decision* d = c.CurrentDecision();
  if (d == nullptr) {
    return from;
  }
  for (std::int64_t j = 0;; ++j) {
    CMS_ASSIGN_OR_RETURN(const Date due, schedule::DueDate(d->first_payment_date, c.frequency, j));
    if (!(due < from)) {
      return due;
    }
  }
}

// Gross weekly income the calculation finds for these circumstances (reg 23's comparison).
Result<Money> GrossIncome(Context& ctx, const cases::Case& c, Date on, const Json& paying_parent) {
  cases::CalcReceivingParent rp{c.reference, {}};
  for (const cases::Child& ch : c.children) {
    rp.children.emplace_back(ch.key, 0);
  }
  const std::string text =
      cases::BuildCalculationRequest(on, paying_parent, {rp}, c.collection);
  contract::RequestReader reader(ctx.law);
  calc::Request req;
  calc::Result res;
  calc::Trace trace(false);
  Status s = reader.ReadString(text, req);
  if (s) {
    s = calc::Calculate(req, ctx.law, res, trace);
  }
  if (!s) {
    return Error::Make(ErrorCode::kInvalidArgument, s.error().reason, s.error().message,
                       s.error().field);
  }
  return res.gross_weekly_income;
}

Result<Json> PayingParentOf(const cases::Decision& d) {
  CMS_ASSIGN_OR_RETURN(const Json req, Json::Parse(d.request));
  const Json* pp = req.Find("paying_parent");
  return pp != nullptr ? *pp : Json::Object();
}

struct Outcome {
  std::string status;  // applied, not_applied, reported
  std::string reason;
  std::optional<cases::Decision> decision;
};

Json ChangeJson(std::int64_t id, const std::string& kind, Date reported_on, const Outcome& o) {
  Json j = Json::Object();
  j.Set("id", Json(id)).Set("kind", Json(kind)).Set("reported_on", Json(reported_on.ToIso()));
  j.Set("status", Json(o.status)).Set("reason", Json(o.reason));
  j.Set("decision", o.decision ? DecisionJson(*o.decision) : Json());
  return j;
}

}  // namespace

// POST /cases/{ref}/changes
HttpResponse ReportChange(Context& ctx, const Caller& caller, const HttpRequest& req,
                          const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string kind =
      b.Choice("kind", {"income", "benefits", "relevant_other_children", "other_supported_children",
                        "shared_care", "variation", "child_left"});
  const Date change_date = b.DateField("change_date");
  const std::optional<Date> reported_body = b.OptDate("reported_on");
  const std::optional<Date> first_payment = b.OptDate("first_payment_date");
  const Json* paying_parent = b.Raw("paying_parent");
  const Json* nights_json = b.Raw("nights_with_paying_parent");
  const std::string child_id = kind == "child_left" ? b.Text("child_id", 20) : std::string();
  const bool needs_circumstances = kind == "income" || kind == "benefits" ||
                                   kind == "relevant_other_children" ||
                                   kind == "other_supported_children" || kind == "variation";
  if (needs_circumstances && caller.IsCaseworker() &&
      (paying_parent == nullptr || !paying_parent->IsObject())) {
    b.Fail("paying_parent", "missing_field",
           "the paying parent's circumstances after the change (the contract's paying_parent)");
  }
  if (kind == "shared_care" && caller.IsCaseworker() && nights_json == nullptr) {
    b.Fail("nights_with_paying_parent", "missing_field", "the nights after the change");
  }
  const std::string details = b.OptText("details", 2000).value_or("");
  if (!b.ok()) {
    return b.Problem();
  }
  const Date reported_on = caller.IsCaseworker() && reported_body ? *reported_body
                                                                   : ctx.clock.Today();
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    Outcome out;
    const cases::Decision* current = c.CurrentDecision();
    if (caller.IsParent()) {
      // A parent's report waits for a caseworker; early enough, it is also a reconsideration.
      out.status = "reported";
      out.reason = "a caseworker will look at this change";
      CMS_TRY(db.Exec("INSERT INTO work_items (kind, status, case_id, summary, created_at) VALUES "
                      "('change_of_circumstances', 'open', ?, ?, ?)",
                      {store::Value(c.id), store::Value("Change reported online: " + kind),
                       store::Value(NowIso(ctx))}));
      if (current != nullptr &&
          cases::OnlineChangeCountsAsReconsideration(current->notified_on, reported_on, ctx.law)) {
        CMS_TRY(db.Exec("INSERT INTO reconsiderations (case_id, decision_id, requested_on, "
                        "requested_by, in_time, reasons, status) VALUES (?, ?, ?, ?, 1, ?, 'open')",
                        {store::Value(c.id), store::Value(current->id),
                         store::Value(reported_on.ToIso()), store::Value(caller.Actor()),
                         store::Value("Change reported online within 32 days: " + kind)}));
        out.reason = "reported within 32 days of the decision, so it is also treated as a request "
                     "for mandatory reconsideration";
      }
    } else if (current == nullptr) {
      return Error::Make(ErrorCode::kFailedPrecondition, "change.no_decision",
                         "there is no decision on this case to change");
    } else {
      const Date effective = FromDateOfChange(kind) ? change_date : reported_on;
      DecisionInput in{effective, Date(), Json::Object(), CurrentNights(c), "supersession"};
      CMS_ASSIGN_OR_RETURN(in.paying_parent, PayingParentOf(*current));
      if (needs_circumstances) {
        in.paying_parent = *paying_parent;
      }
      if (nights_json != nullptr && !nights_json->IsNull()) {
        CMS_ASSIGN_OR_RETURN(in.nights, ReadNights(c, *nights_json));
      }
      bool apply = true;
      if (kind == "income") {
        // reg 23: an income change under 25 % of the income used does not supersede.
        CMS_ASSIGN_OR_RETURN(const Json old_response, Json::Parse(current->response));
        const Json* old_gross = old_response.Find("gross_weekly_income_pence");
        CMS_ASSIGN_OR_RETURN(const Money now, GrossIncome(ctx, c, effective, in.paying_parent));
        const std::int64_t before = old_gross != nullptr ? old_gross->AsInt() : 0;
        const std::int64_t diff = now.pence() > before ? now.pence() - before : before - now.pence();
        constexpr std::int64_t kQuarters = 4;  // 25 %: reg 23 (INTERP-110)
        if (before > 0 && diff * kQuarters < before) {
          apply = false;
          out.status = "not_applied";
          out.reason = "the income changed by less than 25 % (reg 23), so the decision stands";
        }
      }
      if (kind == "child_left") {
        cases::Child* child = nullptr;
        for (cases::Child& ch : c.children) {
          child = ch.key == child_id ? &ch : child;
        }
        if (child == nullptr) {
          return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                             "is not a child of this case", "child_id");
        }
        child->stopped_qualifying_on = change_date;
        CMS_TRY(store::SaveChild(db, *child));
        const bool any_left = std::any_of(c.children.begin(), c.children.end(),
                                          [](const cases::Child& ch) {
                                            return !ch.stopped_qualifying_on;
                                          });
        if (!any_left) {
          apply = false;
          CMS_ASSIGN_OR_RETURN(c.status,
                               cases::Transition(c.status, cases::CaseEvent::kNoQualifyingChild));
          c.closed_on = change_date;
          CMS_TRY(store::SaveCaseStatus(db, c));
          CMS_TRY(ReissueWithout(ctx, db, caller, c, change_date));
          out.status = "applied";
          out.reason = "no qualifying child is left: the case is closed for ongoing maintenance "
                       "from " + change_date.ToIso() + "; arrears stay collectable";
        }
      }
      if (apply) {
        if (first_payment) {
          in.first_payment_date = *first_payment;
        } else {
          CMS_ASSIGN_OR_RETURN(in.first_payment_date, NextPaymentDate(c, effective));
        }
        CMS_ASSIGN_OR_RETURN(out.decision, Decide(ctx, db, caller, c, in));
        out.status = "applied";
        out.reason = "superseded from " + effective.ToIso();
      }
    }
    Json stored = Json::Object();
    stored.Set("change_date", Json(change_date.ToIso())).Set("details", Json(details));
    stored.Set("reason", Json(out.reason));
    CMS_ASSIGN_OR_RETURN(
        const std::int64_t id,
        db.Insert("INSERT INTO changes (case_id, party_id, reported_on, kind, details, status, "
                  "decision_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {store::Value(c.id),
                   caller.IsParent() ? store::Value(caller.party_id) : store::Value(),
                   store::Value(reported_on.ToIso()), store::Value(kind),
                   store::Value(stored.Dump()), store::Value(out.status),
                   out.decision ? store::Value(out.decision->id) : store::Value()}));
    Json audit = Json::Object();
    audit.Set("change_id", Json(id)).Set("kind", Json(kind)).Set("status", Json(out.status));
    CMS_TRY(store::Audit(db, caller.Actor(), "change_reported", c.id, audit, NowIso(ctx)));
    return JsonResponse(kCreated, ChangeJson(id, kind, reported_on, out));
  });
}

// GET /cases/{ref}/changes
HttpResponse ListChanges(Context& ctx, const Caller& caller, const HttpRequest&,
                         const PathParams& p) {
  return ReadCase(ctx, caller, p[0], [&](store::Db& db, const cases::Case& c) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const auto rows,
                         db.Query("SELECT id, kind, reported_on, status, details, decision_id "
                                  "FROM changes WHERE case_id = ? ORDER BY id",
                                  {store::Value(c.id)}));
    Json list = Json::Array();
    for (const store::Row& r : rows) {
      Json j = Json::Object();
      j.Set("id", Json(r.Int(0))).Set("kind", Json(r.Text(1)));
      j.Set("reported_on", Json(r.Text(2))).Set("status", Json(r.Text(3)));
      auto details = Json::Parse(r.Text(4));
      j.Set("details", details ? *details : Json());
      j.Set("decision_id", r.IsNull(5) ? Json() : Json(r.Int(5)));
      list.Push(std::move(j));
    }
    Json out = Json::Object();
    out.Set("changes", std::move(list));
    return out;
  });
}

std::span<const RouteEntry> ChangeRoutes() {
  static constexpr RouteEntry kRoutes[] = {
      {"POST", "/api/v1/cases/{}/changes", Access::kCasePartyWrite, &ReportChange},
      {"GET", "/api/v1/cases/{}/changes", Access::kCaseParty, &ListChanges},
  };
  return kRoutes;
}

}  // namespace childmaint::api
