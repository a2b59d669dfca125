#include "store/case_repository.h"

namespace childmaint::store {

namespace {

std::optional<Date> OptDate(const Row& r, std::size_t i) {
  if (r.IsNull(i)) {
    return std::nullopt;
  }
  auto d = Date::ParseIso(r.Text(i));
  return d ? std::optional<Date>(*d) : std::nullopt;
}

Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToIso()) : Value(); }

template <std::size_t N>
std::size_t IndexOf(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) {
      return i;
    }
  }
  return 0;
}

constexpr std::string_view kCaseColumns =
    "SELECT id, reference, status, collection, payment_frequency, fee_status, fee_pence, "
    "fee_waiver_reason, initial_effective_date, next_review_date, closed_on FROM cases ";

Result<cases::Case> LoadWhere(Db& db, std::string_view where, const Value& key) {
  CMS_ASSIGN_OR_RETURN(std::optional<Row> row,
                       db.MaybeOne(std::string(kCaseColumns) + std::string(where), {key}));
  if (!row) {
    return Error::Make(ErrorCode::kNotFound, "case.not_found", "no such case");
  }
  cases::Case c;
  c.id = row->Int(0);
  c.reference = row->Text(1);
  c.status = cases::ParseCaseState(row->Text(2)).value_or(cases::CaseState::kAwaitingDecision);
  c.collection = row->Text(3) == "collect_and_pay" ? calc::Collection::kCollectAndPay
                                                   : calc::Collection::kDirectPay;
  c.frequency = schedule::ParseFrequency(row->Text(4)).value_or(schedule::Frequency::kMonthly);
  c.fee_status = static_cast<cases::FeeStatus>(IndexOf(cases::kFeeStatusNames, row->Text(5)));
  c.fee = Money::Pence(row->Int(6));
  c.fee_waiver_reason = row->OptText(7);
  c.initial_effective_date = OptDate(*row, 8);
  c.next_review_date = OptDate(*row, 9);
  c.closed_on = OptDate(*row, 10);

  CMS_ASSIGN_OR_RETURN(
      auto parties,
      db.Query("SELECT id, role, is_applicant, name, date_of_birth, ni_number, address_line1, "
               "address_town, address_postcode, phone, email, employer, bank_details, "
               "domestic_abuse, pin_hash FROM parties WHERE case_id = ? ORDER BY id",
               {Value(c.id)}));
  for (const Row& r : parties) {
    cases::Party p;
    p.id = r.Int(0);
    p.role = static_cast<cases::Role>(IndexOf(cases::kRoleNames, r.Text(1)));
    p.is_applicant = r.Int(2) != 0;
    p.name = r.Text(3);
    p.date_of_birth = OptDate(r, 4);
    p.ni_number = r.OptText(5);
    if (!r.IsNull(6)) {
      p.address = cases::Address{r.Text(6), r.Text(7), r.Text(8)};
    }
    p.phone = r.OptText(9);
    p.email = r.OptText(10);
    p.employer = r.OptText(11);
    p.bank_details = r.OptText(12);
    p.domestic_abuse = r.Int(13) != 0;
    p.pin_hash = r.OptText(14);
    c.parties.push_back(std::move(p));
  }
  CMS_ASSIGN_OR_RETURN(
      auto children,
      db.Query("SELECT id, child_key, name, date_of_birth, in_education_until, "
               "stopped_qualifying_on FROM children WHERE case_id = ? ORDER BY id",
               {Value(c.id)}));
  for (const Row& r : children) {
    c.children.push_back(cases::Child{r.Int(0), r.Text(1), r.Text(2),
                                      OptDate(r, 3).value_or(Date()), OptDate(r, 4),
                                      OptDate(r, 5)});
  }
  CMS_ASSIGN_OR_RETURN(
      auto decisions,
      db.Query("SELECT id, kind, effective_date, first_payment_date, weekly_pence, "
               "previous_weekly_pence, request, response, notified_on, created_at, created_by "
               "FROM decisions WHERE case_id = ? ORDER BY id",
               {Value(c.id)}));
  for (const Row& r : decisions) {
    c.decisions.push_back(cases::Decision{
        r.Int(0), r.Text(1), OptDate(r, 2).value_or(Date()), OptDate(r, 3).value_or(Date()),
        Money::Pence(r.Int(4)), Money::Pence(r.Int(5)), r.Text(6), r.Text(7),
        OptDate(r, 8).value_or(Date()), r.Text(9), r.Text(10)});
  }
  return c;
}

}  // namespace

