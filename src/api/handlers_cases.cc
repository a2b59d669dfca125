// The case, its application fee, decisions, schedule and statement (api.md).
#include <algorithm>
#include <map>

#include "api/body.h"
#include "api/decide.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/problem.h"
#include "calc/calculate.h"
#include "cases/case_schedule.h"
#include "cases/decision_request.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "ledger/ledger.h"
#include "schedule/schedule.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;

}  // namespace

HttpResponse GetCase(Context& ctx, const Caller& caller, const HttpRequest&, const PathParams& p) {
  return ReadCase(ctx, caller, p[0], [&](store::Db&, const cases::Case& c) -> Result<Json> {
    return CaseJson(c, caller);
  });
}

HttpResponse ListDecisions(Context& ctx, const Caller& caller, const HttpRequest&,
                           const PathParams& p) {
  return ReadCase(ctx, caller, p[0], [&](store::Db&, const cases::Case& c) -> Result<Json> {
    Json list = Json::Array();
    for (const cases::Decision& d : c.decisions) {
      list.Push(DecisionJson(d, caller.IsParent() ? c.reference : std::string()));
    }
    Json out = Json::Object();
    out.Set("decisions", std::move(list));
    return out;
  });
}

// POST /cases/{ref}/application-fee: {"outcome":"paid"} or {"outcome":"waived","reason":...}
// (SI 2014/612 regs 3-4): under_19 needs an applicant under 19 when applying; domestic_abuse the
// applicant's declaration.
HttpResponse RecordApplicationFee(Context& ctx, const Caller& caller, const HttpRequest& req,
                                  const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string outcome = b.Choice("outcome", {"paid", "waived"});
  std::string reason;
  if (outcome == "waived") {
    reason = b.Choice("reason", {"domestic_abuse", "under_19"});
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    if (c.fee_status != cases::FeeStatus::kOwed) {
      return Error::Make(ErrorCode::kFailedPrecondition, "fee.not_owed",
                         "no application fee is owed on this case");
    }
    if (reason == "under_19") {
      CMS_ASSIGN_OR_RETURN(const store::Row app,
                           db.One("SELECT a.received_on FROM applications a JOIN cases c ON "
                                  "c.application_id = a.id WHERE c.id = ?",
                                  {store::Value(c.id)}));
      const cases::Party* applicant = nullptr;
      for (const cases::Party& party : c.parties) {
        applicant = party.is_applicant ? &party : applicant;
      }
      CMS_ASSIGN_OR_RETURN(const std::int64_t under,
                           ctx.law.Count("si2014_612.reg3.waiver_age_under",
                                         *Date::ParseIso(app.Text(0))));
      if (applicant == nullptr || !applicant->date_of_birth ||
          AgeOn(*applicant->date_of_birth, *Date::ParseIso(app.Text(0))) >= under) {
        return Error::Make(ErrorCode::kFailedPrecondition, "fee.not_under_19",
                           "the applicant was not under 19 when applying");
      }
    }
    CMS_ASSIGN_OR_RETURN(c.status, cases::Transition(c.status, outcome == "paid"
                                                                   ? cases::CaseEvent::kFeePaid
                                                                   : cases::CaseEvent::kFeeWaived));
    c.fee_status = outcome == "paid" ? cases::FeeStatus::kPaid : cases::FeeStatus::kWaived;
    if (!reason.empty()) {
      c.fee_waiver_reason = reason;
    }
    CMS_TRY(store::SaveCaseStatus(db, c));
    Json detail = Json::Object();
    detail.Set("outcome", Json(outcome)).Set("reason", Json(reason));
    CMS_TRY(store::Audit(db, caller.Actor(), "application_fee", c.id, detail, NowIso(ctx)));
    return JsonResponse(kOk, CaseJson(c, caller));
  });
}

