// `childmaint review --as-of DATE`: the annual review (service.md §5), once per paying parent.
// Every active case whose next_review_date is on or before DATE is due; a paying parent with a
// due case has all their live cases reviewed together: one calculation apportioned between them
// (contract rule 9), effective from the latest anniversary on or before DATE of the earliest IED
// among them (the shared review date, INTERP-111), from the latest income figure they hold: the
// paying_parent object of the most recent decision's request (no income feed exists yet). Each
// case keeps its own children and nights (its entry in its current request) and gets its own
// decision from that calculation. Last line of stdout: "reviewed N cases in T s".
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "base/clock.h"
#include "cases/annual_review.h"
#include "cases/linked_cases.h"
#include "cli/service_commands.h"
#include "cli/setup.h"
#include "law/parameter_set.h"
#include "store/case_repository.h"

namespace childmaint::cli {

namespace {

constexpr int kExitFailure = 1;
constexpr std::size_t kBatch = 1000;
constexpr int kBarWidth = 40;

// Due cases, and every live case of a paying parent with several live cases (whether due or not:
// the calculation is one), oldest first; `due` says which are due.
constexpr std::string_view kCases =
    "SELECT c.id, c.reference, c.initial_effective_date, c.payment_frequency, d.request, "
    "d.weekly_pence, d.first_payment_date, c.collection, p.ni_number, d.id, "
    "(c.next_review_date IS NOT NULL AND c.next_review_date <= ?) AS due FROM cases c "
    "JOIN decisions d ON d.id = (SELECT MAX(id) FROM decisions WHERE case_id = c.id) "
    "LEFT JOIN parties p ON p.case_id = c.id AND p.role = 'paying_parent' "
    "WHERE c.status = 'active' AND ((c.next_review_date IS NOT NULL AND c.next_review_date <= ?) "
    "OR p.ni_number IN (SELECT ni_number FROM parties WHERE role = 'paying_parent' AND "
    "ni_number IS NOT NULL AND case_id IN (SELECT id FROM cases WHERE status = 'active') "
    "GROUP BY ni_number HAVING COUNT(*) > 1)) ORDER BY c.id";

enum Column : std::size_t {
  kId,
  kReference,
  kIed,
  kFrequency,
  kRequest,
  kWeekly,
  kFirstPayment,
  kCollection,
  kNiNumber,
  kDecisionId,
  kDue
};

struct Reviewed {
  std::int64_t case_id;
  cases::Decision decision;
  Date next_review;
  std::int64_t linked_cases;
};

// A case of the group, read from its row.
struct Member {
  const store::Row* row;
  Date ied;
  Json request;
};

void Progress(std::size_t done, std::size_t total) {
  const auto filled = total == 0 ? kBarWidth : static_cast<int>(done * kBarWidth / total);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "========================================",
               kBarWidth - filled, "", done, total);
}

// The rows grouped by paying parent (NI number; a case without one is its own group), in the
// order of each group's oldest case; groups without a due case are left out.
std::vector<std::vector<const store::Row*>> GroupByPayingParent(
    const std::vector<store::Row>& rows) {
  std::vector<std::vector<const store::Row*>> groups;
  std::unordered_map<std::string, std::size_t> by_ni;
  for (const store::Row& row : rows) {
    if (row.IsNull(kNiNumber)) {
      groups.push_back({&row});
      continue;
    }
    const auto [it, added] = by_ni.try_emplace(row.Text(kNiNumber), groups.size());
    if (added) {
      groups.emplace_back();
    }
    groups[it->second].push_back(&row);
  }
  std::erase_if(groups, [](const std::vector<const store::Row*>& g) {
    return std::none_of(g.begin(), g.end(), [](const store::Row* r) { return r->Int(kDue) != 0; });
  });
  return groups;
}

// Reviews one paying parent's cases: appends one decision per case to `out`.
Status ReviewGroup(const std::vector<const store::Row*>& group, Date as_of, const std::string& now,
                   cases::SharedCalculator& calculator, std::vector<Reviewed>& out) {
  calculator.Clear();
  std::vector<Member> members;
  std::vector<Date> ieds;
  const Member* latest = nullptr;
  for (const store::Row* row : group) {
    CMS_ASSIGN_OR_RETURN(const Date ied, Date::ParseIso(row->Text(kIed)));
    CMS_ASSIGN_OR_RETURN(Json req, Json::Parse(row->Text(kRequest)));
    members.push_back(Member{row, ied, std::move(req)});
    ieds.push_back(ied);
  }
  for (const Member& m : members) {
    latest = latest == nullptr || latest->row->Int(kDecisionId) < m.row->Int(kDecisionId) ? &m
                                                                                         : latest;
  }
  CMS_ASSIGN_OR_RETURN(const auto dates, cases::SharedReviewDates(ieds, as_of));
  if (!dates) {
    return Error::Make(ErrorCode::kFailedPrecondition, "review.not_due", "no anniversary due");
  }
  // A lone case whose request is its own: the same request from the new date (the fast path).
  const Json* rps = members.front().request.Find("receiving_parents");
  const Json* only_id = rps != nullptr && rps->size() == 1 ? rps->items().front().Find("id")
                                                           : nullptr;
  const bool alone = members.size() == 1 && only_id != nullptr &&
                     only_id->AsString() == members.front().row->Text(kReference);
  std::vector<cases::CalcReceivingParent> parents;
  if (!alone) {
    for (const Member& m : members) {
      const std::string reference = m.row->Text(kReference);
      parents.push_back({reference, cases::ChildrenInRequest(m.request, reference)});
      if (parents.back().children.empty()) {
        return Error::Make(ErrorCode::kFailedPrecondition, "review.no_children",
                           "case " + reference + " has no children in its current request");
      }
    }
  }
  const Json* paying_parent = latest->request.Find("paying_parent");
  for (Member& m : members) {
    const store::Row& row = *m.row;
    const std::string reference = row.Text(kReference);
    // A case linked after the shared anniversary is reviewed from its own IED (INTERP-111).
    const Date effective = std::max(dates->effective, m.ied);
    CMS_ASSIGN_OR_RETURN(const schedule::Frequency f,
                         schedule::ParseFrequency(row.Text(kFrequency)));
    CMS_ASSIGN_OR_RETURN(const Date old_first, Date::ParseIso(row.Text(kFirstPayment)));
    const cases::SharedCalculation* shared = nullptr;
    if (alone) {
      m.request.Set("effective_date", Json(effective.ToIso()));
      CMS_ASSIGN_OR_RETURN(shared, calculator.CalculateText(m.request.Dump()));
    } else {
      const calc::Collection collection = row.Text(kCollection) == "collect_and_pay"
                                              ? calc::Collection::kCollectAndPay
                                              : calc::Collection::kDirectPay;
      CMS_ASSIGN_OR_RETURN(shared, calculator.Calculate(effective,
                                                        paying_parent != nullptr ? *paying_parent
                                                                                 : Json::Object(),
                                                        parents, collection));
    }
    Reviewed r{row.Int(kId), {}, dates->next_review, static_cast<std::int64_t>(members.size())};
    cases::Decision& d = r.decision;
    d.kind = "annual_review";
    d.effective_date = effective;
    CMS_ASSIGN_OR_RETURN(d.first_payment_date,
                         cases::FirstPaymentOnOrAfter(old_first, f, effective));
    d.weekly = shared->PaysFor(reference);
    d.previous_weekly = Money::Pence(row.Int(kWeekly));
    d.request = shared->request;
    d.response = shared->response;
    d.notified_on = as_of;
    d.created_at = now;
    d.created_by = "system:annual_review";
    out.push_back(std::move(r));
  }
  return Ok();
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
  auto rows = db->Query(kCases, {store::Value(as_of.ToIso()), store::Value(as_of.ToIso())});
  if (!rows) {
    std::fprintf(stderr, "childmaint: %s\n", rows.error().message.c_str());
    return kExitFailure;
  }
  const bool tty = isatty(STDERR_FILENO) != 0;
  const std::string now = IsoTimestamp(SystemClock::Get().NowUnixSeconds());
  cases::SharedCalculator calculator(*law);
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
        if (r.linked_cases > 1) {
          detail.Set("linked_cases", Json(r.linked_cases - 1));
        }
        CMS_TRY(store::Audit(*db, r.decision.created_by, "decision_made", r.case_id, detail,
                             r.decision.created_at));
      }
      return Ok();
    });
    batch.clear();
    return s;
  };
  const auto groups = GroupByPayingParent(*rows);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::size_t before = batch.size();
    if (Status s = ReviewGroup(groups[i], as_of, now, calculator, batch); !s) {
      batch.resize(before);
      failed += groups[i].size();
      std::string refs;
      for (const store::Row* row : groups[i]) {
        refs += (refs.empty() ? "" : ", ") + row->Text(kReference);
      }
      std::fprintf(stderr, "%scase %s not reviewed: %s\n", tty ? "\n" : "", refs.c_str(),
                   s.error().message.c_str());
    } else {
      reviewed += batch.size() - before;
    }
    if (batch.size() >= kBatch || i + 1 == groups.size()) {
      if (Status w = flush(); !w) {
        std::fprintf(stderr, "childmaint: %s\n", w.error().message.c_str());
        return kExitFailure;
      }
      if (tty) {
        Progress(i + 1, groups.size());
      }
    }
  }
  if (tty && !groups.empty()) {
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
