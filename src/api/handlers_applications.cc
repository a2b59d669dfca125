// Applications (service.md §1, api.md "Application body"): the Get-help reference, NI numbers,
// the no-NI route (URI + clerical incident), tracing, the dated application fee, domestic-abuse
// protection, and the case they become.
#include "api/body.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/pin_codes.h"
#include "api/problem.h"
#include "cases/references.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr std::size_t kMaxChildren = 20;
constexpr std::size_t kPinDigits = 7;

struct PartyInput {
  cases::Party party;
  std::optional<std::string> pin;
};

std::optional<cases::Address> ReadAddress(Body& b, std::string_view key) {
  auto a = b.OptObject(key);
  if (!a) {
    return std::nullopt;
  }
  cases::Address addr{a->Text("line1"), a->Text("town"), a->Text("postcode", 10)};
  return addr;
}

PartyInput ReadParty(Body& b, cases::Role role, bool applicant) {
  PartyInput in;
  cases::Party& p = in.party;
  p.role = role;
  p.is_applicant = applicant;
  p.name = b.Text("name");
  p.date_of_birth = b.OptDate("date_of_birth");
  if (auto ni = b.OptText("ni_number", 20)) {
    auto parsed = cases::ParseNiNumber(*ni);
    if (parsed) {
      p.ni_number = *parsed;
    } else {
      b.Fail("ni_number", "invalid_field", parsed.error().message);
    }
  }
  p.address = ReadAddress(b, "address");
  p.phone = b.OptText("phone", 30);
  p.email = b.OptText("email", 200);
  p.employer = b.OptText("employer", 200);
  p.domestic_abuse = b.Bool("domestic_abuse", false);
  in.pin = b.OptText("pin", 7);
  if (in.pin && (in.pin->size() != kPinDigits ||
                 in.pin->find_first_not_of("0123456789") != std::string::npos)) {
    b.Fail("pin", "invalid_field", "must be 7 digits");
  }
  return in;
}

Json ApplicationJson(const store::Row& row) {
  Json j = Json::Object();
  j.Set("application_id", Json(row.Int(0)));
  j.Set("status", Json(row.Text(1)));
  j.Set("case_reference", row.IsNull(2) ? Json() : Json(row.Text(2)));
  j.Set("uri", row.IsNull(3) ? Json() : Json(row.Text(3)));
  j.Set("fee_pence", Json(row.Int(4)));
  return j;
}

constexpr std::string_view kApplicationQuery =
    "SELECT a.id, a.status, c.reference, a.uri, a.fee_pence, a.body, a.received_on FROM "
    "applications a LEFT JOIN cases c ON c.id = a.case_id WHERE a.id = ?";

// Creates the case an application asks for; returns its id.
Result<std::int64_t> CreateCase(Context& ctx, store::Db& db, const Caller& caller,
                                std::int64_t application_id, const Json& body, Money fee) {
  Body b(body);
  const std::string applicant_role = b.Object("applicant").Text("role");
  const cases::Role role = applicant_role == "paying_parent" ? cases::Role::kPayingParent
                           : applicant_role == "other_carer" ? cases::Role::kOtherCarer
                                                             : cases::Role::kReceivingParent;
  Body applicant_body = b.Object("applicant");
  Body other_body = b.Object("other_parent");
  PartyInput applicant = ReadParty(applicant_body, role, true);
  PartyInput other = ReadParty(other_body,
                               role == cases::Role::kPayingParent ? cases::Role::kReceivingParent
                                                                  : cases::Role::kPayingParent,
                               false);
  if (auto traced = body.Find("traced_address"); traced != nullptr && traced->IsObject()) {
    Body t(*traced);
    other.party.address = cases::Address{t.Text("line1"), t.Text("town"), t.Text("postcode", 10)};
  }
  cases::Case c;
  c.status = fee.pence() > 0 ? cases::CaseState::kAwaitingFee : cases::CaseState::kAwaitingDecision;
  c.fee_status = fee.pence() > 0 ? cases::FeeStatus::kOwed : cases::FeeStatus::kNotDue;
  c.fee = fee;
  c.collection = b.Text("collection") == "collect_and_pay" ? calc::Collection::kCollectAndPay
                                                           : calc::Collection::kDirectPay;
  c.frequency = schedule::ParseFrequency(b.Text("payment_frequency"))
                    .value_or(schedule::Frequency::kMonthly);
  for (PartyInput* in : {&applicant, &other}) {
    if (in->pin) {
      CMS_ASSIGN_OR_RETURN(in->party.pin_hash, HashPin(*in->pin, ctx.pin_strength));
    }
    c.parties.push_back(in->party);
  }
  const Json* children = body.Find("children");
  std::size_t n = 0;
  for (const Json& child : children->items()) {
    Body cb(child);
    c.children.push_back(cases::Child{0, "c" + std::to_string(++n), cb.Text("name"),
                                      cb.DateField("date_of_birth"),
                                      cb.OptDate("in_full_time_education_until"), std::nullopt});
  }
  CMS_TRY(store::InsertCase(db, c, NowIso(ctx)));
  CMS_TRY(db.Exec("UPDATE cases SET application_id = ? WHERE id = ?",
                  {store::Value(application_id), store::Value(c.id)}));
  CMS_TRY(db.Exec("UPDATE applications SET case_id = ?, status = 'case_created' WHERE id = ?",
                  {store::Value(c.id), store::Value(application_id)}));
  Json detail = Json::Object();
  detail.Set("application_id", Json(application_id)).Set("reference", Json(c.reference));
  CMS_TRY(store::Audit(db, caller.Actor(), "case_created", c.id, detail, NowIso(ctx)));
  // api.md: a party without a PIN is sent a one-time set-up code to choose it.
  CMS_TRY(IssueSetUpCodes(ctx, db, c, caller.Actor()));
  return c.id;
}

}  // namespace

