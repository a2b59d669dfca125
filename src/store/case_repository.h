// File: case_repository.h — loading and saving cases, decisions, postings and the audit trail.
//
// Written once in portable SQL over Db (db.h), so a PostgreSQL connection works unchanged. Every
// function runs inside the caller's transaction (InTransaction): a request that fails changes
// nothing. Errors: kNotFound "case.not_found"; others from Db.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "cases/model.h"
#include "cases/references.h"
#include "ledger/posting.h"
#include "store/db.h"

namespace childmaint::store {

// The next value of a named counter (1, 2, ...): case reference sequence, URIs.
Result<std::int64_t> NextSequence(Db& db, std::string_view name);

Result<cases::Case> LoadCase(Db& db, std::string_view reference);
Result<cases::Case> LoadCaseById(Db& db, std::int64_t id);
// Inserts the case, its parties and children; fills in ids and the reference.
Status InsertCase(Db& db, cases::Case& c, std::string_view created_at);
Status SaveCaseStatus(Db& db, const cases::Case& c);  // status, fee, dates, collection, frequency
Status SaveParty(Db& db, std::int64_t case_id, const cases::Party& p);
Status SaveChild(Db& db, const cases::Child& child);
Result<std::int64_t> InsertDecision(Db& db, std::int64_t case_id, const cases::Decision& d);

// Cases whose paying parent has this NI number (linked cases: one calculation, rule 9).
Result<std::vector<std::string>> CasesOfPayingParent(Db& db, std::string_view ni_number);

Result<std::vector<ledger::Posting>> LoadPostings(Db& db, std::int64_t case_id);
Result<std::int64_t> InsertPosting(Db& db, std::int64_t case_id, const ledger::Posting& p,
                                   std::string_view recorded_by);

// Idempotency keys (api.md): the stored answer to (case, key), if any.
struct StoredAnswer {
  std::string request_hash;
  int status = 0;
  std::string body;
};
Result<std::optional<StoredAnswer>> FindAnswer(Db& db, std::int64_t case_id, std::string_view key);
Status StoreAnswer(Db& db, std::int64_t case_id, std::string_view key, const StoredAnswer& a);

// The audit trail: who, when, what. `detail` never holds protected personal details.
Status Audit(Db& db, std::string_view actor, std::string_view action,
             std::optional<std::int64_t> case_id, const Json& detail, std::string_view at);

}  // namespace childmaint::store
