// `childmaint demo-data --cases N --as-of DATE`: N realistic active cases whose initial effective
// dates are spread over the 365 days before DATE, each with an initial decision calculated exactly
// as POST /cases/{ref}/decisions does (full request and response stored). Deterministic per --seed.
#include <cstdio>
#include <random>

#include "api/crypto.h"
#include "base/clock.h"
#include "calc/calculate.h"
#include "cases/decision_request.h"
#include "cli/service_commands.h"
#include "cli/setup.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "law/parameter_set.h"
#include "store/case_repository.h"

namespace childmaint::cli {

namespace {

constexpr int kExitFailure = 1;
constexpr std::int64_t kBatch = 1000;
constexpr std::int64_t kFeePence = 2000;
constexpr std::string_view kFirstLetters = "ACEHJLMPRSW";  // never D F I Q U V; no banned pair
constexpr std::string_view kSecondLetters = "ABCEHJLMPRSW";
constexpr std::int64_t kNiDigits = 1000000;

// A valid NI number, unique per n (n < 11 * 12 * 10^6).
std::string NiNumber(std::int64_t n) {
  const auto digits = n % kNiDigits;
  const auto prefix = n / kNiDigits;
  const auto first = static_cast<std::size_t>(prefix % 11);
  const auto second = static_cast<std::size_t>((prefix / 11) % 12);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%c%06lld%c", kFirstLetters[first], kSecondLetters[second],
                static_cast<long long>(digits), static_cast<char>('A' + n % 4));
  return buf;
}

struct Generator {
  std::mt19937_64 rng;
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  }
  std::string Pin() { return std::to_string(Between(1000000, 9999999)); }

  // The contract's paying_parent object: a realistic mix of every rate.
  Json PayingParent() {
    Json pp = Json::Object();
    Json income = Json::Object();
    Json benefits = Json::Array();
    const std::int64_t pick = Between(0, 99);
    bool has_income = true;
    if (pick < 4) {  // nil rate
      pp.Set("nil_rate_reason", Json("prisoner"));
      has_income = false;
    } else if (pick < 14) {  // flat rate
      benefits.Push(Json(pick < 9 ? "income_support" : "state_pension"));
      has_income = false;
    } else if (pick < 29) {  // reduced rate: £100.01-£199.99 a week
      income.Set("weekly_pence", Json(Between(10001, 19999)));
    } else if (pick < 79) {  // basic rate; some as a historic HMRC annual figure
      if (pick < 49) {
        income.Set("annual_pence", Json(Between(1050000, 4150000)));
      } else {
        income.Set("weekly_pence", Json(Between(20000, 80000)));
      }
    } else if (pick < 94) {  // basic plus
      income.Set("weekly_pence", Json(Between(80001, 350000)));
    } else {  // both figures known (reg 34)
      income.Set("historic_annual_pence", Json(Between(1500000, 3000000)));
      income.Set("current_weekly_pence", Json(Between(25000, 70000)));
    }
    if (has_income) {
      pp.Set("income", std::move(income));
    }
    pp.Set("benefits", std::move(benefits));
    pp.Set("partner_benefits", Json::Array());
    pp.Set("relevant_other_children", Json(Between(0, 9) == 0 ? 1 : 0));
    pp.Set("other_supported_children", Json(0));
    return pp;
  }
};

cases::Party MakeParty(cases::Role role, std::string name, std::string ni, std::string pin_hash,
                       std::int64_t i) {
  cases::Party p;
  p.role = role;
  p.is_applicant = role == cases::Role::kReceivingParent;
  p.name = std::move(name);
  p.ni_number = std::move(ni);
  p.address = cases::Address{std::to_string(i % 200 + 1) + " High Street", "Leeds", "LS1 4AB"};
  p.pin_hash = std::move(pin_hash);
  return p;
}

}  // namespace

