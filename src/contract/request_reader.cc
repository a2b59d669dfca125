// The calc-contract.md request, read with simdjson On-Demand (the only file that includes it).
// Every value rule of the contract is checked here; json_syntax.cc decides malformed_json
// (INTERP-017). Required children's nights: INTERP-014. Duplicate ids: INTERP-015.
#include "contract/request_reader.h"

#include <simdjson.h>

#include <cstring>

#include "calc/calculate.h"
#include "contract/json_syntax.h"

namespace childmaint::contract {

namespace od = simdjson::ondemand;

namespace {

constexpr std::int64_t kMaxMoney = 10'000'000'000;
constexpr std::int64_t kMaxCount = 100;
constexpr std::int64_t kMaxNights = 366;
constexpr std::size_t kMaxListItems = 50;
constexpr std::size_t kMaxIdCodePoints = 64;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2999;

Error Make(std::string_view reason, std::string field, std::string message) {
  return Error::Make(ErrorCode::kInvalidArgument, std::string(reason), std::move(message),
                     std::move(field));
}
Error Malformed() { return Make("malformed_json", "", "the request is not valid JSON"); }
Error Invalid(std::string field, std::string message) {
  return Make("invalid_field", std::move(field), std::move(message));
}
Error Missing(std::string field) { return Make("missing_field", std::move(field), "is required"); }
Error Unknown(std::string field) {
  return Make("unknown_field", std::move(field), "is not a field of the request");
}
Error TooMany(std::string field, std::size_t max) {
  return Make("too_many_items", std::move(field), "at most " + std::to_string(max) + " entries");
}
Error Duplicate(std::string field) { return Invalid(std::move(field), "appears twice"); }

std::string Join(std::string_view base, std::string_view key) {
  std::string s(base);
  if (!s.empty()) {
    s.push_back('.');
  }
  s.append(key);
  return s;
}
std::string Index(std::string_view base, std::size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  }
  return n;
}

std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : s) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

// Marks `bit` in `seen`; a second time is a duplicated key.
Status Once(std::uint32_t& seen, std::uint32_t bit, std::string_view base, std::string_view key) {
  if ((seen & bit) != 0) {
    return Duplicate(Join(base, key));
  }
  seen |= bit;
  return Ok();
}

}  // namespace

struct RequestReader::Impl {
  explicit Impl(const law::ParameterSet& l) : law(l) {
    for (const auto& span : l.spans()) {
      partner_mask |= span.partner_benefits;
    }
  }

  const law::ParameterSet& law;
  od::parser parser;
  std::uint32_t partner_mask = 0;
  calc::Request* out = nullptr;
  std::uint64_t child_hashes[calc::kMaxReceivingParents * calc::kMaxChildrenPerReceivingParent];

  static Status Object(od::value& v, od::object& obj, const std::string& field) {
    if (v.get_object().get(obj) != simdjson::SUCCESS) {
      return Invalid(field, "must be a JSON object");
    }
    return Ok();
  }