HttpResponse CreateApplication(Context& ctx, const Caller& caller, const HttpRequest& req,
                               const PathParams&) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string ghacm = b.Text("ghacm_reference", 64);
  if (!ghacm.empty() && !cases::IsGhacmReference(ghacm)) {
    b.Fail("ghacm_reference", "invalid_field",
           "must be the reference from Get help arranging child maintenance (1-32 letters, "
           "digits and hyphens); apply there first to get one");
  }
  const Date received_on = b.DateField("received_on");
  Body applicant_body = b.Object("applicant");
  const std::string role =
      applicant_body.Choice("role", {"receiving_parent", "paying_parent", "other_carer"});
  PartyInput applicant = ReadParty(applicant_body, cases::Role::kReceivingParent, true);
  Body other_body = b.Object("other_parent");
  PartyInput other = ReadParty(other_body, cases::Role::kPayingParent, false);
  b.Choice("collection", {"direct_pay", "collect_and_pay"});
  b.Choice("payment_frequency", {"weekly", "fortnightly", "four_weekly", "monthly"});
  const Json* children = b.Raw("children");
  if (children == nullptr || !children->IsArray() || children->items().empty() ||
      children->items().size() > kMaxChildren) {
    b.Fail("children", "invalid_field", "must list 1 to 20 children");
  } else {
    for (std::size_t i = 0; i < children->items().size(); ++i) {
      const Json& child = children->items()[i];
      if (!child.IsObject()) {
        b.Fail("children[" + std::to_string(i) + "]", "invalid_field", "must be an object");
        continue;
      }
      Body cb(child);
      cb.Text("name");
      const Date born = cb.DateField("date_of_birth");
      const std::optional<Date> education = cb.OptDate("in_full_time_education_until");
      for (const FieldError& e : cb.errors()) {
        b.Fail("children[" + std::to_string(i) + "]." + e.field, e.code, e.message);
      }
      // A qualifying child: under 16, or under 20 in full-time non-advanced education.
      const int age = AgeOn(born, received_on);
      if (cb.ok() && b.ok() && (age >= 20 || (age >= 16 && !(education && received_on < *education)))) {
        b.Fail("children[" + std::to_string(i) + "].date_of_birth", "child_not_qualifying",
               "a child must be under 16, or under 20 and in full-time non-advanced education");
      }
    }
  }
  if (auto order = b.OptDate("court_order_made_on")) {
    auto year_later = AddMonths(*order, 12, MonthEnd::kClampToLastDay);
    if (year_later && received_on < *year_later) {
      b.Fail("court_order_made_on", "court_order_in_force",
             "the service cannot take a case while a court order less than a year old is in force");
    }
  }
  if (!b.ok()) {
    return b.Problem();
  }
  (void)role;
  (void)applicant;
  (void)other;
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const Money fee, ctx.law.Gbp("si2014_612.reg3.application_fee", received_on));
    CMS_ASSIGN_OR_RETURN(const std::int64_t uri_seq, store::NextSequence(db, "uri"));
    const std::string uri = cases::UniqueReferenceIndicator(uri_seq);
    const bool no_ni = applicant.party.ni_number == std::nullopt;
    const bool no_address = other.party.address == std::nullopt;
    const std::string status = no_ni ? "clerical_incident" : no_address ? "tracing" : "case_created";
    auto id = db.Insert("INSERT INTO applications (ghacm_reference, received_on, status, uri, "
                        "fee_pence, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        {store::Value(ghacm), store::Value(received_on.ToIso()),
                         store::Value(status), store::Value(uri), store::Value(fee.pence()),
                         store::Value(root->Dump()), store::Value(NowIso(ctx))});
    if (!id && id.error().code == ErrorCode::kAlreadyExists) {
      return Error::Make(ErrorCode::kAlreadyExists, "application.ghacm_used",
                         "this Get-help reference has already been used for an application",
                         "ghacm_reference");
    }
    CMS_TRY(id);
    if (no_ni) {
      CMS_TRY(db.Exec("INSERT INTO work_items (kind, status, application_id, summary, created_at) "
                      "VALUES ('clerical_incident', 'open', ?, ?, ?)",
                      {store::Value(*id),
                       store::Value("Application " + uri + " without a National Insurance "
                                    "number: process clerically"),
                       store::Value(NowIso(ctx))}));
    }
    if (no_address) {
      CMS_TRY(db.Exec("INSERT INTO work_items (kind, status, application_id, summary, created_at) "
                      "VALUES ('tracing', 'open', ?, ?, ?)",
                      {store::Value(*id),
                       store::Value("Application " + uri + ": trace the other parent's address"),
                       store::Value(NowIso(ctx))}));
    }
    if (!no_ni && !no_address) {
      CMS_TRY(CreateCase(ctx, db, caller, *id, *root, fee));
    }
    Json detail = Json::Object();
    detail.Set("application_id", Json(*id)).Set("status", Json(status));
    CMS_TRY(store::Audit(db, caller.Actor(), "application_received", std::nullopt, detail,
                         NowIso(ctx)));
    CMS_ASSIGN_OR_RETURN(const store::Row row, db.One(kApplicationQuery, {store::Value(*id)}));
    return JsonResponse(kCreated, ApplicationJson(row));
  });
}

