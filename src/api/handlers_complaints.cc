// The complaints area of the API (see route_table.h): complaints and their escalation
// (service.md §7; cases/complaint_workflow.h, cases/complaint_dates.h), the caseworkers' overdue
// queue. docs/service/complaints.md records the decisions.
#include <algorithm>
#include <array>

#include "api/body.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/problem.h"
#include "api/route_table.h"
#include "cases/complaint_dates.h"
#include "cases/complaint_workflow.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr std::size_t kMaxSummary = 2000;
constexpr std::size_t kMaxResponse = 5000;

constexpr std::int64_t kMaxId = 1'000'000'000'000'000;


using cases::ComplaintAction;
using cases::ComplaintStage;
using cases::ComplaintState;
using cases::ComplaintStatus;

constexpr std::string_view kColumns =
    "c.id, c.party_id, c.received_on, c.summary, c.stage, c.status, c.acknowledge_by, "
    "c.respond_by, c.acknowledged_on, c.answered_on, c.response, c.stage_started_on, "
    "c.final_response_on, c.answered_on_time, k.reference";

struct Complaint {
  std::int64_t id = 0;
  std::optional<std::int64_t> party_id;
  Date received_on;
  std::string summary;
  ComplaintState state;
  Date acknowledge_by;
  Date respond_by;
  std::optional<Date> acknowledged_on;
  std::optional<Date> answered_on;
  std::optional<std::string> response;
  Date stage_started_on;
  std::optional<Date> final_response_on;
  std::optional<bool> answered_on_time;
  std::string case_reference;
};

Result<Date> DateColumn(const store::Row& r, std::size_t i) { return Date::ParseIso(r.Text(i)); }

Result<std::optional<Date>> OptDateColumn(const store::Row& r, std::size_t i) {
  if (r.IsNull(i)) {
    return std::optional<Date>();
  }
  CMS_ASSIGN_OR_RETURN(const Date d, Date::ParseIso(r.Text(i)));
  return std::optional<Date>(d);
}

Result<Complaint> FromRow(const store::Row& r) {
  Complaint c;
  c.id = r.Int(0);
  c.party_id = r.OptInt(1);
  CMS_ASSIGN_OR_RETURN(c.received_on, DateColumn(r, 2));
  c.summary = r.Text(3);
  const auto stage = cases::ParseComplaintStage(r.Text(4));
  const auto status = cases::ParseComplaintStatus(r.Text(5));
  if (!stage || !status) {
    return Error::Make(ErrorCode::kInternal, "complaint.corrupt", "unknown complaint stage/status");
  }
  c.state = {*stage, *status};
  CMS_ASSIGN_OR_RETURN(c.acknowledge_by, DateColumn(r, 6));
  CMS_ASSIGN_OR_RETURN(c.respond_by, DateColumn(r, 7));
  CMS_ASSIGN_OR_RETURN(c.acknowledged_on, OptDateColumn(r, 8));
  CMS_ASSIGN_OR_RETURN(c.answered_on, OptDateColumn(r, 9));
  c.response = r.OptText(10);
  CMS_ASSIGN_OR_RETURN(const auto started, OptDateColumn(r, 11));
  c.stage_started_on = started.value_or(c.received_on);
  CMS_ASSIGN_OR_RETURN(c.final_response_on, OptDateColumn(r, 12));
  if (!r.IsNull(13)) {
    c.answered_on_time = r.Int(13) != 0;
  }
  c.case_reference = r.Text(14);
  return c;
}

Json OptDateJson(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(); }

std::string_view TeamName(ComplaintStage s) {
  static constexpr std::array<std::string_view, 4> kTeams = {
      "Complaints Resolution Team", "Complaints Review Team", "Independent Case Examiner",
      "Parliamentary and Health Service Ombudsman"};
  return kTeams.at(static_cast<std::size_t>(s));
}