  static Status Integer(od::value& v, std::int64_t min, std::int64_t max, std::int64_t& out,
                        const std::string& field) {
    std::int64_t n = 0;
    if (v.get_int64().get(n) != simdjson::SUCCESS || n < min || n > max) {
      return Invalid(field, "must be a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max));
    }
    out = n;
    return Ok();
  }

  static Status Pence(od::value& v, Money& out, const std::string& field) {
    std::int64_t n = 0;
    if (v.get_int64().get(n) != simdjson::SUCCESS || n < 0 || n > kMaxMoney) {
      return Invalid(field, "must be a whole number of pence from 0 to 10000000000");
    }
    out = Money::Pence(n);
    return Ok();
  }

  static Status String(od::value& v, std::string_view& out, const std::string& field) {
    if (v.get_string().get(out) != simdjson::SUCCESS) {
      return Invalid(field, "must be a string");
    }
    return Ok();
  }

  static Status Id(od::value& v, std::string& out, const std::string& field) {
    std::string_view s;
    CMS_TRY(String(v, s, field));
    if (s.empty() || CodePoints(s) > kMaxIdCodePoints) {
      return Invalid(field, "must be 1 to 64 characters");
    }
    out.assign(s);
    return Ok();
  }

  Status EffectiveDate(od::value& v) {
    std::string_view s;
    CMS_TRY(String(v, s, "effective_date"));
    auto d = Date::ParseIso(s);
    if (!d || d->year() < kMinYear || d->year() > kMaxYear) {
      return Invalid("effective_date", "must be a real date YYYY-MM-DD from 1900 to 2999");
    }
    out->effective_date = *d;
    return Ok();
  }

  Status Benefits(od::value& v, std::uint32_t& mask, const char* key) {
    const std::string base = Join("paying_parent", key);
    od::array arr;
    if (v.get_array().get(arr) != simdjson::SUCCESS) {
      return Invalid(base, "must be a list of benefit names");
    }
    std::size_t i = 0;
    for (auto item : arr) {
      od::value e;
      if (std::move(item).get(e) != simdjson::SUCCESS) {
        return Malformed();
      }
      if (i == kMaxListItems) {
        return TooMany(base, kMaxListItems);
      }
      std::string_view name;
      CMS_TRY(String(e, name, Index(base, i)));
      const auto& names = law.benefit_names();
      std::size_t b = 0;
      while (b < names.size() && names[b] != name) {
        ++b;
      }
      if (b == names.size()) {
        return Make("unknown_benefit", Index(base, i), "is not a benefit in the contract's list");
      }
      mask |= std::uint32_t{1} << b;
      ++i;
    }
    return Ok();
  }

  Status IncomeObject(od::value& v) {
    constexpr std::string_view kBase = "paying_parent.income";
    od::object obj;
    CMS_TRY(Object(v, obj, std::string(kBase)));
    enum : std::uint32_t { kW = 1, kA = 2, kP = 4, kH = 8, kC = 16 };
    std::uint32_t seen = 0;
    calc::Income& in = out->income;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      const std::string path = Join(kBase, key);
      if (key == "weekly_pence") {
        CMS_TRY(Once(seen, kW, kBase, key));
        CMS_TRY(Pence(fv, in.weekly, path));
      } else if (key == "annual_pence") {
        CMS_TRY(Once(seen, kA, kBase, key));
        CMS_TRY(Pence(fv, in.annual, path));
      } else if (key == "pension_contributions_annual_pence") {
        CMS_TRY(Once(seen, kP, kBase, key));
        CMS_TRY(Pence(fv, in.pension_contributions, path));
      } else if (key == "historic_annual_pence") {
        CMS_TRY(Once(seen, kH, kBase, key));
        CMS_TRY(Pence(fv, in.historic_annual, path));
      } else if (key == "current_weekly_pence") {
        CMS_TRY(Once(seen, kC, kBase, key));
        CMS_TRY(Pence(fv, in.current_weekly, path));
      } else {
        return Unknown(path);
      }
    }
    if (seen == kW) {
      in.form = calc::Income::Form::kWeekly;
    } else if (seen == kA || seen == (kA | kP)) {
      in.form = calc::Income::Form::kAnnual;
      if (in.pension_contributions > in.annual) {
        return Invalid("paying_parent.income.pension_contributions_annual_pence",
                       "must not be more than annual_pence");
      }
    } else if (seen == (kH | kC)) {
      in.form = calc::Income::Form::kHistoricAndCurrent;
    } else {
      return Invalid(std::string(kBase),
                     "must be exactly one of {weekly_pence}, {annual_pence[, "
                     "pension_contributions_annual_pence]} or {historic_annual_pence, "
                     "current_weekly_pence}");
    }
    return Ok();
  }

  Status NilRateReason(od::value& v) {
    constexpr std::string_view kPath = "paying_parent.nil_rate_reason";
    bool is_null = false;
    if (v.is_null().get(is_null) == simdjson::SUCCESS && is_null) {
      out->nil_rate_reason.reset();
      return Ok();
    }
    std::string_view s;
    CMS_TRY(String(v, s, std::string(kPath)));
    for (std::size_t i = 0; i < calc::kNilRateReasonNames.size(); ++i) {
      if (s == calc::kNilRateReasonNames[i]) {
        out->nil_rate_reason = static_cast<calc::NilRateReason>(i);
        return Ok();
      }
    }
    return Invalid(std::string(kPath), "is not one of the nil-rate reasons");
  }