Result<std::int64_t> NextSequence(Db& db, std::string_view name) {
  CMS_TRY(db.Exec("INSERT INTO counters (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
                  {Value(name)}));
  CMS_TRY(db.Exec("UPDATE counters SET value = value + 1 WHERE name = ?", {Value(name)}));
  CMS_ASSIGN_OR_RETURN(const Row row, db.One("SELECT value FROM counters WHERE name = ?", {Value(name)}));
  return row.Int(0);
}

Result<cases::Case> LoadCase(Db& db, std::string_view reference) {
  return LoadWhere(db, "WHERE reference = ?", Value(reference));
}

Result<cases::Case> LoadCaseById(Db& db, std::int64_t id) {
  return LoadWhere(db, "WHERE id = ?", Value(id));
}

Status SaveParty(Db& db, std::int64_t case_id, const cases::Party& p) {
  const std::vector<Value> values = {
      Value(case_id),
      Value(cases::kRoleNames[static_cast<std::size_t>(p.role)]),
      Value(p.is_applicant ? 1 : 0),
      Value(p.name),
      DateValue(p.date_of_birth),
      Value(p.ni_number),
      p.address ? Value(p.address->line1) : Value(),
      p.address ? Value(p.address->town) : Value(),
      p.address ? Value(p.address->postcode) : Value(),
      Value(p.phone),
      Value(p.email),
      Value(p.employer),
      Value(p.bank_details),
      Value(p.domestic_abuse ? 1 : 0),
      Value(p.pin_hash),
      Value(p.id)};
  return db.Exec(
      "UPDATE parties SET case_id = ?, role = ?, is_applicant = ?, name = ?, date_of_birth = ?, "
      "ni_number = ?, address_line1 = ?, address_town = ?, address_postcode = ?, phone = ?, "
      "email = ?, employer = ?, bank_details = ?, domestic_abuse = ?, pin_hash = ? WHERE id = ?",
      values);
}

Status InsertCase(Db& db, cases::Case& c, std::string_view created_at) {
  CMS_ASSIGN_OR_RETURN(const std::int64_t seq, NextSequence(db, "case_reference"));
  c.reference = cases::CaseReference(seq);
  CMS_ASSIGN_OR_RETURN(
      c.id, db.Insert("INSERT INTO cases (reference, status, collection, payment_frequency, "
                      "fee_status, fee_pence, fee_waiver_reason, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      {Value(c.reference), Value(cases::Name(c.status)),
                       Value(c.collection == calc::Collection::kCollectAndPay ? "collect_and_pay"
                                                                              : "direct_pay"),
                       Value(schedule::FrequencyName(c.frequency)),
                       Value(cases::kFeeStatusNames[static_cast<std::size_t>(c.fee_status)]),
                       Value(c.fee.pence()), Value(c.fee_waiver_reason), Value(created_at)}));
  for (cases::Party& p : c.parties) {
    CMS_ASSIGN_OR_RETURN(p.id, db.Insert("INSERT INTO parties (case_id, role, is_applicant, name) "
                                         "VALUES (?, ?, 0, '')",
                                         {Value(c.id), Value("receiving_parent")}));
    CMS_TRY(SaveParty(db, c.id, p));
  }
  for (cases::Child& child : c.children) {
    CMS_ASSIGN_OR_RETURN(
        child.id, db.Insert("INSERT INTO children (case_id, child_key, name, date_of_birth, "
                            "in_education_until) VALUES (?, ?, ?, ?, ?)",
                            {Value(c.id), Value(child.key), Value(child.name),
                             Value(child.date_of_birth.ToIso()),
                             DateValue(child.in_education_until)}));
  }
  return Ok();
}

Status SaveCaseStatus(Db& db, const cases::Case& c) {
  return db.Exec(
      "UPDATE cases SET status = ?, collection = ?, payment_frequency = ?, fee_status = ?, "
      "fee_pence = ?, fee_waiver_reason = ?, initial_effective_date = ?, next_review_date = ?, "
      "closed_on = ? WHERE id = ?",
      {Value(cases::Name(c.status)),
       Value(c.collection == calc::Collection::kCollectAndPay ? "collect_and_pay" : "direct_pay"),
       Value(schedule::FrequencyName(c.frequency)),
       Value(cases::kFeeStatusNames[static_cast<std::size_t>(c.fee_status)]),
       Value(c.fee.pence()), Value(c.fee_waiver_reason), DateValue(c.initial_effective_date),
       DateValue(c.next_review_date), DateValue(c.closed_on), Value(c.id)});
}