Json ComplaintJson(const Context& ctx, const Complaint& c, const cases::Case* kase) {
  const bool service = cases::ServiceHandles(c.state.stage);
  Json j = Json::Object();
  j.Set("id", Json(c.id));
  j.Set("case_reference", Json(c.case_reference));
  j.Set("stage", Json(cases::Name(c.state.stage)));
  j.Set("handled_by", Json(TeamName(c.state.stage)));
  j.Set("status", Json(cases::Name(c.state.status)));
  j.Set("summary", Json(c.summary));
  std::string made_by = "caseworker";
  const cases::Party* party = (kase != nullptr && c.party_id) ? kase->FindParty(*c.party_id) : nullptr;
  if (party != nullptr) {
    made_by = std::string(cases::kRoleNames.at(static_cast<std::size_t>(party->role)));
  }
  j.Set("made_by", Json(made_by));
  j.Set("received_on", Json(c.received_on.ToIso()));
  j.Set("stage_started_on", Json(c.stage_started_on.ToIso()));
  j.Set("acknowledge_by", service ? Json(c.acknowledge_by.ToIso()) : Json());
  j.Set("respond_by", service ? Json(c.respond_by.ToIso()) : Json());
  j.Set("acknowledged_on", OptDateJson(c.acknowledged_on));
  j.Set("answered_on", OptDateJson(c.answered_on));
  j.Set("answered_on_time", c.answered_on_time ? Json(*c.answered_on_time) : Json());
  j.Set("response", c.response ? Json(*c.response) : Json());
  j.Set("final_response_on", OptDateJson(c.final_response_on));
  Json ice = Json();
  if (c.final_response_on && c.state.stage == ComplaintStage::kReview) {
    if (auto d = cases::IndependentCaseExaminerDeadline(*c.final_response_on, ctx.law)) {
      ice = Json(d->ToIso());
    }
  }
  j.Set("refer_to_independent_case_examiner_by", ice);
  return j;
}

Result<std::vector<Complaint>> Query(store::Db& db, std::string_view where,
                                     const std::vector<store::Value>& params) {
  const std::string sql = "SELECT " + std::string(kColumns) +
                          " FROM complaints c JOIN cases k ON k.id = c.case_id WHERE " +
                          std::string(where) + " ORDER BY c.received_on, c.id";
  CMS_ASSIGN_OR_RETURN(const auto rows, db.Query(sql, params));
  std::vector<Complaint> out;
  for (const store::Row& r : rows) {
    CMS_ASSIGN_OR_RETURN(Complaint c, FromRow(r));
    out.push_back(std::move(c));
  }
  return out;
}

// The complaint on this case the caller may see: a parent sees only the complaints they made.
Result<Complaint> LoadComplaint(store::Db& db, const Caller& caller, const cases::Case& kase,
                                std::string_view id_text) {
  const std::int64_t id = ParseWhole(id_text, kMaxId).value_or(-1);
  CMS_ASSIGN_OR_RETURN(auto found, Query(db, "c.case_id = ? AND c.id = ?", {kase.id, id}));
  if (found.empty() || (caller.IsParent() && found[0].party_id != caller.party_id)) {
    return Error::Make(ErrorCode::kNotFound, "complaint.not_found", "no such complaint on this case");
  }
  return found[0];
}

Status SaveComplaint(store::Db& db, const Complaint& c) {
  return db.Exec(
      "UPDATE complaints SET stage = ?, status = ?, acknowledge_by = ?, respond_by = ?, "
      "acknowledged_on = ?, answered_on = ?, response = ?, stage_started_on = ?, "
      "final_response_on = ?, answered_on_time = ? WHERE id = ?",
      {store::Value(cases::Name(c.state.stage)), store::Value(cases::Name(c.state.status)),
       store::Value(c.acknowledge_by.ToIso()), store::Value(c.respond_by.ToIso()),
       c.acknowledged_on ? store::Value(c.acknowledged_on->ToIso()) : store::Value(),
       c.answered_on ? store::Value(c.answered_on->ToIso()) : store::Value(),
       store::Value(c.response),
       store::Value(c.stage_started_on.ToIso()),
       c.final_response_on ? store::Value(c.final_response_on->ToIso()) : store::Value(),
       c.answered_on_time ? store::Value(*c.answered_on_time ? 1 : 0) : store::Value(),
       store::Value(c.id)});
}

Json AuditDetail(const Complaint& c) {
  Json d = Json::Object();
  d.Set("complaint_id", Json(c.id));
  d.Set("stage", Json(cases::Name(c.state.stage)));
  d.Set("status", Json(cases::Name(c.state.status)));
  return d;
}

// A date the action happened on: a caseworker may give `key` (else today); a parent's is today.
Date ActionDate(const Context& ctx, const Caller& caller, Body& b, std::string_view key,
                bool required) {
  if (caller.IsParent()) {
    if (b.Raw(key) != nullptr) {
      b.Fail(key, "not_allowed", "a parent's request is dated the day it is made");
    }
    return ctx.clock.Today();
  }
  if (required) {
    return b.DateField(key);
  }
  return b.OptDate(key).value_or(ctx.clock.Today());
}