  Status PayingParent(od::value& v) {
    constexpr std::string_view kBase = "paying_parent";
    od::object obj;
    CMS_TRY(Object(v, obj, std::string(kBase)));
    enum : std::uint32_t { kInc = 1, kBen = 2, kPBen = 4, kNil = 8, kRoc = 16, kOsc = 32, kPip = 64 };
    std::uint32_t seen = 0;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      if (key == "income") {
        CMS_TRY(Once(seen, kInc, kBase, key));
        CMS_TRY(IncomeObject(fv));
      } else if (key == "benefits") {
        CMS_TRY(Once(seen, kBen, kBase, key));
        CMS_TRY(Benefits(fv, out->benefits, "benefits"));
      } else if (key == "partner_benefits") {
        CMS_TRY(Once(seen, kPBen, kBase, key));
        CMS_TRY(Benefits(fv, out->partner_benefits, "partner_benefits"));
      } else if (key == "nil_rate_reason") {
        CMS_TRY(Once(seen, kNil, kBase, key));
        CMS_TRY(NilRateReason(fv));
      } else if (key == "relevant_other_children") {
        CMS_TRY(Once(seen, kRoc, kBase, key));
        CMS_TRY(Integer(fv, 0, kMaxCount, out->relevant_other_children, Join(kBase, key)));
      } else if (key == "other_supported_children") {
        CMS_TRY(Once(seen, kOsc, kBase, key));
        CMS_TRY(Integer(fv, 0, kMaxCount, out->other_supported_children, Join(kBase, key)));
      } else if (key == "partner_is_paying_parent") {
        CMS_TRY(Once(seen, kPip, kBase, key));
        if (fv.get_bool().get(out->partner_is_paying_parent) != simdjson::SUCCESS) {
          return Invalid(Join(kBase, key), "must be true or false");
        }
      } else {
        return Unknown(Join(kBase, key));
      }
    }
    const bool income_optional = out->nil_rate_reason.has_value() || out->benefits != 0 ||
                                 (out->partner_benefits & partner_mask) != 0;
    if ((seen & kInc) == 0 && !income_optional) {
      return Missing("paying_parent.income");
    }
    return Ok();
  }

  Status ChildObject(od::value& v, std::size_t rp, std::size_t j, std::size_t& hashes) {
    const std::string base = Index(Index("receiving_parents", rp) + ".children", j);
    od::object obj;
    CMS_TRY(Object(v, obj, base));
    calc::Child& child = out->children.emplace_back();
    enum : std::uint32_t { kId = 1, kNights = 2 };
    std::uint32_t seen = 0;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      if (key == "id") {
        CMS_TRY(Once(seen, kId, base, key));
        CMS_TRY(Id(fv, child.id, Join(base, key)));
      } else if (key == "nights_with_paying_parent") {
        CMS_TRY(Once(seen, kNights, base, key));
        CMS_TRY(Integer(fv, 0, kMaxNights, child.nights_with_paying_parent, Join(base, key)));
      } else {
        return Unknown(Join(base, key));
      }
    }
    if ((seen & kId) == 0) {
      return Missing(Join(base, "id"));
    }
    if ((seen & kNights) == 0) {
      return Missing(Join(base, "nights_with_paying_parent"));
    }
    // Child ids are unique across the whole request.
    const std::uint64_t h = Hash(child.id);
    const std::size_t me = out->children.size() - 1;
    for (std::size_t k = 0; k < hashes; ++k) {
      if (child_hashes[k] == h && out->children[k].id == child.id) {
        return Invalid(Join(base, "id"), "is the id of another child in the request");
      }
    }
    child_hashes[me] = h;
    hashes = me + 1;
    return Ok();
  }

  Status ReceivingParentObject(od::value& v, std::size_t i, std::size_t& hashes) {
    const std::string base = Index("receiving_parents", i);
    od::object obj;
    CMS_TRY(Object(v, obj, base));
    calc::ReceivingParent& rp = out->receiving_parents.emplace_back();
    enum : std::uint32_t { kId = 1, kChildren = 2 };
    std::uint32_t seen = 0;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      if (key == "id") {
        CMS_TRY(Once(seen, kId, base, key));
        CMS_TRY(Id(fv, rp.id, Join(base, key)));
      } else if (key == "children") {
        CMS_TRY(Once(seen, kChildren, base, key));
        od::array arr;
        if (fv.get_array().get(arr) != simdjson::SUCCESS) {
          return Invalid(Join(base, key), "must be a list of children");
        }
        rp.first_child = out->children.size();
        std::size_t j = 0;
        for (auto item : arr) {
          od::value e;
          if (std::move(item).get(e) != simdjson::SUCCESS) {
            return Malformed();
          }
          if (j == calc::kMaxChildrenPerReceivingParent) {
            return TooMany(Join(base, key), calc::kMaxChildrenPerReceivingParent);
          }
          CMS_TRY(ChildObject(e, i, j, hashes));
          ++j;
        }
        rp.child_count = j;
        if (j == 0) {
          return Invalid(Join(base, key), "must list at least one child");
        }
      } else {
        return Unknown(Join(base, key));
      }
    }
    if ((seen & kId) == 0) {
      return Missing(Join(base, "id"));
    }
    if ((seen & kChildren) == 0) {
      return Missing(Join(base, "children"));
    }
    for (std::size_t k = 0; k + 1 < out->receiving_parents.size(); ++k) {
      if (out->receiving_parents[k].id == rp.id) {
        return Invalid(Join(base, "id"), "is the id of another receiving parent");
      }
    }
    return Ok();
  }

  Status ReceivingParents(od::value& v) {
    od::array arr;
    if (v.get_array().get(arr) != simdjson::SUCCESS) {
      return Invalid("receiving_parents", "must be a list");
    }
    std::size_t i = 0;
    std::size_t hashes = 0;
    for (auto item : arr) {
      od::value e;
      if (std::move(item).get(e) != simdjson::SUCCESS) {
        return Malformed();
      }
      if (i == calc::kMaxReceivingParents) {
        return TooMany("receiving_parents", calc::kMaxReceivingParents);
      }
      CMS_TRY(ReceivingParentObject(e, i, hashes));
      ++i;
    }
    if (i == 0) {
      return Invalid("receiving_parents", "must list at least one receiving parent");
    }
    return Ok();
  }

  Status SpecialExpense(od::value& v, std::size_t i) {
    const std::string base = Index("variations.special_expenses", i);
    od::object obj;
    CMS_TRY(Object(v, obj, base));
    enum : std::uint32_t { kKind = 1, kWeekly = 2 };
    std::uint32_t seen = 0;
    std::size_t kind = law::kExpenseKinds;
    Money weekly;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      if (key == "kind") {
        CMS_TRY(Once(seen, kKind, base, key));
        std::string_view s;
        CMS_TRY(String(fv, s, Join(base, key)));
        kind = 0;
        while (kind < law::kExpenseKinds && law::kExpenseKindNames[kind] != s) {
          ++kind;
        }
        if (kind == law::kExpenseKinds) {
          return Invalid(Join(base, key), "is not a kind of special expense");
        }
      } else if (key == "weekly_pence") {
        CMS_TRY(Once(seen, kWeekly, base, key));
        CMS_TRY(Pence(fv, weekly, Join(base, key)));
      } else {
        return Unknown(Join(base, key));
      }
    }
    if ((seen & kKind) == 0) {
      return Missing(Join(base, "kind"));
    }
    if ((seen & kWeekly) == 0) {
      return Missing(Join(base, "weekly_pence"));
    }
    out->special_expenses[kind] += weekly;
    ++out->special_expense_entries[kind];
    return Ok();
  }

  Status Variations(od::value& v) {
    constexpr std::string_view kBase = "variations";
    od::object obj;
    CMS_TRY(Object(v, obj, std::string(kBase)));
    enum : std::uint32_t { kSpecial = 1, kAdditional = 2 };
    std::uint32_t seen = 0;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      if (key == "special_expenses") {
        CMS_TRY(Once(seen, kSpecial, kBase, key));
        od::array arr;
        if (fv.get_array().get(arr) != simdjson::SUCCESS) {
          return Invalid("variations.special_expenses", "must be a list");
        }
        std::size_t i = 0;
        for (auto item : arr) {
          od::value e;
          if (std::move(item).get(e) != simdjson::SUCCESS) {
            return Malformed();
          }
          if (i == kMaxListItems) {
            return TooMany("variations.special_expenses", kMaxListItems);
          }
          CMS_TRY(SpecialExpense(e, i));
          ++i;
        }
      } else if (key == "additional_income_weekly_pence") {
        CMS_TRY(Once(seen, kAdditional, kBase, key));
        CMS_TRY(Pence(fv, out->additional_income, Join(kBase, key)));
      } else {
        return Unknown(Join(kBase, key));
      }
    }
    return Ok();
  }

  Status Collection(od::value& v) {
    std::string_view s;
    CMS_TRY(String(v, s, "collection"));
    if (s == "direct_pay") {
      out->collection = calc::Collection::kDirectPay;
    } else if (s == "collect_and_pay") {
      out->collection = calc::Collection::kCollectAndPay;
    } else {
      return Invalid("collection", "must be direct_pay or collect_and_pay");
    }
    return Ok();
  }

  Status Top(od::document& doc) {
    od::object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
      return Invalid("", "the request must be a JSON object");
    }
    enum : std::uint32_t { kDate = 1, kPp = 2, kRps = 4, kVar = 8, kColl = 16 };
    std::uint32_t seen = 0;
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      od::value& fv = field.value();
      if (key == "effective_date") {
        CMS_TRY(Once(seen, kDate, "", key));
        CMS_TRY(EffectiveDate(fv));
      } else if (key == "paying_parent") {
        CMS_TRY(Once(seen, kPp, "", key));
        CMS_TRY(PayingParent(fv));
      } else if (key == "receiving_parents") {
        CMS_TRY(Once(seen, kRps, "", key));
        CMS_TRY(ReceivingParents(fv));
      } else if (key == "variations") {
        CMS_TRY(Once(seen, kVar, "", key));
        CMS_TRY(Variations(fv));
      } else if (key == "collection") {
        CMS_TRY(Once(seen, kColl, "", key));
        CMS_TRY(Collection(fv));
      } else {
        return Unknown(std::string(key));
      }
    }
    const char* rest = nullptr;
    if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
      return Malformed();  // trailing content after the object
    }
    if ((seen & kDate) == 0) {
      return Missing("effective_date");
    }
    if ((seen & kPp) == 0) {
      return Missing("paying_parent");
    }
    if ((seen & kRps) == 0) {
      return Missing("receiving_parents");
    }
    return Ok();
  }
};

