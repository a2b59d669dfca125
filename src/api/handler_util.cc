#include "api/handler_util.h"

#include "api/handlers.h"
#include "api/problem.h"
#include "cases/case_schedule.h"
#include "cases/linked_cases.h"
#include "cases/references.h"
#include "store/case_repository.h"

namespace childmaint::api {

Result<cases::Case> LoadCaseFor(store::Db& db, const Caller& caller, std::string_view reference) {
  CMS_ASSIGN_OR_RETURN(const std::string ref, cases::ParseCaseReference(reference));
  CMS_ASSIGN_OR_RETURN(cases::Case c, store::LoadCase(db, ref));
  if (caller.IsParent() && caller.case_id != c.id) {
    return Error::Make(ErrorCode::kNotFound, "case.not_found", "no such case");
  }
  if (!caller.IsParent() && !caller.IsCaseworker()) {
    return Error::Make(ErrorCode::kUnauthenticated, "auth.required", "sign in");
  }
  return c;
}

namespace {

Json PartyJson(const cases::Party& p, bool withhold) {
  Json j = Json::Object();
  j.Set("id", Json(p.id));
  j.Set("role", Json(cases::kRoleNames[static_cast<std::size_t>(p.role)]));
  j.Set("name", Json(p.name));
  if (withhold) {
    j.Set("details_withheld", Json(true));
    return j;
  }
  if (p.address) {
    Json a = Json::Object();
    a.Set("line1", Json(p.address->line1)).Set("town", Json(p.address->town));
    a.Set("postcode", Json(p.address->postcode));
    j.Set("address", std::move(a));
  } else {
    j.Set("address", Json());
  }
  j.Set("phone", p.phone ? Json(*p.phone) : Json());
  j.Set("email", p.email ? Json(*p.email) : Json());
  j.Set("ni_number", p.ni_number ? Json(*p.ni_number) : Json());
  j.Set("date_of_birth", p.date_of_birth ? Json(p.date_of_birth->ToIso()) : Json());
  j.Set("employer", p.employer ? Json(*p.employer) : Json());
  j.Set("bank_details", p.bank_details ? Json(*p.bank_details) : Json());
  j.Set("domestic_abuse_protection", Json(p.domestic_abuse));
  return j;
}

}  // namespace

Json DecisionJson(const cases::Decision& d, std::string_view parent_of) {
  Json j = Json::Object();
  j.Set("id", Json(d.id));
  j.Set("kind", Json(d.kind));
  j.Set("effective_date", Json(d.effective_date.ToIso()));
  j.Set("first_payment_date", Json(d.first_payment_date.ToIso()));
  j.Set("weekly_pence", Json(d.weekly.pence()));
  j.Set("notified_on", Json(d.notified_on.ToIso()));
  j.Set("created_at", Json(d.created_at));
  auto calc = Json::Parse(parent_of.empty() ? d.response
                                            : cases::WithoutOtherReferences(d.response, parent_of));
  j.Set("calculation", calc ? std::move(*calc) : Json());
  return j;
}

Json CaseJson(const cases::Case& c, const Caller& caller) {
  Json j = Json::Object();
  j.Set("case_reference", Json(c.reference));
  j.Set("status", Json(cases::Name(c.status)));
  j.Set("collection", Json(c.collection == calc::Collection::kCollectAndPay ? "collect_and_pay"
                                                                             : "direct_pay"));
  j.Set("payment_frequency", Json(schedule::FrequencyName(c.frequency)));
  Json fee = Json::Object();
  fee.Set("status", Json(cases::kFeeStatusNames[static_cast<std::size_t>(c.fee_status)]));
  fee.Set("amount_pence", Json(c.fee.pence()));
  fee.Set("waiver_reason", c.fee_waiver_reason ? Json(*c.fee_waiver_reason) : Json());
  j.Set("application_fee", std::move(fee));
  j.Set("initial_effective_date",
        c.initial_effective_date ? Json(c.initial_effective_date->ToIso()) : Json());
  j.Set("next_review_date", c.next_review_date ? Json(c.next_review_date->ToIso()) : Json());
  Json parties = Json::Array();
  for (const cases::Party& p : c.parties) {
    // A parent sees their own details; the other party's only without protection.
    const bool other = caller.IsParent() && p.id != caller.party_id;
    parties.Push(PartyJson(p, other && p.domestic_abuse));
  }
  j.Set("parties", std::move(parties));
  Json children = Json::Array();
  for (const cases::Child& ch : c.children) {
    Json cj = Json::Object();
    cj.Set("id", Json(ch.key)).Set("name", Json(ch.name));
    cj.Set("date_of_birth", Json(ch.date_of_birth.ToIso()));
    cj.Set("stopped_qualifying_on",
           ch.stopped_qualifying_on ? Json(ch.stopped_qualifying_on->ToIso()) : Json());
    children.Push(std::move(cj));
  }
  j.Set("children", std::move(children));
  const cases::Decision* d = c.CurrentDecision();
  j.Set("current_decision",
        d != nullptr ? DecisionJson(*d, caller.IsParent() ? c.reference : std::string()) : Json());
  return j;
}

HttpResponse ReadCase(Context& ctx, const Caller& caller, std::string_view reference,
                      const std::function<Result<Json>(store::Db&, const cases::Case&)>& fn) {
  constexpr int kOk = 200;
  auto db = ctx.pool.Acquire();
  auto c = LoadCaseFor(*db, caller, reference);
  if (!c) {
    return FromError(c.error());
  }
  auto body = fn(*db, *c);
  return body ? JsonResponse(kOk, *body) : FromError(body.error());
}

HttpResponse ListCaseRows(Context& ctx, const Caller& caller, std::string_view reference,
                          const std::string& sql, std::string_view key,
                          const std::function<Json(const store::Row&)>& render) {
  return ReadCase(ctx, caller, reference, [&](store::Db& db, const cases::Case& c) -> Result<Json> {
    CMS_ASSIGN_OR_RETURN(const auto rows, db.Query(sql, {store::Value(c.id)}));
    Json list = Json::Array();
    for (const store::Row& r : rows) {
      list.Push(render(r));
    }
    Json out = Json::Object();
    out.Set(std::string(key), std::move(list));
    return out;
  });
}

Result<ledger::Statement> StatementOn(const Context& ctx, store::Db& db, const cases::Case& c,
                                      Date d) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t weeks, ReferenceWeeks(ctx, d));
  CMS_ASSIGN_OR_RETURN(const auto dues, cases::DuesUpTo(c, d, weeks));
  CMS_ASSIGN_OR_RETURN(const auto postings, store::LoadPostings(db, c.id));
  return ledger::StatementAsOf(dues, postings, d);
}