// Loads the case and complaint, applies `action`, lets `change` fill in the rest, saves, audits.
HttpResponse Act(Context& ctx, const Caller& caller, const PathParams& p, ComplaintAction action,
                 std::string_view audit_action,
                 const std::function<Status(Complaint&, ComplaintState before, Json& detail)>& change) {
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case kase, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(Complaint c, LoadComplaint(db, caller, kase, p[1]));
    const ComplaintState before = c.state;
    CMS_ASSIGN_OR_RETURN(c.state, cases::Apply(c.state, action));
    Json detail = AuditDetail(c);
    CMS_TRY(change(c, before, detail));
    CMS_TRY(SaveComplaint(db, c));
    CMS_TRY(store::Audit(db, caller.Actor(), audit_action, kase.id, detail, NowIso(ctx)));
    return JsonResponse(kOk, ComplaintJson(ctx, c, &kase));
  });
}

Status NotBefore(Date on, Date earliest, std::string_view what) {
  if (on < earliest) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "must not be before " + std::string(what), "on");
  }
  return Ok();
}

// POST /cases/{ref}/complaints {"summary", "received_on" (caseworkers)}.
HttpResponse MakeComplaint(Context& ctx, const Caller& caller, const HttpRequest& req,
                           const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string summary = b.Text("summary", kMaxSummary);
  const Date received_on = ActionDate(ctx, caller, b, "received_on", false);
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case kase, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const cases::ComplaintDates due,
                         cases::ComplaintDueDates(received_on, ctx.law));
    Complaint c;
    c.party_id = caller.IsParent() ? std::optional<std::int64_t>(caller.party_id) : std::nullopt;
    c.received_on = received_on;
    c.stage_started_on = received_on;
    c.summary = summary;
    c.acknowledge_by = due.acknowledge_by;
    c.respond_by = due.respond_by;
    c.case_reference = kase.reference;
    CMS_ASSIGN_OR_RETURN(
        c.id, db.Insert("INSERT INTO complaints (case_id, party_id, received_on, summary, stage, "
                        "status, acknowledge_by, respond_by, stage_started_on) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {kase.id, store::Value(c.party_id), received_on.ToIso(), summary,
                         cases::Name(c.state.stage), cases::Name(c.state.status),
                         c.acknowledge_by.ToIso(), c.respond_by.ToIso(), received_on.ToIso()}));
    Json detail = AuditDetail(c);
    detail.Set("received_on", Json(received_on.ToIso()));
    CMS_TRY(store::Audit(db, caller.Actor(), "complaint_made", kase.id, detail, NowIso(ctx)));
    return JsonResponse(kCreated, ComplaintJson(ctx, c, &kase));
  });
}

// POST /cases/{ref}/complaints/{id}/acknowledge {"on"}.
HttpResponse AcknowledgeComplaint(Context& ctx, const Caller& caller, const HttpRequest& req,
                                  const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date on = b.DateField("on");
  if (!b.ok()) {
    return b.Problem();
  }
  return Act(ctx, caller, p, ComplaintAction::kAcknowledge, "complaint_acknowledged",
             [&](Complaint& c, ComplaintState, Json& detail) -> Status {
               CMS_TRY(NotBefore(on, c.stage_started_on, "the day the stage began"));
               c.acknowledged_on = on;
               detail.Set("on", Json(on.ToIso()));
               detail.Set("on_time", Json(on <= c.acknowledge_by));
               return Ok();
             });
}

// POST /cases/{ref}/complaints/{id}/respond {"on", "response"}.
HttpResponse RespondToComplaint(Context& ctx, const Caller& caller, const HttpRequest& req,
                                const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date on = b.DateField("on");
  const std::string response = b.Text("response", kMaxResponse);
  if (!b.ok()) {
    return b.Problem();
  }
  return Act(ctx, caller, p, ComplaintAction::kRespond, "complaint_answered",
             [&](Complaint& c, ComplaintState, Json& detail) -> Status {
               CMS_TRY(NotBefore(on, c.acknowledged_on.value_or(c.stage_started_on),
                                 "the day the stage began or the acknowledgement"));
               c.answered_on = on;
               c.final_response_on = on;
               c.response = response;
               c.answered_on_time = on <= c.respond_by;
               detail.Set("on", Json(on.ToIso()));
               detail.Set("on_time", Json(*c.answered_on_time));
               return Ok();
             });
}

