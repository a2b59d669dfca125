#include "api/decide.h"

#include <algorithm>

#include "api/handler_util.h"
#include "cases/annual_review.h"
#include "cases/decision_request.h"
#include "cases/linked_cases.h"
#include "cases/time_limits.h"
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

namespace {

// A child stops qualifying at 16, or at the end of full-time non-advanced education and at the
// latest 20 (service.md §8): from that date the child is left out of every decision.
Status MarkChildrenStopped(Context& ctx, store::Db& db, cases::Case& c, Date effective_date) {
  for (cases::Child& ch : c.children) {
    if (ch.stopped_qualifying_on) {
      continue;
    }
    CMS_ASSIGN_OR_RETURN(
        const Date stops,
        cases::ChildStopsQualifying(ch.date_of_birth, ch.in_education_until.has_value(),
                                    ch.in_education_until, ctx.law));
    if (!(effective_date < stops)) {
      ch.stopped_qualifying_on = stops;
      CMS_TRY(store::SaveChild(db, ch));
    }
  }
  return Ok();
}

// The other live cases of this case's paying parent that are in the calculation (INTERP-111):
// active, with a decision in force and a qualifying child. Oldest first.
Result<std::vector<cases::Case>> LinkedCases(Context& ctx, store::Db& db, const cases::Case& c,
                                             Date effective_date) {
  std::vector<cases::Case> out;
  const cases::Party* payer = c.PayingParent();
  if (payer == nullptr || !payer->ni_number) {
    return out;
  }
  CMS_ASSIGN_OR_RETURN(const auto refs, store::CasesOfPayingParent(db, *payer->ni_number));
  for (const std::string& ref : refs) {
    if (ref == c.reference) {
      continue;
    }
    CMS_ASSIGN_OR_RETURN(cases::Case other, store::LoadCase(db, ref));
    if (other.status != cases::CaseState::kActive || other.CurrentDecision() == nullptr) {
      continue;
    }
    CMS_TRY(MarkChildrenStopped(ctx, db, other, effective_date));
    if (!NightsFromDecision(other).empty()) {
      out.push_back(std::move(other));
    }
  }
  return out;
}

// What caused a linked re-issue: a decision on another case, or that case leaving (closed).
struct Cause {
  std::string reference;
  std::optional<std::int64_t> decision_id;
};

// The linked re-issue on `other` (INTERP-111): its own share of the same calculation, from the
// same date (never before its own IED), on its own payment day.
Status Reissue(Context& ctx, store::Db& db, const Caller& caller, const Cause& cause,
               cases::Case& other, const DecisionInput& in,
               const std::vector<cases::CalcReceivingParent>& parents,
               cases::SharedCalculator& calculator) {
  const cases::Decision& current = *other.CurrentDecision();
  const Date effective = std::max(in.effective_date,
                                  other.initial_effective_date.value_or(in.effective_date));
  CMS_ASSIGN_OR_RETURN(
      const cases::SharedCalculation* shared,
      calculator.Calculate(effective, in.paying_parent, parents, other.collection));
  CMS_ASSIGN_OR_RETURN(other.status,
                       cases::Transition(other.status, cases::CaseEvent::kDecisionMade));
  cases::Decision d;
  d.kind = "linked";
  d.effective_date = effective;
  CMS_ASSIGN_OR_RETURN(d.first_payment_date,
                       cases::FirstPaymentOnOrAfter(current.first_payment_date, other.frequency,
                                                    effective));
  d.weekly = shared->PaysFor(other.reference);
  d.previous_weekly = current.weekly;
  d.request = shared->request;
  d.response = shared->response;
  d.notified_on = ctx.clock.Today();
  d.created_at = NowIso(ctx);
  d.created_by = caller.Actor();
  CMS_ASSIGN_OR_RETURN(d.id, store::InsertDecision(db, other.id, d));
  other.decisions.push_back(d);
  Json detail = Json::Object();
  detail.Set("decision_id", Json(d.id)).Set("kind", Json(d.kind));
  detail.Set("weekly_pence", Json(d.weekly.pence()));
  detail.Set("previous_weekly_pence", Json(d.previous_weekly.pence()));
  detail.Set("linked_case_reference", Json(cause.reference));
  detail.Set(cause.decision_id ? "linked_decision_id" : "linked_case_closed",
             cause.decision_id ? Json(*cause.decision_id) : Json(true));
  return store::Audit(db, caller.Actor(), "decision_made", other.id, detail, d.created_at);
}

}  // namespace

