// The fast path of request reading (plain_request_reader.h): a recursive-descent reader of the
// request's fixed shape that gives up, rather than reports, at the first thing it does not accept.
// Each rule below mirrors one in request_reader.cc; where that reader would report an error, this
// one returns false.
#include "contract/plain_request_reader.h"

#include "calc/calculate.h"
#include "contract/plain_json.h"
#include "contract/request_limits.h"

namespace childmaint::contract {

namespace {

class Plain : private PlainJson {
 public:
  Plain(std::string_view text, const law::ParameterSet& law, std::uint32_t partner_mask,
        calc::Request& out)
      : PlainJson(text), law_(law), partner_mask_(partner_mask), out_(out) {}

  bool Request() {
    enum : std::uint32_t { kDate = 1, kPp = 2, kRps = 4, kVar = 8, kColl = 16 };
    std::uint32_t seen = 0;
    const bool ok = Object([&](std::string_view key) {
      if (Is(key, "effective_date")) {
        return Once(seen, kDate) && EffectiveDate();
      }
      if (Is(key, "paying_parent")) {
        return Once(seen, kPp) && PayingParent();
      }
      if (Is(key, "receiving_parents")) {
        return Once(seen, kRps) && ReceivingParents();
      }
      if (Is(key, "variations")) {
        return Once(seen, kVar) && Variations();
      }
      if (Is(key, "collection")) {
        return Once(seen, kColl) && Collection();
      }
      return false;
    });
    return ok && AtEnd() && (seen & (kDate | kPp | kRps)) == (kDate | kPp | kRps);
  }

 private:
  static bool Once(std::uint32_t& seen, std::uint32_t bit) {
    const bool first = (seen & bit) == 0;
    seen |= bit;
    return first;
  }

  bool Pence(Money& out) {
    std::int64_t v = 0;
    if (!Whole(kMaxMoney, v)) {
      return false;
    }
    out = Money::Pence(v);
    return true;
  }

  // fn(key) reads the member's value.
  bool Id(std::string& out) {
    std::string_view s;
    if (!String(s) || s.empty() || s.size() > kMaxIdCodePoints) {  // ASCII: a byte a code point
      return false;
    }
    out.assign(s);
    return true;
  }

  bool EffectiveDate() {
    std::string_view s;
    if (!String(s)) {
      return false;
    }
    const auto d = Date::ParseIso(s);
    if (!d || d->year() < kMinYear || d->year() > kMaxYear) {
      return false;
    }
    out_.effective_date = *d;
    return true;
  }

  bool Benefits(std::uint32_t& mask) {
    return List(kMaxListItems, [&] {
      std::string_view name;
      if (!String(name)) {
        return false;
      }
      const auto& names = law_.benefit_names();
      for (std::size_t b = 0; b < names.size(); ++b) {
        if (names[b] == name) {
          mask |= std::uint32_t{1} << b;
          return true;
        }
      }
      return false;
    });
  }

  bool Income() {
    enum : std::uint32_t { kW = 1, kA = 2, kP = 4, kH = 8, kC = 16 };
    std::uint32_t seen = 0;
    calc::Income& in = out_.income;
    const bool ok = Object([&](std::string_view key) {
      if (Is(key, "weekly_pence")) {
        return Once(seen, kW) && Pence(in.weekly);
      }
      if (Is(key, "annual_pence")) {
        return Once(seen, kA) && Pence(in.annual);
      }
      if (Is(key, "pension_contributions_annual_pence")) {
        return Once(seen, kP) && Pence(in.pension_contributions);
      }
      if (Is(key, "historic_annual_pence")) {
        return Once(seen, kH) && Pence(in.historic_annual);
      }
      if (Is(key, "current_weekly_pence")) {
        return Once(seen, kC) && Pence(in.current_weekly);
      }
      return false;
    });
    if (!ok) {
      return false;
    }
    if (seen == kW) {
      in.form = calc::Income::Form::kWeekly;
    } else if (seen == kA || seen == (kA | kP)) {
      in.form = calc::Income::Form::kAnnual;
      return in.pension_contributions <= in.annual;
    } else if (seen == (kH | kC)) {
      in.form = calc::Income::Form::kHistoricAndCurrent;
    } else {
      return false;
    }
    return true;
  }

  bool NilRateReason() {
    if (Literal("null")) {
      out_.nil_rate_reason.reset();
      return true;
    }
    std::string_view s;
    if (!String(s)) {
      return false;
    }
    for (std::size_t i = 0; i < calc::kNilRateReasonNames.size(); ++i) {
      if (s == calc::kNilRateReasonNames[i]) {
        out_.nil_rate_reason = static_cast<calc::NilRateReason>(i);
        return true;
      }
    }
    return false;
  }