// POST /cases/{ref}/complaints/{id}/escalate {"on" (caseworkers)}: the complainant or a caseworker.
HttpResponse EscalateComplaint(Context& ctx, const Caller& caller, const HttpRequest& req,
                               const PathParams& p) {
  auto root = ParseBody(req, /*empty_ok=*/true);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date on = ActionDate(ctx, caller, b, "on", false);
  if (!b.ok()) {
    return b.Problem();
  }
  return Act(ctx, caller, p, ComplaintAction::kEscalate, "complaint_escalated",
             [&](Complaint& c, ComplaintState before, Json& detail) -> Status {
               CMS_TRY(NotBefore(on, c.final_response_on.value_or(c.stage_started_on),
                                 "the final response"));
               if (c.state.stage == ComplaintStage::kReview) {
                 CMS_ASSIGN_OR_RETURN(const cases::ComplaintDates due,
                                      cases::ComplaintDueDates(on, ctx.law));
                 c.acknowledge_by = due.acknowledge_by;
                 c.respond_by = due.respond_by;
                 c.acknowledged_on.reset();
                 c.answered_on.reset();
                 c.answered_on_time.reset();
               }
               if (c.state.stage == ComplaintStage::kIndependentCaseExaminer) {
                 CMS_ASSIGN_OR_RETURN(const Date by, cases::IndependentCaseExaminerDeadline(
                                                         *c.final_response_on, ctx.law));
                 if (by < on) {
                   return Error::Make(ErrorCode::kFailedPrecondition, "complaint.ice_time_limit",
                                      "a complaint goes to the Independent Case Examiner within 6 "
                                      "months of the final response (by " + by.ToIso() + ")");
                 }
               }
               c.stage_started_on = on;
               detail.Set("from", Json(cases::Name(before.stage)));
               detail.Set("on", Json(on.ToIso()));
               return Ok();
             });
}

// GET /cases/{ref}/complaints: a parent sees the complaints they made.
HttpResponse ListCaseComplaints(Context& ctx, const Caller& caller, const HttpRequest&,
                                const PathParams& p) {
  return ReadJson(ctx, [&](store::Db& db) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const cases::Case kase, LoadCaseFor(db, caller, p[0]));
    CMS_ASSIGN_OR_RETURN(const auto list, Query(db, "c.case_id = ?", {kase.id}));
    Json items = Json::Array();
    for (const Complaint& c : list) {
      if (!caller.IsParent() || c.party_id == caller.party_id) {
        items.Push(ComplaintJson(ctx, c, &kase));
      }
    }
    Json out = Json::Object();
    out.Set("items", std::move(items));
    return out;
  });
}

// GET /complaints?overdue_as_of=DATE: the caseworkers' overdue queue, oldest complaint first.
HttpResponse ListOverdueComplaints(Context& ctx, const Caller&, const HttpRequest& req,
                                   const PathParams&) {
  return ReadJson(ctx, [&](store::Db& db) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const auto param, DateParam(req, "overdue_as_of"));
    const Date as_of = param.value_or(ctx.clock.Today());
    CMS_ASSIGN_OR_RETURN(
        const auto list,
        Query(db, "c.stage IN ('resolution', 'review') AND c.status IN ('open', 'acknowledged')", {}));
    Json items = Json::Array();
    for (const Complaint& c : list) {
      if (cases::IsOverdue(c.state, c.acknowledge_by, c.respond_by, as_of)) {
        Json j = ComplaintJson(ctx, c, nullptr);
        j.Set("made_by", Json());
        items.Push(std::move(j));
      }
    }
    Json out = Json::Object();
    out.Set("overdue_as_of", Json(as_of.ToIso()));
    out.Set("items", std::move(items));
    return out;
  });
}

constexpr std::array<RouteEntry, 6> kRoutes = {{
    {"POST", "/api/v1/cases/{}/complaints", Access::kCasePartyWrite, &MakeComplaint},
    {"GET", "/api/v1/cases/{}/complaints", Access::kCaseParty, &ListCaseComplaints},
    {"POST", "/api/v1/cases/{}/complaints/{}/acknowledge", Access::kCaseworkerWrite,
     &AcknowledgeComplaint},
    {"POST", "/api/v1/cases/{}/complaints/{}/respond", Access::kCaseworkerWrite,
     &RespondToComplaint},
    {"POST", "/api/v1/cases/{}/complaints/{}/escalate", Access::kCasePartyWrite,
     &EscalateComplaint},
    {"GET", "/api/v1/complaints", Access::kCaseworker, &ListOverdueComplaints},
}};

}  // namespace

std::span<const RouteEntry> ComplaintRoutes() { return kRoutes; }

}  // namespace childmaint::api
