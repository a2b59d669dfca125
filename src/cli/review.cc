// `childmaint review --as-of DATE`: the annual review (service.md §5). Every active case whose
// next_review_date is on or before DATE is recalculated once, effective from the latest
// anniversary of its IED on or before DATE, from the latest income figure the case holds: the
// paying_parent object of its current decision's request (INTERP: no income feed exists yet).
// The request is otherwise the current one (same receiving parents, children and nights); each
// case is its own calculation. Last line of stdout: "reviewed N cases in T s".
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "base/clock.h"
#include "calc/calculate.h"
#include "cases/annual_review.h"
#include "cli/service_commands.h"
#include "cli/setup.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "law/parameter_set.h"
#include "store/case_repository.h"

namespace childmaint::cli {

namespace {

constexpr int kExitFailure = 1;
constexpr std::size_t kBatch = 1000;
constexpr int kBarWidth = 40;

constexpr std::string_view kDueCases =
    "SELECT c.id, c.reference, c.initial_effective_date, c.payment_frequency, d.request, "
    "d.weekly_pence, d.first_payment_date FROM cases c JOIN decisions d ON d.id = "
    "(SELECT MAX(id) FROM decisions WHERE case_id = c.id) WHERE c.status = 'active' AND "
    "c.next_review_date IS NOT NULL AND c.next_review_date <= ? ORDER BY c.id";

struct Reviewed {
  std::int64_t case_id;
  cases::Decision decision;
  Date next_review;
};

void Progress(std::size_t done, std::size_t total) {
  const auto filled = total == 0 ? kBarWidth : static_cast<int>(done * kBarWidth / total);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "========================================",
               kBarWidth - filled, "", done, total);
}

}  // namespace

int RunReview(const ReviewOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto law = LoadLaw();
  const auto as_of_date = AsOf(options.as_of);
  if (!law || !as_of_date) {
    return kExitFailure;
  }
  const Date as_of = *as_of_date;
  const auto pool = OpenDatabase(options.db, 1);
  if (!pool) {
    return kExitFailure;
  }
  auto db = pool->Acquire();
  auto rows = db->Query(kDueCases, {store::Value(as_of.ToIso())});
  if (!rows) {
    std::fprintf(stderr, "childmaint: %s\n", rows.error().message.c_str());
    return kExitFailure;
  }
  const bool tty = isatty(STDERR_FILENO) != 0;
  const std::string now = IsoTimestamp(SystemClock::Get().NowUnixSeconds());
  contract::RequestReader reader(*law);
  calc::Request request;
  calc::Result result;
  calc::Trace trace(true);
  std::vector<Reviewed> batch;
  batch.reserve(kBatch);
  std::size_t reviewed = 0;
  std::size_t failed = 0;
  auto flush = [&]() -> Status {
    Status s = store::InTransaction(*db, [&]() -> Status {
      for (const Reviewed& r : batch) {
        CMS_ASSIGN_OR_RETURN(const std::int64_t id, store::InsertDecision(*db, r.case_id, r.decision));
        CMS_TRY(db->Exec("UPDATE cases SET next_review_date = ? WHERE id = ?",
                         {store::Value(r.next_review.ToIso()), store::Value(r.case_id)}));
        // Every state change is in the audit trail: one row per case reviewed.
        Json detail = Json::Object();
        detail.Set("decision_id", Json(id)).Set("kind", Json("annual_review"));
        detail.Set("weekly_pence", Json(r.decision.weekly.pence()));
        detail.Set("next_review_date", Json(r.next_review.ToIso()));
        CMS_TRY(store::Audit(*db, r.decision.created_by, "decision_made", r.case_id, detail,
                             r.decision.created_at));
      }
      return Ok();
    });
    batch.clear();
    return s;
  };
  const std::vector<store::Row>& due = *rows;
  for (std::size_t i = 0; i < due.size(); ++i) {
    const store::Row& row = due[i];
    const std::string reference = row.Text(1);
    auto s = [&]() -> Status {
      CMS_ASSIGN_OR_RETURN(const Date ied, Date::ParseIso(row.Text(2)));
      CMS_ASSIGN_OR_RETURN(const schedule::Frequency f, schedule::ParseFrequency(row.Text(3)));
      CMS_ASSIGN_OR_RETURN(const Date old_first, Date::ParseIso(row.Text(6)));
      CMS_ASSIGN_OR_RETURN(const auto latest, cases::LatestAnniversaryOnOrBefore(ied, as_of));
      if (!latest) {
        return Error::Make(ErrorCode::kFailedPrecondition, "review.not_due", "no anniversary due");
      }
      CMS_ASSIGN_OR_RETURN(Json req, Json::Parse(row.Text(4)));
      req.Set("effective_date", Json(latest->ToIso()));
      Reviewed r{row.Int(0), {}, {}};
      cases::Decision& d = r.decision;
      d.request = req.Dump();
      trace.Clear();
      CMS_TRY(reader.ReadString(d.request, request));
      CMS_TRY(calc::Calculate(request, *law, result, trace));
      contract::WriteResponse(request, result, &trace, d.response);
      d.kind = "annual_review";
      d.effective_date = *latest;
      CMS_ASSIGN_OR_RETURN(d.first_payment_date, cases::FirstPaymentOnOrAfter(old_first, f, *latest));
      d.weekly = result.receiving_parents.front().paying_parent_pays;
      for (std::size_t k = 0; k < request.receiving_parents.size(); ++k) {
        if (request.receiving_parents[k].id == reference) {
          d.weekly = result.receiving_parents[k].paying_parent_pays;
        }
      }
      d.previous_weekly = Money::Pence(row.Int(5));
      d.notified_on = as_of;
      d.created_at = now;
      d.created_by = "system:annual_review";
      CMS_ASSIGN_OR_RETURN(r.next_review, cases::NextAnniversaryAfter(ied, *latest));
      batch.push_back(std::move(r));
      return Ok();
    }();
    if (!s) {
      ++failed;
      std::fprintf(stderr, "%scase %s not reviewed: %s\n", tty ? "\n" : "", reference.c_str(),
                   s.error().message.c_str());
    } else {
      ++reviewed;
    }
    if (batch.size() >= kBatch || i + 1 == due.size()) {
      if (Status w = flush(); !w) {
        std::fprintf(stderr, "childmaint: %s\n", w.error().message.c_str());
        return kExitFailure;
      }
      if (tty) {
        Progress(i + 1, due.size());
      }
    }
  }
  if (tty && !due.empty()) {
    std::fprintf(stderr, "\n");
  }
  Json detail = Json::Object();
  detail.Set("as_of", Json(as_of.ToIso())).Set("reviewed", Json(static_cast<std::int64_t>(reviewed)));
  detail.Set("failed", Json(static_cast<std::int64_t>(failed)));
  (void)store::InTransaction(*db, [&]() -> Status {
    return store::Audit(*db, "system", "annual_review_run", std::nullopt, detail, now);
  });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (failed > 0) {
    std::printf("%zu cases could not be reviewed (see stderr)\n", failed);
  }
  std::printf("reviewed %zu cases in %.2f s\n", reviewed, seconds);
  return failed > 0 ? kExitFailure : 0;
}

}  // namespace childmaint::cli