  bool PayingParent() {
    enum : std::uint32_t {
      kInc = 1,
      kBen = 2,
      kPBen = 4,
      kNil = 8,
      kRoc = 16,
      kOsc = 32,
      kPip = 64
    };
    std::uint32_t seen = 0;
    const bool ok = Object([&](std::string_view key) {
      if (Is(key, "income")) {
        return Once(seen, kInc) && Income();
      }
      if (Is(key, "benefits")) {
        return Once(seen, kBen) && Benefits(out_.benefits);
      }
      if (Is(key, "partner_benefits")) {
        return Once(seen, kPBen) && Benefits(out_.partner_benefits);
      }
      if (Is(key, "nil_rate_reason")) {
        return Once(seen, kNil) && NilRateReason();
      }
      if (Is(key, "relevant_other_children")) {
        return Once(seen, kRoc) && Whole(kMaxCount, out_.relevant_other_children);
      }
      if (Is(key, "other_supported_children")) {
        return Once(seen, kOsc) && Whole(kMaxCount, out_.other_supported_children);
      }
      if (Is(key, "partner_is_paying_parent")) {
        if (!Once(seen, kPip)) {
          return false;
        }
        out_.partner_is_paying_parent = Literal("true");
        return out_.partner_is_paying_parent || Literal("false");
      }
      return false;
    });
    const bool income_optional = out_.nil_rate_reason.has_value() || out_.benefits != 0 ||
                                 (out_.partner_benefits & partner_mask_) != 0;
    return ok && ((seen & kInc) != 0 || income_optional);
  }

  bool Child() {
    calc::Child& child = out_.children.emplace_back();
    enum : std::uint32_t { kId = 1, kNights = 2 };
    std::uint32_t seen = 0;
    const bool ok = Object([&](std::string_view key) {
      if (Is(key, "id")) {
        return Once(seen, kId) && Id(child.id);
      }
      if (Is(key, "nights_with_paying_parent")) {
        return Once(seen, kNights) && Whole(kMaxNights, child.nights_with_paying_parent);
      }
      return false;
    });
    if (!ok || seen != (kId | kNights)) {
      return false;
    }
    // Child ids are unique across the whole request.
    for (std::size_t k = 0; k + 1 < out_.children.size(); ++k) {
      if (out_.children[k].id == child.id) {
        return false;
      }
    }
    return true;
  }

  bool ReceivingParent() {
    calc::ReceivingParent& rp = out_.receiving_parents.emplace_back();
    enum : std::uint32_t { kId = 1, kChildren = 2 };
    std::uint32_t seen = 0;
    const bool ok = Object([&](std::string_view key) {
      if (Is(key, "id")) {
        return Once(seen, kId) && Id(rp.id);
      }
      if (Is(key, "children")) {
        if (!Once(seen, kChildren)) {
          return false;
        }
        rp.first_child = out_.children.size();
        return List(calc::kMaxChildrenPerReceivingParent,
                    [&] {
                      ++rp.child_count;
                      return Child();
                    }) &&
               rp.child_count > 0;
      }
      return false;
    });
    if (!ok || seen != (kId | kChildren)) {
      return false;
    }
    for (std::size_t k = 0; k + 1 < out_.receiving_parents.size(); ++k) {
      if (out_.receiving_parents[k].id == rp.id) {
        return false;
      }
    }
    return true;
  }

  bool ReceivingParents() {
    return List(calc::kMaxReceivingParents, [&] { return ReceivingParent(); }) &&
           !out_.receiving_parents.empty();
  }

  bool SpecialExpense() {
    enum : std::uint32_t { kKind = 1, kWeekly = 2 };
    std::uint32_t seen = 0;
    std::size_t kind = law::kExpenseKinds;
    Money weekly;
    const bool ok = Object([&](std::string_view key) {
      if (Is(key, "kind")) {
        std::string_view s;
        if (!Once(seen, kKind) || !String(s)) {
          return false;
        }
        kind = 0;
        while (kind < law::kExpenseKinds && law::kExpenseKindNames[kind] != s) {
          ++kind;
        }
        return kind < law::kExpenseKinds;
      }
      if (Is(key, "weekly_pence")) {
        return Once(seen, kWeekly) && Pence(weekly);
      }
      return false;
    });
    if (!ok || seen != (kKind | kWeekly)) {
      return false;
    }
    out_.special_expenses[kind] += weekly;
    ++out_.special_expense_entries[kind];
    return true;
  }

  bool Variations() {
    enum : std::uint32_t { kSpecial = 1, kAdditional = 2 };
    std::uint32_t seen = 0;
    return Object([&](std::string_view key) {
      if (Is(key, "special_expenses")) {
        return Once(seen, kSpecial) && List(kMaxListItems, [&] { return SpecialExpense(); });
      }
      if (Is(key, "additional_income_weekly_pence")) {
        return Once(seen, kAdditional) && Pence(out_.additional_income);
      }
      return false;
    });
  }

  bool Collection() {
    std::string_view s;
    if (!String(s)) {
      return false;
    }
    if (Is(s, "direct_pay")) {
      out_.collection = calc::Collection::kDirectPay;
    } else if (Is(s, "collect_and_pay")) {
      out_.collection = calc::Collection::kCollectAndPay;
    } else {
      return false;
    }
    return true;
  }

  const law::ParameterSet& law_;
  std::uint32_t partner_mask_;
  calc::Request& out_;
};

}  // namespace

bool ReadPlainRequest(std::string_view text, const law::ParameterSet& law,
                      std::uint32_t partner_mask, calc::Request& out) {
  out.Clear();
  return Plain(text, law, partner_mask, out).Request();
}

}  // namespace childmaint::contract