int RunDemoData(const DemoDataOptions& options) {
  if (!api::InitCrypto()) {
    return kExitFailure;
  }
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
  Generator gen{std::mt19937_64(options.seed)};
  contract::RequestReader reader(*law);
  calc::Request request;
  calc::Result result;
  calc::Trace trace(true);
  const std::string now = IsoTimestamp(SystemClock::Get().NowUnixSeconds());
  // NI numbers continue after any already in the database, so demo-data can run twice.
  std::int64_t ni_base = 0;
  if (auto row = db->One("SELECT COUNT(*) FROM parties", {}); row) {
    ni_base = row->Int(0) + static_cast<std::int64_t>(options.seed % 1000) * 2000;
  }
  // IEDs from the day after the date a year before as_of up to the day before as_of, so none is
  // due for review on as_of and every one is due a year later (365 or 364 days, leap years).
  auto year_before = AddMonths(as_of, -12, MonthEnd::kClampToLastDay);
  if (!year_before) {
    std::fprintf(stderr, "childmaint: --as-of out of range\n");
    return kExitFailure;
  }
  const Date first_ied = year_before->AddDays(1);
  const std::int64_t span = DaysBetween(first_ied, as_of);
  std::string demo_line;
  std::string demo_rp_line;
  std::int64_t children_total = 0;
  std::array<std::int64_t, 5> by_rate{};
  for (std::int64_t start = 0; start < options.cases; start += kBatch) {
    const std::int64_t end = std::min(options.cases, start + kBatch);
    const Status s = store::InTransaction(*db, [&]() -> Status {
      for (std::int64_t i = start; i < end; ++i) {
        const Date ied = first_ied.AddDays((i * span) / options.cases);
        const std::string pay_pin = gen.Pin();
        const std::string rp_pin = i == 0 ? std::string("1234567") : gen.Pin();
        const std::string pay_ni = NiNumber(ni_base + 2 * i);
        const std::string rp_ni = NiNumber(ni_base + 2 * i + 1);
        CMS_ASSIGN_OR_RETURN(std::string pay_hash,
                             api::HashPin(pay_pin, api::PinHashStrength::kMinimum));
        CMS_ASSIGN_OR_RETURN(std::string rp_hash,
                             api::HashPin(rp_pin, api::PinHashStrength::kMinimum));
        cases::Case c;
        c.collection = gen.Between(0, 6) == 0 ? calc::Collection::kCollectAndPay
                                              : calc::Collection::kDirectPay;
        c.frequency = static_cast<schedule::Frequency>(gen.Between(0, 3));
        c.fee = Money::Pence(kFeePence);
        c.parties.push_back(MakeParty(cases::Role::kReceivingParent,
                                      "Receiving Parent " + std::to_string(i + 1), rp_ni,
                                      std::move(rp_hash), i));
        c.parties.push_back(MakeParty(cases::Role::kPayingParent,
                                      "Paying Parent " + std::to_string(i + 1), pay_ni,
                                      std::move(pay_hash), i + 7));
        const std::int64_t n_children = 1 + gen.Between(0, 9) / 4 + (gen.Between(0, 9) == 0 ? 1 : 0);
        const bool shared = gen.Between(0, 4) == 0;
        cases::CalcReceivingParent rp{"", {}};
        for (std::int64_t k = 1; k <= n_children; ++k) {
          const std::string key = "c" + std::to_string(k);
          c.children.push_back(cases::Child{0, key, "Child " + std::to_string(k),
                                            ied.AddDays(-gen.Between(365, 14 * 365)),
                                            std::nullopt, std::nullopt});
          rp.children.emplace_back(key, shared ? gen.Between(52, 182) : 0);
        }
        children_total += n_children;
        CMS_TRY(store::InsertCase(*db, c, now));
        rp.id = c.reference;
        const Json pp = gen.PayingParent();
        const std::string request_text =
            cases::BuildCalculationRequest(ied, pp, {rp}, c.collection);
        trace.Clear();
        CMS_TRY(reader.ReadString(request_text, request));
        CMS_TRY(calc::Calculate(request, *law, result, trace));
        cases::Decision d;
        d.kind = "initial";
        d.effective_date = ied;
        d.first_payment_date = ied.AddDays(gen.Between(7, 35));
        d.weekly = result.receiving_parents.front().paying_parent_pays;
        d.request = request_text;
        contract::WriteResponse(request, result, &trace, d.response);
        d.notified_on = ied;
        d.created_at = now;
        d.created_by = "system:demo-data";
        CMS_ASSIGN_OR_RETURN(d.id, store::InsertDecision(*db, c.id, d));
        ++by_rate[static_cast<std::size_t>(result.rate)];
        c.status = cases::CaseState::kActive;
        c.fee_status = cases::FeeStatus::kPaid;
        c.initial_effective_date = ied;
        CMS_ASSIGN_OR_RETURN(c.next_review_date,
                             AddMonths(ied, 12, MonthEnd::kClampToLastDay));
        c.decisions.push_back(std::move(d));
        CMS_TRY(store::SaveCaseStatus(*db, c));
        if (i == 0) {
          demo_line = "demo case: reference " + c.reference + ", NI number " + pay_ni + ", PIN " +
                      pay_pin;
          demo_rp_line = "receiving parent sign-in: reference " + c.reference + ", NI number " +
                         rp_ni + ", PIN " + rp_pin;
        }
      }
      if (end == options.cases) {
        Json detail = Json::Object();
        detail.Set("cases", Json(options.cases)).Set("as_of", Json(as_of.ToIso()));
        CMS_TRY(store::Audit(*db, "system", "demo_data_created", std::nullopt, detail, now));
      }
      return Ok();
    });
    if (!s) {
      std::fprintf(stderr, "childmaint: %s\n", s.error().message.c_str());
      return kExitFailure;
    }
  }
  std::printf("created %lld cases, %lld children, initial effective dates %s to %s\n",
              static_cast<long long>(options.cases), static_cast<long long>(children_total),
              first_ied.ToIso().c_str(), as_of.AddDays(-1).ToIso().c_str());
  for (std::size_t r = 0; r < by_rate.size(); ++r) {
    std::printf("  %-10s %lld\n", std::string(calc::kRateNames[r]).c_str(),
                static_cast<long long>(by_rate[r]));
  }
  if (!demo_line.empty()) {
    std::printf("%s\n%s\n", demo_line.c_str(), demo_rp_line.c_str());
  }
  return 0;
}

}  // namespace childmaint::cli
