// File: handler_util.h — pieces the handlers share: loading a case the caller may see, rendering
// a case without what the caller may not see, running a handler in one transaction.
#pragma once

#include <functional>
#include <string>

#include "api/context.h"
#include "api/http_types.h"
#include "base/json.h"
#include "cases/model.h"
#include "ledger/ledger.h"
#include "store/db.h"

namespace childmaint::api {

// The case at `reference` if the caller may see it: a caseworker, or a parent of the case.
// Anything else — malformed, failing its check digit, absent, someone else's — is kNotFound.
Result<cases::Case> LoadCaseFor(store::Db& db, const Caller& caller, std::string_view reference);

// The case as api.md's GET /cases/{ref} shows it to this caller: a parent never receives the
// address, phone, email, NI number, date of birth, employer or bank details of the other party
// when that party has domestic-abuse protection (the name is shown).
Json CaseJson(const cases::Case& c, const Caller& caller);
// A decision as the API shows it. For a parent of case `parent_of` (empty: a caseworker), other
// cases' references in a linked calculation are replaced (cases::WithoutOtherReferences).
Json DecisionJson(const cases::Decision& d, std::string_view parent_of = {});

// A read-only answer about the case the caller may see: fn's JSON as 200, or its error.
// GET one list of a case: `sql` selects its rows with the case id as its one parameter; the answer
// is {key: [render(row), ...]}.
HttpResponse ListCaseRows(Context& ctx, const Caller& caller, std::string_view reference,
                          const std::string& sql, std::string_view key,
                          const std::function<Json(const store::Row&)>& render);
HttpResponse ReadCase(Context& ctx, const Caller& caller, std::string_view reference,
                      const std::function<Result<Json>(store::Db&, const cases::Case&)>& fn);

// The case's statement as of d (ledger::StatementAsOf over its dues and postings).
Result<ledger::Statement> StatementOn(const Context& ctx, store::Db& db, const cases::Case& c,
                                      Date d);

// Validates a posting against the case's dues and postings (ledger::ValidateNew) and writes it;
// returns it with its id and recording time.
Result<ledger::Posting> PostOn(const Context& ctx, store::Db& db, const Caller& caller,
                               const cases::Case& c, ledger::Posting posting);
Json PostingJson(const ledger::Posting& p);

// Runs fn in one write transaction; its error becomes the problem response and nothing changes.
HttpResponse InTransaction(Context& ctx, const std::function<Result<HttpResponse>(store::Db&)>& fn);

// The 52-week reference period in force on d (law/csa1991/s29_reference_period.yaml).
Result<std::int64_t> ReferenceWeeks(const Context& ctx, Date d);

std::string NowIso(const Context& ctx);

// A whole number from 0 to max written in digits, or none.
std::optional<std::int64_t> ParseWhole(std::string_view text, std::int64_t max);
// Query parameters: absent gives nothing (or `fallback`); a bad one is kInvalidArgument naming it.
Result<std::optional<Date>> DateParam(const HttpRequest& req, std::string_view name);
Result<std::int64_t> IntParam(const HttpRequest& req, std::string_view name, std::int64_t fallback,
                              std::int64_t min, std::int64_t max);
// A read-only answer: 200 with fn's JSON, or its error as a problem.
HttpResponse ReadJson(Context& ctx, const std::function<Result<Json>(store::Db&)>& fn);

}  // namespace childmaint::api
