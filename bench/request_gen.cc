#include "request_gen.h"

#include <array>
#include <cstring>
#include <string_view>
#include <vector>

namespace childmaint::bench {

namespace {

// The five benefits that count for either partner, then the paying-parent-only ones.
constexpr std::size_t kPartnerBenefitCount = 5;
constexpr std::array<std::string_view, 22> kBenefits = {
    "income_support",
    "income_based_jsa",
    "income_related_esa",
    "pension_credit",
    "universal_credit_no_earned_income",
    "contribution_based_jsa",
    "contribution_based_esa",
    "state_pension",
    "incapacity_benefit",
    "training_allowance",
    "armed_forces_compensation",
    "war_disablement_pension",
    "bereavement_allowance",
    "carers_allowance",
    "maternity_allowance",
    "severe_disablement_allowance",
    "industrial_injuries_benefit",
    "widowed_parents_allowance",
    "widows_pension",
    "war_widows_pension",
    "skillseekers_training",
    "foreign_social_security_benefit",
};
constexpr std::array<std::string_view, 5> kNilRateReasons = {
    "child", "prisoner", "youth_16_17_on_benefit", "work_based_training", "care_home"};
constexpr std::array<std::string_view, 5> kExpenseKinds = {
    "contact_costs", "relevant_other_child_disability", "prior_debts", "boarding_school_fees",
    "mortgage_on_former_home"};
constexpr std::array<std::string_view, 4> kReceivingParentIds = {"A", "B", "C", "D"};

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil), and back.
constexpr std::int64_t DaysFromCivil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t year;
  std::int64_t month;
  std::int64_t day;
};

constexpr Civil CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr std::int64_t kFirstDay = DaysFromCivil(2013, 11, 25);
constexpr std::int64_t kLastDay = DaysFromCivil(2026, 11, 23);
constexpr std::size_t kIsoDateBytes = 10;

char Digit(std::int64_t v) { return static_cast<char>('0' + v % 10); }

// Every effective date in range as "YYYY-MM-DD", built once.
const std::vector<std::array<char, kIsoDateBytes>>& IsoDates() {
  static const std::vector<std::array<char, kIsoDateBytes>> kDates = [] {
    std::vector<std::array<char, kIsoDateBytes>> dates;
    for (std::int64_t z = kFirstDay; z <= kLastDay; ++z) {
      const Civil c = CivilFromDays(z);
      dates.push_back({Digit(c.year / 1000), Digit(c.year / 100), Digit(c.year / 10), Digit(c.year),
                       '-', Digit(c.month / 10), Digit(c.month), '-', Digit(c.day / 10),
                       Digit(c.day)});
    }
    return dates;
  }();
  return kDates;
}