RequestReader::RequestReader(const law::ParameterSet& law) : impl_(std::make_unique<Impl>(law)) {}
RequestReader::~RequestReader() = default;

Status RequestReader::Read(const char* data, std::size_t size, std::size_t allocated,
                           calc::Request& out) {
  out.Clear();
  if (size > kMaxRequestBytes) {
    return Make("request_too_large", "", "the request is larger than 1 MiB");
  }
  const std::string_view text(data, size);
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  Status status = Ok();
  if (text.starts_with(kBom)) {
    status = Malformed();
  } else {
    impl_->out = &out;
    od::document doc;
    if (impl_->parser.iterate(data, size, allocated).get(doc) != simdjson::SUCCESS) {
      status = Malformed();
    } else {
      status = impl_->Top(doc);
    }
  }
  if (status) {
    return status;
  }
  // Whatever went wrong, text that is not strict JSON is malformed_json.
  if (CheckJsonSyntax(text, kMaxDepth) != JsonSyntax::kValid) {
    return Malformed();
  }
  if (status.error().reason == "malformed_json") {
    // simdjson refused what the strict check accepts: report it as a value problem.
    return Invalid("", "the request could not be read");
  }
  return status;
}

Status RequestReader::ReadString(std::string_view json, calc::Request& out) {
  if (json.size() > kMaxRequestBytes) {
    out.Clear();
    return Make("request_too_large", "", "the request is larger than 1 MiB");
  }
  padded_.assign(json);
  padded_.append(kPadding, ' ');
  return Read(padded_.data(), json.size(), padded_.size(), out);
}

}  // namespace childmaint::contract