Result<ledger::Posting> PostOn(const Context& ctx, store::Db& db, const Caller& caller,
                               const cases::Case& c, ledger::Posting posting) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t weeks, ReferenceWeeks(ctx, posting.effective_on));
  CMS_ASSIGN_OR_RETURN(const auto dues, cases::DuesUpTo(c, posting.effective_on, weeks));
  CMS_ASSIGN_OR_RETURN(const auto existing, store::LoadPostings(db, c.id));
  posting.id = existing.empty() ? 1 : existing.back().id + 1;
  posting.recorded_at = ctx.clock.NowUnixSeconds();
  CMS_TRY(ledger::ValidateNew(dues, existing, posting));
  CMS_ASSIGN_OR_RETURN(posting.id, store::InsertPosting(db, c.id, posting, caller.Actor()));
  return posting;
}

Json PostingJson(const ledger::Posting& p) {
  Json j = Json::Object();
  j.Set("id", Json(p.id));
  j.Set("kind", Json(ledger::PostingKindName(p.kind)));
  j.Set("effective_on", Json(p.effective_on.ToIso()));
  j.Set("amount_pence", Json(p.amount.pence()));
  j.Set("method", p.method.empty() ? Json() : Json(p.method));
  j.Set("reverses", p.reverses ? Json(*p.reverses) : Json());
  j.Set("reference", p.reference.empty() ? Json() : Json(p.reference));
  j.Set("recorded_at", Json(IsoTimestamp(p.recorded_at)));
  return j;
}

HttpResponse InTransaction(Context& ctx, const std::function<Result<HttpResponse>(store::Db&)>& fn) {
  auto db = ctx.pool.Acquire();
  HttpResponse response;
  const Status s = store::InTransaction(*db, [&]() -> Status {
    CMS_ASSIGN_OR_RETURN(response, fn(*db));
    return Ok();
  });
  if (!s) {
    return FromError(s.error());
  }
  return response;
}

Result<std::int64_t> ReferenceWeeks(const Context& ctx, Date d) {
  return ctx.law.Count("csa1991.s29.reference_period_weeks", d);
}

std::string NowIso(const Context& ctx) { return IsoTimestamp(ctx.clock.NowUnixSeconds()); }

// A whole number from 0 to max written in digits, or none.
std::optional<std::int64_t> ParseWhole(std::string_view text, std::int64_t max) {
  std::int64_t v = 0;
  for (const char ch : text) {
    if (ch < '0' || ch > '9' || v > max) {
      return std::nullopt;
    }
    v = v * 10 + (ch - '0');
  }
  return text.empty() || v > max ? std::nullopt : std::optional<std::int64_t>(v);
}

Result<std::optional<Date>> DateParam(const HttpRequest& req, std::string_view name) {
  const std::string text = QueryParam(req, name);
  if (text.empty()) {
    return std::optional<Date>();
  }
  auto d = Date::ParseIso(text);
  if (!d) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       std::string(name) + " must be a date written YYYY-MM-DD", std::string(name));
  }
  return std::optional<Date>(*d);
}

Result<std::int64_t> IntParam(const HttpRequest& req, std::string_view name, std::int64_t fallback,
                              std::int64_t min, std::int64_t max) {
  const std::string text = QueryParam(req, name);
  if (text.empty()) {
    return fallback;
  }
  const std::int64_t v = ParseWhole(text, max).value_or(-1);
  if (v < min || v > max) {
    return Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                       std::string(name) + " must be a whole number from " + std::to_string(min) +
                           " to " + std::to_string(max),
                       std::string(name));
  }
  return v;
}

HttpResponse ReadJson(Context& ctx, const std::function<Result<Json>(store::Db&)>& fn) {
  auto db = ctx.pool.Acquire();
  auto body = fn(*db);
  return body ? JsonResponse(200, *body) : FromError(body.error());
}


}  // namespace childmaint::api