// Appends to a raw buffer the caller has sized (kMaxLineBytes).
class Out {
 public:
  explicit Out(char* p) : p_(p) {}
  template <std::size_t N>
  void Lit(const char (&s)[N]) {
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  void Str(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // A JSON string: the names written here need no escaping.
  void Quoted(std::string_view s) {
    *p_++ = '"';
    Str(s);
    *p_++ = '"';
  }
  void Num(std::uint64_t v) {
    char tmp[20];
    std::size_t n = 0;
    do {
      tmp[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) {
      *p_++ = tmp[--n];
    }
  }
  void Char(char c) { *p_++ = c; }
  char* end() const { return p_; }

 private:
  char* p_;
};

// What the request is built to reach; the engine decides the real rate (variations, the 25 % rule
// and relevant other children move some across a band edge, as in real life).
enum class Target : std::uint8_t {
  kNilReason,
  kNilIncome,
  kFlatLowIncome,
  kFlatBenefit,
  kCouple,
  kReduced,
  kBasic,
  kBasicPlus,
  kCapped,
};

Target PickTarget(std::uint64_t roll) {  // roll in [0, 100)
  if (roll < 3) {
    return Target::kNilReason;
  }
  if (roll < 6) {
    return Target::kNilIncome;
  }
  if (roll < 16) {
    return Target::kFlatLowIncome;
  }
  if (roll < 28) {
    return Target::kFlatBenefit;
  }
  if (roll < 32) {
    return Target::kCouple;
  }
  if (roll < 50) {
    return Target::kReduced;
  }
  if (roll < 80) {
    return Target::kBasic;
  }
  if (roll < 95) {
    return Target::kBasicPlus;
  }
  return Target::kCapped;
}

}  // namespace

RequestGenerator::RequestGenerator(std::uint64_t seed, GenOptions options) : options_(options) {
  // splitmix64 of the seed, so that seeds 0, 1, 2... give unrelated streams (and never state 0).
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  state_ = (z ^ (z >> 31)) | 1;
  IsoDates();
}

std::uint64_t RequestGenerator::Random() {  // xorshift64*
  state_ ^= state_ >> 12;
  state_ ^= state_ << 25;
  state_ ^= state_ >> 27;
  return state_ * 0x2545F4914F6CDD1DULL;
}

std::uint64_t RequestGenerator::Below(std::uint64_t n) { return ((Random() >> 32) * n) >> 32; }

std::uint64_t RequestGenerator::Between(std::uint64_t lo, std::uint64_t hi) {
  return lo + Below(hi - lo + 1);
}

bool RequestGenerator::Chance(std::uint64_t percent) { return Below(100) < percent; }

char* RequestGenerator::Write(char* out) {
  Out o(out);
  const auto& dates = IsoDates();
  const auto& date = dates[Below(dates.size())];
  const Target target = PickTarget(Below(100));
  const bool full_shape = Chance(30);  // every optional field written, as in the contract's example

  // Weekly income aimed at the target band (pence); whether an income is given at all.
  bool has_income = true;
  std::uint64_t weekly = 0;
  switch (target) {
    case Target::kNilReason:
      has_income = Chance(50);
      weekly = Between(0, 100000);
      break;
    case Target::kNilIncome:
      weekly = Between(0, 699);
      break;
    case Target::kFlatLowIncome:
      weekly = Between(700, 10000);
      break;
    case Target::kFlatBenefit:
    case Target::kCouple:
      has_income = Chance(30);
      weekly = Between(0, 40000);
      break;
    case Target::kReduced:
      weekly = Between(10001, 19999);
      break;
    case Target::kBasic:
      weekly = Between(20000, 80000);
      break;
    case Target::kBasicPlus:
      weekly = Between(80001, 300000);
      break;
    case Target::kCapped:
      weekly = Between(300001, 5000000);
      break;
  }

  o.Lit(R"({"effective_date":")");
  o.Str(std::string_view(date.data(), date.size()));
  o.Lit(R"(","paying_parent":{)");
  bool comma = false;
  const auto sep = [&] {
    if (comma) {
      o.Char(',');
    }
    comma = true;
  };
  if (has_income) {
    sep();
    const std::uint64_t form = Below(100);
    if (form < 55) {
      o.Lit(R"("income":{"weekly_pence":)");
      o.Num(weekly);
    } else if (form < 80) {
      // Historic (HMRC) annual figure, less pension contributions, comes back to about `weekly`.
      const std::uint64_t net_annual = (weekly * 365 + Below(7)) / 7;
      const std::uint64_t pension = Chance(40) ? Below(net_annual / 10 + 1) : 0;
      o.Lit(R"("income":{"annual_pence":)");
      o.Num(net_annual + pension);
      if (pension > 0 || Chance(20)) {
        o.Lit(R"(,"pension_contributions_annual_pence":)");
        o.Num(pension);
      }
    } else {
      // Both figures: mostly within 25 % (historic used), sometimes well apart (current used).
      const std::uint64_t historic = weekly * 365 / 7 + Below(365);
      const std::uint64_t kind = Below(100);
      std::uint64_t current = weekly;
      if (kind < 60) {
        const std::uint64_t delta = Below(weekly / 5 + 1);
        current = Chance(50) ? weekly + delta : weekly - delta;
      } else if (kind < 85) {
        const std::uint64_t delta = weekly * Between(30, 80) / 100;
        current = Chance(50) ? weekly + delta : weekly - delta;
      }
      o.Lit(R"("income":{"historic_annual_pence":)");
      o.Num(historic);
      o.Lit(R"(,"current_weekly_pence":)");
      o.Num(current);
    }
    o.Char('}');
  }

  // Benefits: a flat rate because of a benefit needs one for the paying parent, or one of the
  // five for the partner; the couple rate one of the five, either list, with the partner paying.
  std::uint64_t pp_benefit = kBenefits.size();
  std::uint64_t partner_benefit = kBenefits.size();
  bool partner_is_paying_parent = false;
  if (target == Target::kFlatBenefit) {
    if (Chance(70)) {
      pp_benefit = Below(kBenefits.size());
    } else {
      partner_benefit = Below(kPartnerBenefitCount);
    }
  } else if (target == Target::kCouple) {
    partner_is_paying_parent = true;
    if (Chance(50)) {
      pp_benefit = Below(kPartnerBenefitCount);
    } else {
      partner_benefit = Below(kPartnerBenefitCount);
    }
  } else if (Chance(3)) {
    partner_is_paying_parent = true;  // without a benefit it changes nothing
  }
  if (pp_benefit < kBenefits.size()) {
    sep();
    o.Lit(R"("benefits":[)");
    o.Quoted(kBenefits[pp_benefit]);
    if (Chance(10)) {
      o.Char(',');
      o.Quoted(kBenefits[Below(kBenefits.size())]);
    }
    o.Char(']');
  } else if (full_shape) {
    sep();
    o.Lit(R"("benefits":[])");
  }
  if (partner_benefit < kBenefits.size()) {
    sep();
    o.Lit(R"("partner_benefits":[)");
    o.Quoted(kBenefits[partner_benefit]);
    o.Char(']');
  } else if (full_shape) {
    sep();
    o.Lit(R"("partner_benefits":[])");
  }
  if (target == Target::kNilReason) {
    sep();
    o.Lit(R"("nil_rate_reason":)");
    o.Quoted(kNilRateReasons[Below(kNilRateReasons.size())]);
  } else if (full_shape) {
    sep();
    o.Lit(R"("nil_rate_reason":null)");
  }
  const std::uint64_t roc_roll = Below(100);
  const std::uint64_t relevant_other = roc_roll < 70   ? 0
                                       : roc_roll < 85 ? 1
                                       : roc_roll < 95 ? 2
                                                       : 3;
  if (relevant_other > 0 || full_shape) {
    sep();
    o.Lit(R"("relevant_other_children":)");
    o.Num(relevant_other);
  }
  const std::uint64_t para5a_roll = Below(100);
  const std::uint64_t other_supported = para5a_roll < 90 ? 0 : para5a_roll < 97 ? 1 : 2;
  if (other_supported > 0 || full_shape) {
    sep();
    o.Lit(R"("other_supported_children":)");
    o.Num(other_supported);
  }
  if (partner_is_paying_parent) {
    sep();
    o.Lit(R"("partner_is_paying_parent":true)");
  } else if (Chance(10)) {
    sep();
    o.Lit(R"("partner_is_paying_parent":false)");
  }
  o.Lit(R"(},"receiving_parents":[)");

  std::uint64_t receiving_parents = 1;
  if (!options_.single_receiving_parent) {
    const std::uint64_t roll = Below(100);
    receiving_parents = roll < 55 ? 1 : roll < 80 ? 2 : roll < 92 ? 3 : 4;
  }
  std::uint64_t child_serial = 0;
  for (std::uint64_t rp = 0; rp < receiving_parents; ++rp) {
    if (rp > 0) {
      o.Char(',');
    }
    o.Lit(R"({"id":)");
    o.Quoted(kReceivingParentIds[rp]);
    o.Lit(R"(,"children":[)");
    const std::uint64_t roll = Below(100);
    const std::uint64_t children = roll < 50 ? 1 : roll < 80 ? 2 : roll < 93 ? 3 : 4;
    for (std::uint64_t c = 0; c < children; ++c) {
      if (c > 0) {
        o.Char(',');
      }
      // Shared care: most children none, the rest across every band.
      const std::uint64_t band = Below(100);
      std::uint64_t nights = 0;
      if (band < 60) {
        nights = 0;
      } else if (band < 70) {
        nights = Between(1, 51);
      } else if (band < 80) {
        nights = Between(52, 103);
      } else if (band < 88) {
        nights = Between(104, 155);
      } else if (band < 92) {
        nights = Between(156, 174);
      } else if (band < 98) {
        nights = Between(175, 182);
      } else {
        nights = Between(183, 366);
      }
      o.Lit(R"({"id":"c)");
      o.Num(++child_serial);
      o.Lit(R"(","nights_with_paying_parent":)");
      o.Num(nights);
      o.Char('}');
    }
    o.Lit("]}");
  }
  o.Char(']');

  const bool expenses = Chance(8);
  const bool additional = Chance(5);
  if (expenses || additional || full_shape) {
    o.Lit(R"(,"variations":{"special_expenses":[)");
    if (expenses) {
      const std::uint64_t entries = Between(1, 2);
      for (std::uint64_t e = 0; e < entries; ++e) {
        if (e > 0) {
          o.Char(',');
        }
        o.Lit(R"({"kind":)");
        o.Quoted(kExpenseKinds[Below(kExpenseKinds.size())]);
        o.Lit(R"(,"weekly_pence":)");
        o.Num(Between(500, 15000));
        o.Char('}');
      }
    }
    o.Lit(R"(],"additional_income_weekly_pence":)");
    o.Num(additional ? Between(0, 50000) : 0);
    o.Char('}');
  }
  const std::uint64_t collection = Below(100);
  if (collection < 45) {
    o.Lit(R"(,"collection":"direct_pay")");
  } else if (collection < 80) {
    o.Lit(R"(,"collection":"collect_and_pay")");
  }
  o.Char('}');
  return o.end();
}

std::string RequestGenerator::Next() {
  char line[kMaxLineBytes];
  return std::string(line, Write(line));
}

}  // namespace childmaint::bench
