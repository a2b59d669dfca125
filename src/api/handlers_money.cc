// Money received and its corrections: payments (Collect and Pay only) with idempotency keys, and
// reversals (service.md §4, api.md "Payments", "Conventions").
#include "api/body.h"
#include "api/handler_util.h"
#include "api/handlers.h"
#include "api/problem.h"
#include "cases/case_schedule.h"
#include "ledger/ledger.h"
#include "store/case_repository.h"

namespace childmaint::api {

namespace {

constexpr int kCreated = 201;
constexpr std::size_t kMaxKey = 200;

// Validates and writes a posting on the case; the answer is 201 with the posting.
Result<HttpResponse> Post(Context& ctx, store::Db& db, const Caller& caller, const cases::Case& c,
                          const ledger::Posting& posting, std::string_view action) {
  CMS_ASSIGN_OR_RETURN(const ledger::Posting written, PostOn(ctx, db, caller, c, posting));
  const Json out = PostingJson(written);
  CMS_TRY(store::Audit(db, caller.Actor(), action, c.id, out, NowIso(ctx)));
  return JsonResponse(kCreated, out);
}

// Idempotency-Key (api.md): the same key and body answer as the first time and record nothing;
// the same key with another body is 409.
HttpResponse Idempotent(Context& ctx, const Caller& caller, const HttpRequest& req,
                        const std::string& reference,
                        const std::function<Result<HttpResponse>(store::Db&, const cases::Case&)>& fn) {
  const std::string* key = req.Header("idempotency-key");
  if (key != nullptr && (key->empty() || key->size() > kMaxKey)) {
    return FromError(Error::Make(ErrorCode::kInvalidArgument, "invalid_field",
                                 "Idempotency-Key must be 1 to 200 characters", "Idempotency-Key"));
  }
  return InTransaction(ctx, [&](store::Db& db) -> Result<HttpResponse> {
    CMS_ASSIGN_OR_RETURN(const cases::Case c, LoadCaseFor(db, caller, reference));
    const std::string hash = Sha256Hex(req.body);
    if (key != nullptr) {
      CMS_ASSIGN_OR_RETURN(const auto stored, store::FindAnswer(db, c.id, *key));
      if (stored) {
        if (stored->request_hash != hash) {
          return Error::Make(ErrorCode::kAlreadyExists, "idempotency.key_reused",
                             "this Idempotency-Key was used with a different body");
        }
        HttpResponse again;
        again.status = stored->status;
        again.headers.emplace_back("Content-Type", "application/json");
        again.body = stored->body;
        return again;
      }
    }
    CMS_ASSIGN_OR_RETURN(HttpResponse res, fn(db, c));
    if (key != nullptr) {
      CMS_TRY(store::StoreAnswer(db, c.id, *key, store::StoredAnswer{hash, res.status, res.body}));
    }
    return res;
  });
}

}  // namespace

HttpResponse RecordPayment(Context& ctx, const Caller& caller, const HttpRequest& req,
                           const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const Date received_on = b.DateField("received_on");
  const Money amount = b.Pence("amount_pence");
  const std::string method = b.Choice(
      "method", {"bank_transfer", "debit_card", "direct_debit", "standing_order",
                 "deduction_from_earnings", "deduction_order", "benefit_deduction"});
  if (b.ok() && amount.pence() == 0) {
    b.Fail("amount_pence", "invalid_field", "must be more than 0");
  }
  if (!b.ok()) {
    return b.Problem();
  }
  return Idempotent(ctx, caller, req, p[0],
                    [&](store::Db& db, const cases::Case& c) -> Result<HttpResponse> {
                      if (c.collection != calc::Collection::kCollectAndPay) {
                        return Error::Make(
                            ErrorCode::kFailedPrecondition, "payment.direct_pay",
                            "this is a Direct Pay case: payments go between the parents; report a "
                            "missed payment, or move the case to Collect and Pay");
                      }
                      ledger::Posting posting;
                      posting.kind = ledger::PostingKind::kPaymentReceived;
                      posting.effective_on = received_on;
                      posting.amount = amount;
                      posting.method = method;
                      return Post(ctx, db, caller, c, posting, "payment_recorded");
                    });
}

// POST /cases/{ref}/postings/{id}/reversal {"reason": ...}: a correction never edits a posting;
// it adds one that cancels it.
HttpResponse ReversePosting(Context& ctx, const Caller& caller, const HttpRequest& req,
                            const PathParams& p) {
  auto root = ParseBody(req);
  if (!root) {
    return FromError(root.error());
  }
  Body b(*root);
  const std::string reason = b.Text("reason", 500);
  const std::optional<Date> on = b.OptDate("effective_on");
  if (!b.ok()) {
    return b.Problem();
  }
  return Idempotent(ctx, caller, req, p[0],
                    [&](store::Db& db, const cases::Case& c) -> Result<HttpResponse> {
                      CMS_ASSIGN_OR_RETURN(const auto existing, store::LoadPostings(db, c.id));
                      const ledger::Posting* original = nullptr;
                      for (const ledger::Posting& e : existing) {
                        original = std::to_string(e.id) == p[1] ? &e : original;
                      }
                      if (original == nullptr) {
                        return Error::Make(ErrorCode::kNotFound, "posting.not_found",
                                           "no such posting on this case");
                      }
                      ledger::Posting reversal;
                      reversal.kind = ledger::PostingKind::kReversal;
                      reversal.effective_on = on.value_or(ctx.clock.Today());
                      reversal.amount = original->amount;
                      reversal.reverses = original->id;
                      reversal.reference = reason;
                      return Post(ctx, db, caller, c, reversal, "posting_reversed");
                    });
}

}  // namespace childmaint::api
