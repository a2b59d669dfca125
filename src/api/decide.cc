#include "api/decide.h"

#include <algorithm>

#include "api/handler_util.h"
#include "calc/calculate.h"
#include "cases/decision_request.h"
#include "cases/time_limits.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr std::int64_t kMaxNights = 366;

// The nights a year each child of another live case of this paying parent was given in that
// case's current decision (0 when it has none).
std::vector<std::pair<std::string, std::int64_t>> NightsFromDecision(const cases::Case& c) {
  std::map<std::string, std::int64_t> by_id;
  if (const cases::Decision* d = c.CurrentDecision()) {
    if (auto req = Json::Parse(d->request)) {
      if (const Json* rps = req->Find("receiving_parents")) {
        for (const Json& rp : rps->items()) {
          if (const Json* children = rp.Find("children")) {
            for (const Json& ch : children->items()) {
              const Json* id = ch.Find("id");
              const Json* nights = ch.Find("nights_with_paying_parent");
              if (id != nullptr && nights != nullptr && nights->IsInt()) {
                by_id[id->AsString()] = nights->AsInt();
              }
            }
          }
        }
      }
    }
  }
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const cases::Child& ch : c.children) {
    if (ch.stopped_qualifying_on) {
      continue;
    }
    const auto it = by_id.find(ch.key);
    const auto linked = by_id.find(c.reference + "-" + ch.key);
    out.emplace_back(ch.key, it != by_id.end() ? it->second
                                               : (linked != by_id.end() ? linked->second : 0));
  }
  return out;
}

}  // namespace

Result<std::map<std::string, std::int64_t>> ReadNights(const cases::Case& c, const Json& map) {
  if (!map.IsObject()) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       "must map each child's id to nights a year", "nights_with_paying_parent");
  }
  std::map<std::string, std::int64_t> nights;
  for (const auto& [key, value] : map.members()) {
    const bool known = std::any_of(c.children.begin(), c.children.end(),
                                   [&](const cases::Child& ch) { return ch.key == key; });
    if (!known || !value.IsInt() || value.AsInt() < 0 || value.AsInt() > kMaxNights) {
      return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                         "must be a child of the case and 0 to 366 nights",
                         "nights_with_paying_parent." + key);
    }
    nights[key] = value.AsInt();
  }
  return nights;
}

std::map<std::string, std::int64_t> CurrentNights(const cases::Case& c) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [key, n] : NightsFromDecision(c)) {
    out[key] = n;
  }
  return out;
}

Result<cases::Decision> Decide(Context& ctx, store::Db& db, const Caller& caller, cases::Case& c,
                               const DecisionInput& in) {
  if (c.status == cases::CaseState::kAwaitingFee) {
    return Error::Make(ErrorCode::kFailedPrecondition, "decision.fee_owed",
                       "the application fee must be paid or waived first");
  }
  CMS_ASSIGN_OR_RETURN(const cases::CaseState next,
                       cases::Transition(c.status, cases::CaseEvent::kDecisionMade));
  const std::map<std::string, std::int64_t>& nights = in.nights;
  // A child stops qualifying at 16, or at the end of full-time non-advanced education and at the
  // latest 20 (service.md §8): from that date the child is left out of every decision.
  for (cases::Child& ch : c.children) {
    if (ch.stopped_qualifying_on) {
      continue;
    }
    CMS_ASSIGN_OR_RETURN(const Date stops,
                         cases::ChildStopsQualifying(ch.date_of_birth, ch.in_education_until.has_value(),
                                                     ch.in_education_until, ctx.law));
    if (!(in.effective_date < stops)) {
      ch.stopped_qualifying_on = stops;
      CMS_TRY(store::SaveChild(db, ch));
    }
  }
  std::vector<cases::CalcReceivingParent> rps;
  cases::CalcReceivingParent mine{c.reference, {}};
  for (const cases::Child& ch : c.children) {
    if (!ch.stopped_qualifying_on || in.effective_date < *ch.stopped_qualifying_on) {
      mine.children.emplace_back(ch.key, nights.count(ch.key) != 0 ? nights.at(ch.key) : 0);
    }
  }
  if (mine.children.empty()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "decision.no_qualifying_child",
                       "no child of this case qualifies on the effective date");
  }
  rps.push_back(mine);
  const cases::Party* payer = c.PayingParent();
  if (payer != nullptr && payer->ni_number) {
    CMS_ASSIGN_OR_RETURN(const auto linked, store::CasesOfPayingParent(db, *payer->ni_number));
    for (const std::string& ref : linked) {
      if (ref == c.reference) {
        continue;
      }
      CMS_ASSIGN_OR_RETURN(const cases::Case other, store::LoadCase(db, ref));
      if (other.status != cases::CaseState::kActive) {
        continue;
      }
      cases::CalcReceivingParent rp{other.reference, NightsFromDecision(other)};
      if (!rp.children.empty()) {
        rps.push_back(std::move(rp));
      }
    }
  }
  const std::string request_text =
      cases::BuildCalculationRequest(in.effective_date, in.paying_parent, rps, c.collection);
  contract::RequestReader reader(ctx.law);
  calc::Request request;
  calc::Result result;
  calc::Trace trace(true);
  Status s = reader.ReadString(request_text, request);
  if (s) {
    s = calc::Calculate(request, ctx.law, result, trace);
  }
  if (!s) {
    return Error::Make(ErrorCode::kInvalidArgument, s.error().reason, s.error().message,
                       s.error().field);
  }
  std::string response_text;
  contract::WriteResponse(request, result, &trace, response_text);
  cases::Decision d;
  d.kind = c.decisions.empty() ? "initial" : (in.kind.empty() ? "supersession" : in.kind);
  d.effective_date = in.effective_date;
  d.first_payment_date = in.first_payment_date;
  d.weekly = result.receiving_parents.front().paying_parent_pays;
  d.previous_weekly = c.CurrentDecision() != nullptr ? c.CurrentDecision()->weekly : Money();
  d.request = request_text;
  d.response = response_text;
  d.notified_on = ctx.clock.Today();
  d.created_at = NowIso(ctx);
  d.created_by = caller.Actor();
  CMS_ASSIGN_OR_RETURN(d.id, store::InsertDecision(db, c.id, d));
  if (c.decisions.empty()) {
    c.initial_effective_date = in.effective_date;
    CMS_ASSIGN_OR_RETURN(const std::int64_t months,
                         ctx.law.Count("si2012_2677.reg19.months_to_review", in.effective_date));
    CMS_ASSIGN_OR_RETURN(const Date review, AddMonths(in.effective_date, static_cast<int>(months),
                                                      MonthEnd::kClampToLastDay));
    c.next_review_date = review;
  }
  c.status = next;
  c.decisions.push_back(d);
  CMS_TRY(store::SaveCaseStatus(db, c));
  Json detail = Json::Object();
  detail.Set("decision_id", Json(d.id)).Set("kind", Json(d.kind));
  detail.Set("weekly_pence", Json(d.weekly.pence()));
  CMS_TRY(store::Audit(db, caller.Actor(), "decision_made", c.id, detail, NowIso(ctx)));
  return d;
}

}  // namespace childmaint::api