HttpResponse GetApplication(Context& ctx, const Caller&, const HttpRequest&, const PathParams& p) {
  auto db = ctx.pool.Acquire();
  std::int64_t id = 0;
  try {
    id = std::stoll(p[0]);
  } catch (...) {
    return FromError(Error::Make(ErrorCode::kNotFound, "application.not_found", "no such application"));
  }
  auto row = db->MaybeOne(kApplicationQuery, {store::Value(id)});
  if (!row || !*row) {
    return FromError(Error::Make(ErrorCode::kNotFound, "application.not_found", "no such application"));
  }
  return JsonResponse(kOk, ApplicationJson(**row));
}

// POST /applications/{id}/traced-address: the other parent's address, found by tracing; recording
// it closes the tracing work item and creates the case (api.md).
HttpResponse RecordTracedAddress(Context& ctx, const Caller& caller, const HttpRequest& req,
                                 const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  b.Text("line1");
  b.Text("town");
  b.Text("postcode", 10);
  if (!b.ok()) {
    return b.Problem();
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    std::int64_t id = 0;
    try {
      id = std::stoll(p[0]);
    } catch (...) {
      return Error::Make(ErrorCode::kNotFound, "application.not_found", "no such application");
    }
    CMS_ASSIGN_OR_RETURN(const store::Row row, db.One(kApplicationQuery, {store::Value(id)}));
    if (row.Text(1) != "tracing") {
      return Error::Make(ErrorCode::kFailedPrecondition, "application.not_tracing",
                         "this application is not waiting for a traced address");
    }
    CMS_ASSIGN_OR_RETURN(Json body, Json::Parse(row.Text(5)));
    body.Set("traced_address", *root);
    CMS_TRY(db.Exec("UPDATE applications SET body = ? WHERE id = ?",
                    {store::Value(body.Dump()), store::Value(id)}));
    CMS_TRY(db.Exec("UPDATE work_items SET status = 'closed', closed_at = ? WHERE application_id "
                    "= ? AND kind = 'tracing' AND status = 'open'",
                    {store::Value(NowIso(ctx)), store::Value(id)}));
    CMS_TRY(CreateCase(ctx, db, caller, id, body, Money::Pence(row.Int(4))));
    CMS_ASSIGN_OR_RETURN(const store::Row after, db.One(kApplicationQuery, {store::Value(id)}));
    return JsonResponse(kOk, ApplicationJson(after));
  });
}

HttpResponse ListWorkItems(Context& ctx, const Caller&, const HttpRequest& req, const PathParams&) {
  auto db = ctx.pool.Acquire();
  const std::string status = QueryParam(req, "status");
  auto rows = db->Query("SELECT w.id, w.kind, w.status, w.application_id, a.uri, w.summary, "
                        "w.created_at, c.reference FROM work_items w LEFT JOIN applications a ON "
                        "a.id = w.application_id LEFT JOIN cases c ON c.id = w.case_id WHERE (? = "
                        "'' OR w.status = ?) ORDER BY w.id",
                        {store::Value(status), store::Value(status)});
  if (!rows) {
    return FromError(rows.error());
  }
  Json list = Json::Array();
  for (const store::Row& r : *rows) {
    Json j = Json::Object();
    j.Set("id", Json(r.Int(0))).Set("kind", Json(r.Text(1))).Set("status", Json(r.Text(2)));
    j.Set("application_id", r.IsNull(3) ? Json() : Json(r.Int(3)));
    j.Set("uri", r.IsNull(4) ? Json() : Json(r.Text(4)));
    j.Set("summary", Json(r.Text(5))).Set("created_at", Json(r.Text(6)));
    j.Set("case_reference", r.IsNull(7) ? Json() : Json(r.Text(7)));
    list.Push(std::move(j));
  }
  Json out = Json::Object();
  out.Set("work_items", std::move(list));
  return JsonResponse(kOk, out);
}

}  // namespace childmaint::api
