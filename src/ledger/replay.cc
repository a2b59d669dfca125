// The replay behind every ledger figure; the rules are listed in replay.h.
#include "ledger/replay.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "base/check.h"

namespace childmaint::ledger {

namespace {

using Target = AllocationLine::Target;

// Credit held, from one payment (or adjustment credit), consumed oldest first.
struct Chunk {
  std::int64_t source_id = 0;
  bool is_payment = false;
  Date arose_on;
  Money remaining;
};

// The postings that count as of as_of, by (effective_on, id): see replay.h.
std::vector<const Posting*> EffectivePostings(std::span<const Posting> postings, Date as_of) {
  std::vector<const Posting*> by_id;
  by_id.reserve(postings.size());
  for (const Posting& p : postings) {
    by_id.push_back(&p);
  }
  std::sort(by_id.begin(), by_id.end(),
            [](const Posting* a, const Posting* b) { return a->id < b->id; });
  for (std::size_t i = 1; i < by_id.size(); ++i) {
    CMS_CHECK(by_id[i - 1]->id != by_id[i]->id) << "duplicate posting id " << by_id[i]->id;
  }
  const auto find = [&](std::int64_t id) -> const Posting* {
    const auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                                     [](const Posting* p, std::int64_t v) { return p->id < v; });
    return it != by_id.end() && (*it)->id == id ? *it : nullptr;
  };
  // The reversal that counts for each reversed posting: the lowest id. by_id is in id order and
  // the sort is stable, so the first pair of each target is that reversal.
  std::vector<std::pair<std::int64_t, const Posting*>> reversal_of;  // target id -> reversal
  for (const Posting* r : by_id) {
    if (r->kind != PostingKind::kReversal || !r->reverses.has_value() ||
        r->amount <= Money::Pence(0)) {
      continue;
    }
    const Posting* target = find(*r->reverses);
    if (target != nullptr && target->kind != PostingKind::kReversal) {
      reversal_of.emplace_back(target->id, r);
    }
  }
  std::stable_sort(reversal_of.begin(), reversal_of.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  reversal_of.erase(std::unique(reversal_of.begin(), reversal_of.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    reversal_of.end());
  const auto cancelled = [&](std::int64_t id) {
    const auto it = std::lower_bound(reversal_of.begin(), reversal_of.end(), id,
                                     [](const auto& e, std::int64_t v) { return e.first < v; });
    return it != reversal_of.end() && it->first == id && it->second->effective_on <= as_of;
  };
  std::vector<const Posting*> out;
  for (const Posting* p : by_id) {
    if (p->kind != PostingKind::kReversal && p->effective_on <= as_of &&
        p->amount > Money::Pence(0) && !cancelled(p->id)) {
      out.push_back(p);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Posting* a, const Posting* b) {
    return a->effective_on < b->effective_on;
  });
  return out;
}

class Replayer {
 public:
  explicit Replayer(Date as_of) { r_.as_of = as_of; }

  // A due (schedule, initial arrears, adjustment, refund excess) falls due; credit pays it.
  void FallDue(Date on, Money amount, DueItem::Origin origin, std::int64_t posting_id) {
    r_.items.push_back(DueItem{on, amount, amount, origin, posting_id});
    if (origin == DueItem::Origin::kSchedule && (!current_date_ || on > *current_date_)) {
      current_date_ = on;
      current_begin_ = r_.items.size() - 1;
    }
    const std::size_t i = r_.items.size() - 1;
    while (r_.items[i].unpaid > Money() && credit_head_ < credit_.size()) {
      Chunk& c = credit_[credit_head_];
      const Money take = std::min(c.remaining, r_.items[i].unpaid);
      c.remaining -= take;
      r_.items[i].unpaid -= take;
      if (c.is_payment) {
        Line(c.source_id, on, take, TargetOf(r_.items[i]));
      }
      if (c.remaining == Money()) {
        ++credit_head_;
      }
    }
  }

  void Apply(const Posting& p) {
    switch (p.kind) {
      case PostingKind::kPaymentReceived: {
        r_.paid += p.amount;
        Money left = SettleItems(p.amount, &p, /*current_first=*/true);
        left = PayCharges(left, p.id);
        AddCredit(p, /*is_payment=*/true, left);
        break;
      }
      case PostingKind::kEnforcementCharge:
        r_.charge_items.push_back(
            ChargeItem{p.id, p.effective_on, p.reference, p.amount, Money(), Money()});
        r_.charges += p.amount;
        break;
      case PostingKind::kChargeWaived:
        Waive(p);
        break;
      case PostingKind::kAdjustment:
        r_.due += p.amount;
        FallDue(p.effective_on, p.amount, DueItem::Origin::kAdjustment, p.id);
        break;
      case PostingKind::kAdjustmentCredit: {
        r_.due -= p.amount;
        const Money left = SettleItems(p.amount, nullptr, /*current_first=*/true);
        AddCredit(p, /*is_payment=*/false, left);
        break;
      }
      case PostingKind::kWriteOff:
        r_.written_off += p.amount - SettleItems(p.amount, nullptr, /*current_first=*/false);
        break;
      case PostingKind::kOverpaymentRefunded:
        Refund(p);
        break;
      case PostingKind::kReversal:
        break;  // filtered out before the replay
    }
  }

  void AddSchedule(const Due& d) {
    r_.due += d.amount;
    FallDue(d.due_on, d.amount,
            d.initial_arrears ? DueItem::Origin::kInitialArrears : DueItem::Origin::kSchedule, 0);
  }

  // The remaining-credit lines go last, in replay order of the chunks (so by payment).
  ReplayResult Finish() && {
    for (std::size_t i = credit_head_; i < credit_.size(); ++i) {
      const Chunk& c = credit_[i];
      r_.credit += c.remaining;
      if (c.is_payment && c.remaining > Money()) {
        r_.lines.push_back(AllocationLine{c.source_id, c.arose_on, c.remaining, Target::kCredit});
      }
    }
    for (const DueItem& item : r_.items) {
      r_.arrears += item.unpaid;
    }
    return std::move(r_);
  }

 private:
  bool IsCurrent(const DueItem& item) const {
    return item.origin == DueItem::Origin::kSchedule && current_date_ &&
           item.due_on == *current_date_;
  }
  Target TargetOf(const DueItem& item) const {
    return IsCurrent(item) ? Target::kCurrent : Target::kArrears;
  }

  void Line(std::int64_t payment_id, Date due_on, Money amount, Target target) {
    r_.lines.push_back(AllocationLine{payment_id, due_on, amount, target});
  }

  Money PayItem(DueItem& item, Money money, const Posting* payer) {
    const Money take = std::min(money, item.unpaid);
    if (take > Money()) {
      item.unpaid -= take;
      if (payer != nullptr) {
        Line(payer->id, item.due_on, take, TargetOf(item));
      }
    }
    return money - take;
  }

  // Pays unpaid items with `money`: the current ones first when asked, then oldest first. Lines
  // are written for a payer (payments only). Returns what is left.
  Money SettleItems(Money money, const Posting* payer, bool current_first) {
    std::vector<DueItem>& items = r_.items;
    if (current_first && current_date_) {
      for (std::size_t i = current_begin_; i < items.size() && money > Money(); ++i) {
        if (IsCurrent(items[i])) {
          money = PayItem(items[i], money, payer);
        }
      }
    }
    for (std::size_t i = first_unpaid_; i < items.size() && money > Money(); ++i) {
      money = PayItem(items[i], money, payer);
    }
    while (first_unpaid_ < items.size() && items[first_unpaid_].unpaid == Money()) {
      ++first_unpaid_;
    }
    return money;
  }

  // Enforcement charges, oldest first, from what a payment has left after maintenance.
  Money PayCharges(Money money, std::int64_t payment_id) {
    for (ChargeItem& c : r_.charge_items) {
      if (money == Money()) {
        break;
      }
      const Money take = std::min(money, c.Outstanding());
      if (take > Money()) {
        c.paid += take;
        r_.charges_paid += take;
        money -= take;
        Line(payment_id, c.charged_on, take, Target::kCharge);
      }
    }
    return money;
  }

  void AddCredit(const Posting& p, bool is_payment, Money amount) {
    if (amount > Money()) {
      credit_.push_back(Chunk{p.id, is_payment, p.effective_on, amount});
    }
  }

  // Same reference first, then oldest first; never more than is outstanding.
  void Waive(const Posting& p) {
    Money left = p.amount;
    for (const bool same_reference_pass : {true, false}) {
      for (ChargeItem& c : r_.charge_items) {
        if (same_reference_pass && (p.reference.empty() || c.reference != p.reference)) {
          continue;
        }
        const Money take = std::min(left, c.Outstanding());
        c.waived += take;
        r_.charges -= take;
        left -= take;
      }
    }
  }

  // Oldest credit first; an excess over the credit held is owed again from the refund's date.
  void Refund(const Posting& p) {
    r_.refunded += p.amount;
    Money left = p.amount;
    while (left > Money() && credit_head_ < credit_.size()) {
      Chunk& c = credit_[credit_head_];
      const Money take = std::min(left, c.remaining);
      c.remaining -= take;
      left -= take;
      if (c.is_payment) {
        Line(c.source_id, p.effective_on, take, Target::kRefunded);
      }
      if (c.remaining == Money()) {
        ++credit_head_;
      }
    }
    if (left > Money()) {
      FallDue(p.effective_on, left, DueItem::Origin::kRefundExcess, p.id);
    }
  }

  ReplayResult r_;
  std::vector<Chunk> credit_;
  std::size_t credit_head_ = 0;
  std::size_t first_unpaid_ = 0;
  std::optional<Date> current_date_;  // latest instalment date fallen due so far
  std::size_t current_begin_ = 0;     // index of the first instalment of current_date_
};

}  // namespace

ReplayResult Replay(std::span<const Due> dues, std::span<const Posting> postings, Date as_of) {
  std::vector<const Due*> ds;
  ds.reserve(dues.size());
  for (const Due& d : dues) {
    CMS_CHECK(d.amount >= Money()) << "negative due on " << d.due_on.ToIso();
    if (d.due_on <= as_of) {
      ds.push_back(&d);
    }
  }
  std::stable_sort(ds.begin(), ds.end(),
                   [](const Due* a, const Due* b) { return a->due_on < b->due_on; });
  const std::vector<const Posting*> ps = EffectivePostings(postings, as_of);

  Replayer replayer(as_of);
  std::size_t di = 0;
  std::size_t pi = 0;
  while (di < ds.size() || pi < ps.size()) {
    // A day's dues fall due before that day's postings.
    if (di < ds.size() && (pi == ps.size() || ds[di]->due_on <= ps[pi]->effective_on)) {
      replayer.AddSchedule(*ds[di++]);
    } else {
      replayer.Apply(*ps[pi++]);
    }
  }
  return std::move(replayer).Finish();
}

}  // namespace childmaint::ledger