// POST /cases/{ref}/decisions: the calculation for this case, with every live case of the same
// paying parent apportioned together; stores the full request and response.
HttpResponse MakeDecision(Context& ctx, const Caller& caller, const HttpRequest& req,
                          const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date effective = b.DateField("effective_date");
  const Date first_payment = b.DateField("first_payment_date");
  const Json* paying_parent = b.Raw("paying_parent");
  if (paying_parent == nullptr || !paying_parent->IsObject()) {
    b.Fail("paying_parent", "missing_field", "the contract's paying_parent object is required");
  }
  const std::string kind =
      b.Raw("kind") == nullptr ? std::string() : b.Choice("kind", {"supersession", "revision"});
  if (b.ok() && first_payment < effective) {
    b.Fail("first_payment_date", "invalid_field", "must not be before effective_date");
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(cases::Case c, LoadCaseFor(db, caller, p[0]));
    DecisionInput in{effective, first_payment, *paying_parent, {}, kind};
    if (const Json* map = root->Find("nights_with_paying_parent"); map != nullptr && !map->IsNull()) {
      CMS_ASSIGN_OR_RETURN(in.nights, ReadNights(c, *map));
    }
    CMS_ASSIGN_OR_RETURN(const cases::Decision d, Decide(ctx, db, caller, c, in));
    return JsonResponse(kCreated, DecisionJson(d));
  });
}

HttpResponse GetSchedule(Context& ctx, const Caller& caller, const HttpRequest& req,
                         const PathParams& p) {
  return ReadCase(ctx, caller, p[0], [&](store::Db&, const cases::Case& c) -> Result<Json> {
    const cases::Decision* d = c.CurrentDecision();
    if (d == nullptr) {
      return Error::Make(ErrorCode::kFailedPrecondition, "schedule.no_decision",
                         "there is no decision on this case yet");
    }
    CMS_ASSIGN_OR_RETURN(const std::int64_t weeks, ReferenceWeeks(ctx, d->effective_date));
    const schedule::ScheduleTerms terms = cases::TermsOf(c, *d, weeks);
    std::int64_t count = schedule::InstalmentsPerYear(c.frequency);
    if (const std::string n = QueryParam(req, "count"); !n.empty()) {
      count = std::clamp<std::int64_t>(std::atoll(n.c_str()), count, count * 10);
    }
    CMS_ASSIGN_OR_RETURN(const auto instalments, schedule::Instalments(terms, count));
    CMS_ASSIGN_OR_RETURN(const Money arrears, schedule::InitialArrearsOf(terms));
    Json out = Json::Object();
    out.Set("frequency", Json(schedule::FrequencyName(c.frequency)));
    out.Set("weekly_pence", Json(d->weekly.pence()));
    Json ia = Json::Object();
    ia.Set("due_date", Json(d->first_payment_date.ToIso()));
    ia.Set("amount_pence", Json(arrears.pence()));
    out.Set("initial_arrears", std::move(ia));
    Json list = Json::Array();
    for (const schedule::Instalment& i : instalments) {
      Json j = Json::Object();
      j.Set("due_date", Json(i.due_date.ToIso())).Set("amount_pence", Json(i.amount.pence()));
      list.Push(std::move(j));
    }
    out.Set("instalments", std::move(list));
    return out;
  });
}

HttpResponse GetStatement(Context& ctx, const Caller& caller, const HttpRequest& req,
                          const PathParams& p) {
  const std::string as_of_text = QueryParam(req, "as_of");
  Date as_of = ctx.clock.Today();
  if (!as_of_text.empty()) {
    auto d = Date::ParseIso(as_of_text);
    if (!d) {
      return FromError(Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                                   "as_of must be a date written YYYY-MM-DD", "as_of"));
    }
    as_of = *d;
  }
  return ReadCase(ctx, caller, p[0], [&](store::Db& db, const cases::Case& c) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const ledger::Statement s, StatementOn(ctx, db, c, as_of));
    CMS_ASSIGN_OR_RETURN(const auto postings, store::LoadPostings(db, c.id));
    Json out = Json::Object();
    out.Set("as_of", Json(as_of.ToIso()));
    out.Set("due_pence", Json(s.due.pence()));
    out.Set("paid_pence", Json(s.paid.pence()));
    out.Set("arrears_pence", Json(s.arrears.pence()));
    out.Set("credit_pence", Json(s.credit.pence()));
    out.Set("charges_outstanding_pence", Json(s.charges_outstanding.pence()));
    Json list = Json::Array();
    for (const ledger::Posting& posting : postings) {
      if (as_of < posting.effective_on) {
        continue;
      }
      list.Push(PostingJson(posting));
    }
    out.Set("postings", std::move(list));
    return out;
  });
}

}  // namespace childmaint::api