Result<cases::Decision> Decide(Context& ctx, store::Db& db, const Caller& caller, cases::Case& c,
                               const DecisionInput& in) {
  if (c.status == cases::CaseState::kAwaitingFee) {
    return Error::Make(ErrorCode::kFailedPrecondition, "decision.fee_owed",
                       "the application fee must be paid or waived first");
  }
  CMS_ASSIGN_OR_RETURN(const cases::CaseState next,
                       cases::Transition(c.status, cases::CaseEvent::kDecisionMade));
  const std::map<std::string, std::int64_t>& nights = in.nights;
  CMS_TRY(MarkChildrenStopped(ctx, db, c, in.effective_date));
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
  // One calculation for every live case of the paying parent, oldest case first (INTERP-111).
  CMS_ASSIGN_OR_RETURN(std::vector<cases::Case> linked, LinkedCases(ctx, db, c, in.effective_date));
  std::vector<cases::CalcReceivingParent> rps;
  bool mine_added = false;
  for (const cases::Case& other : linked) {
    if (!mine_added && c.id < other.id) {
      rps.push_back(mine);
      mine_added = true;
    }
    rps.push_back(cases::CalcReceivingParent{other.reference, NightsFromDecision(other)});
  }
  if (!mine_added) {
    rps.push_back(mine);
  }
  cases::SharedCalculator calculator(ctx.law);
  CMS_ASSIGN_OR_RETURN(
      const cases::SharedCalculation* shared,
      calculator.Calculate(in.effective_date, in.paying_parent, rps, c.collection));
  cases::Decision d;
  d.kind = c.decisions.empty() ? "initial" : (in.kind.empty() ? "supersession" : in.kind);
  d.effective_date = in.effective_date;
  d.first_payment_date = in.first_payment_date;
  d.weekly = shared->PaysFor(c.reference);
  d.previous_weekly = c.CurrentDecision() != nullptr ? c.CurrentDecision()->weekly : Money();
  d.request = shared->request;
  d.response = shared->response;
  d.notified_on = ctx.clock.Today();
  d.created_at = NowIso(ctx);
  d.created_by = caller.Actor();
  CMS_ASSIGN_OR_RETURN(d.id, store::InsertDecision(db, c.id, d));
  if (c.decisions.empty()) {
    c.initial_effective_date = in.effective_date;
    // Linked cases share a review date: a newly linked case takes the existing cases' one (the
    // anniversary of the earliest linked case's IED), else a year from its own IED.
    std::optional<Date> shared_review;
    for (const cases::Case& other : linked) {
      if (other.next_review_date && (!shared_review || *other.next_review_date < *shared_review)) {
        shared_review = other.next_review_date;
      }
    }
    if (shared_review) {
      c.next_review_date = shared_review;
    } else {
      CMS_ASSIGN_OR_RETURN(const std::int64_t months,
                           ctx.law.Count("si2012_2677.reg19.months_to_review", in.effective_date));
      CMS_ASSIGN_OR_RETURN(const Date review, AddMonths(in.effective_date, static_cast<int>(months),
                                                        MonthEnd::kClampToLastDay));
      c.next_review_date = review;
    }
  }
  c.status = next;
  c.decisions.push_back(d);
  CMS_TRY(store::SaveCaseStatus(db, c));
  Json detail = Json::Object();
  detail.Set("decision_id", Json(d.id)).Set("kind", Json(d.kind));
  detail.Set("weekly_pence", Json(d.weekly.pence()));
  if (!linked.empty()) {
    detail.Set("linked_cases", Json(static_cast<std::int64_t>(linked.size())));
  }
  CMS_TRY(store::Audit(db, caller.Actor(), "decision_made", c.id, detail, NowIso(ctx)));
  // Every other case in the calculation takes its share of it now, in this transaction.
  for (cases::Case& other : linked) {
    CMS_TRY(Reissue(ctx, db, caller, Cause{c.reference, d.id}, other, in, rps, calculator));
  }
  return d;
}

Status ReissueWithout(Context& ctx, store::Db& db, const Caller& caller, const cases::Case& left,
                      Date from) {
  CMS_ASSIGN_OR_RETURN(std::vector<cases::Case> linked, LinkedCases(ctx, db, left, from));
  if (linked.empty()) {
    return Ok();
  }
  // The latest figures held for the paying parent: those of the most recent decision.
  const cases::Decision* latest = left.CurrentDecision();
  std::vector<cases::CalcReceivingParent> rps;
  for (const cases::Case& other : linked) {
    const cases::Decision* d = other.CurrentDecision();
    latest = latest == nullptr || latest->id < d->id ? d : latest;
    rps.push_back(cases::CalcReceivingParent{other.reference, NightsFromDecision(other)});
  }
  CMS_ASSIGN_OR_RETURN(const Json request, Json::Parse(latest->request));
  const Json* pp = request.Find("paying_parent");
  const DecisionInput in{from, from, pp != nullptr ? *pp : Json::Object(), {}, "linked"};
  cases::SharedCalculator calculator(ctx.law);
  for (cases::Case& other : linked) {
    CMS_TRY(Reissue(ctx, db, caller, Cause{left.reference, std::nullopt}, other, in, rps,
                    calculator));
  }
  return Ok();
}

}  // namespace childmaint::api