Status SaveChild(Db& db, const cases::Child& child) {
  return db.Exec("UPDATE children SET in_education_until = ?, stopped_qualifying_on = ? WHERE id = ?",
                 {DateValue(child.in_education_until), DateValue(child.stopped_qualifying_on),
                  Value(child.id)});
}

Result<std::int64_t> InsertDecision(Db& db, std::int64_t case_id, const cases::Decision& d) {
  return db.Insert(
      "INSERT INTO decisions (case_id, kind, effective_date, first_payment_date, weekly_pence, "
      "previous_weekly_pence, request, response, notified_on, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {Value(case_id), Value(d.kind), Value(d.effective_date.ToIso()),
       Value(d.first_payment_date.ToIso()), Value(d.weekly.pence()),
       Value(d.previous_weekly.pence()), Value(d.request), Value(d.response),
       Value(d.notified_on.ToIso()), Value(d.created_at), Value(d.created_by)});
}

Result<std::vector<std::string>> CasesOfPayingParent(Db& db, std::string_view ni_number) {
  CMS_ASSIGN_OR_RETURN(auto rows,
                       db.Query("SELECT c.reference FROM cases c JOIN parties p ON p.case_id = c.id "
                                "WHERE p.role = 'paying_parent' AND p.ni_number = ? "
                                "AND c.status <> 'closed' ORDER BY c.id",
                                {Value(ni_number)}));
  std::vector<std::string> refs;
  for (const Row& r : rows) {
    refs.push_back(r.Text(0));
  }
  return refs;
}

Result<std::vector<ledger::Posting>> LoadPostings(Db& db, std::int64_t case_id) {
  CMS_ASSIGN_OR_RETURN(auto rows,
                       db.Query("SELECT id, kind, effective_on, recorded_at, amount_pence, "
                                "reverses, method, reference FROM postings WHERE case_id = ? "
                                "ORDER BY id",
                                {Value(case_id)}));
  std::vector<ledger::Posting> out;
  for (const Row& r : rows) {
    ledger::Posting p;
    p.id = r.Int(0);
    p.kind = ledger::ParsePostingKind(r.Text(1)).value_or(ledger::PostingKind::kAdjustment);
    p.effective_on = OptDate(r, 2).value_or(Date());
    p.recorded_at = r.Int(3);
    p.amount = Money::Pence(r.Int(4));
    p.reverses = r.OptInt(5);
    p.method = r.Text(6);
    p.reference = r.Text(7);
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::int64_t> InsertPosting(Db& db, std::int64_t case_id, const ledger::Posting& p,
                                   std::string_view recorded_by) {
  return db.Insert(
      "INSERT INTO postings (case_id, kind, effective_on, recorded_at, amount_pence, reverses, "
      "method, reference, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {Value(case_id), Value(ledger::PostingKindName(p.kind)), Value(p.effective_on.ToIso()),
       Value(p.recorded_at), Value(p.amount.pence()), Value(p.reverses),
       p.method.empty() ? Value() : Value(p.method),
       p.reference.empty() ? Value() : Value(p.reference), Value(recorded_by)});
}

Result<std::optional<StoredAnswer>> FindAnswer(Db& db, std::int64_t case_id, std::string_view key) {
  CMS_ASSIGN_OR_RETURN(auto row, db.MaybeOne("SELECT request_hash, status, response FROM "
                                             "idempotency WHERE case_id = ? AND key = ?",
                                             {Value(case_id), Value(key)}));
  if (!row) {
    return std::optional<StoredAnswer>();
  }
  return std::optional<StoredAnswer>(
      StoredAnswer{row->Text(0), static_cast<int>(row->Int(1)), row->Text(2)});
}

Status StoreAnswer(Db& db, std::int64_t case_id, std::string_view key, const StoredAnswer& a) {
  return db.Exec("INSERT INTO idempotency (case_id, key, request_hash, status, response) VALUES "
                 "(?, ?, ?, ?, ?)",
                 {Value(case_id), Value(key), Value(a.request_hash), Value(a.status), Value(a.body)});
}

Status Audit(Db& db, std::string_view actor, std::string_view action,
             std::optional<std::int64_t> case_id, const Json& detail, std::string_view at) {
  return db.Exec("INSERT INTO audit (at, actor, action, case_id, detail) VALUES (?, ?, ?, ?, ?)",
                 {Value(at), Value(actor), Value(action), Value(case_id), Value(detail.Dump())});
}

}  // namespace childmaint::store
