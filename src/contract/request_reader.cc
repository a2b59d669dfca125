// The calc-contract.md request, read with simdjson On-Demand (the only file that includes it).
// Every value rule of the contract is checked here; json_syntax.cc decides malformed_json
// (INTERP-017). Required children's nights: INTERP-014. Duplicate ids: INTERP-015.
#include "contract/request_reader.h"

#include <simdjson.h>

#include <cstring>

#include "calc/calculate.h"
#include "contract/json_syntax.h"
#include "contract/plain_request_reader.h"
#include "contract/request_limits.h"

namespace childmaint::contract {

namespace od = simdjson::ondemand;

namespace {

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

// Where a value is, rendered only when an error names it: no allocation on the success path.
struct Where {
  const Where* parent = nullptr;
  std::string_view key;        // an object member, or
  std::ptrdiff_t index = -1;   // a list element
  Where Key(std::string_view k) const { return Where{this, k, -1}; }
  Where At(std::size_t i) const { return Where{this, {}, static_cast<std::ptrdiff_t>(i)}; }
  std::string Render() const {
    std::string s = parent == nullptr ? std::string() : parent->Render();
    if (index >= 0) {
      s += "[" + std::to_string(index) + "]";
    } else if (!key.empty()) {
      if (!s.empty()) {
        s.push_back('.');
      }
      s.append(key);
    }
    return s;
  }
};
constexpr Where kRoot{};

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
Status Once(std::uint32_t& seen, std::uint32_t bit, const Where& where) {
  if ((seen & bit) != 0) {
    return Duplicate(where.Render());
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

  // Iterates an object's members: fn(key, value) -> Status. A broken member is malformed_json.
  template <typename Fn>
  static Status Members(od::object& obj, Fn&& fn) {
    for (auto f : obj) {
      od::field field;
      std::string_view key;
      if (std::move(f).get(field) != simdjson::SUCCESS ||
          field.unescaped_key().get(key) != simdjson::SUCCESS) {
        return Malformed();
      }
      CMS_TRY(fn(key, field.value()));
    }
    return Ok();
  }

  // Iterates a list of at most `max` items: fn(index, value) -> Status.
  template <typename Fn>
  static Status Items(od::value& v, std::size_t max, const Where& where, const char* what, Fn&& fn) {
    od::array arr;
    if (v.get_array().get(arr) != simdjson::SUCCESS) {
      return Invalid(where.Render(), std::string("must be a list of ") + what);
    }
    std::size_t i = 0;
    for (auto item : arr) {
      od::value e;
      if (std::move(item).get(e) != simdjson::SUCCESS) {
        return Malformed();
      }
      if (i == max) {
        return TooMany(where.Render(), max);
      }
      CMS_TRY(fn(i, e));
      ++i;
    }
    return Ok();
  }

  static Status Object(od::value& v, od::object& obj, const Where& where) {
    if (v.get_object().get(obj) != simdjson::SUCCESS) {
      return Invalid(where.Render(), "must be a JSON object");
    }
    return Ok();
  }

  static Status Integer(od::value& v, std::int64_t min, std::int64_t max, std::int64_t& out,
                        const Where& where) {
    std::int64_t n = 0;
    if (v.get_int64().get(n) != simdjson::SUCCESS || n < min || n > max) {
      return Invalid(where.Render(), "must be a whole number from " + std::to_string(min) +
                                         " to " + std::to_string(max));
    }
    out = n;
    return Ok();
  }

  static Status Pence(od::value& v, Money& out, const Where& where) {
    std::int64_t n = 0;
    if (v.get_int64().get(n) != simdjson::SUCCESS || n < 0 || n > kMaxMoney) {
      return Invalid(where.Render(), "must be a whole number of pence from 0 to 10000000000");
    }
    out = Money::Pence(n);
    return Ok();
  }

  static Status String(od::value& v, std::string_view& out, const Where& where) {
    if (v.get_string().get(out) != simdjson::SUCCESS) {
      return Invalid(where.Render(), "must be a string");
    }
    return Ok();
  }

  static Status Id(od::value& v, std::string& out, const Where& where) {
    std::string_view s;
    CMS_TRY(String(v, s, where));
    if (s.empty() || CodePoints(s) > kMaxIdCodePoints) {
      return Invalid(where.Render(), "must be 1 to 64 characters");
    }
    out.assign(s);
    return Ok();
  }

  Status EffectiveDate(od::value& v, const Where& where) {
    std::string_view s;
    CMS_TRY(String(v, s, where));
    auto d = Date::ParseIso(s);
    if (!d || d->year() < kMinYear || d->year() > kMaxYear) {
      return Invalid(where.Render(), "must be a real date YYYY-MM-DD from 1900 to 2999");
    }
    out->effective_date = *d;
    return Ok();
  }

  Status Benefits(od::value& v, std::uint32_t& mask, const Where& where) {
    return Items(v, kMaxListItems, where, "benefit names", [&](std::size_t i, od::value& e) -> Status {
      const Where item = where.At(i);
      std::string_view name;
      CMS_TRY(String(e, name, item));
      const auto& names = law.benefit_names();
      std::size_t b = 0;
      while (b < names.size() && names[b] != name) {
        ++b;
      }
      if (b == names.size()) {
        return Status(Make("unknown_benefit", item.Render(),
                           "is not a benefit in the contract's list"));
      }
      mask |= std::uint32_t{1} << b;
      return Ok();
    });
  }

  Status IncomeObject(od::value& v, const Where& where) {
    od::object obj;
    CMS_TRY(Object(v, obj, where));
    enum : std::uint32_t { kW = 1, kA = 2, kP = 4, kH = 8, kC = 16 };
    std::uint32_t seen = 0;
    calc::Income& in = out->income;
    CMS_TRY(Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = where.Key(key);
      std::uint32_t bit = 0;
      Money* target = nullptr;
      if (key == "weekly_pence") {
        bit = kW, target = &in.weekly;
      } else if (key == "annual_pence") {
        bit = kA, target = &in.annual;
      } else if (key == "pension_contributions_annual_pence") {
        bit = kP, target = &in.pension_contributions;
      } else if (key == "historic_annual_pence") {
        bit = kH, target = &in.historic_annual;
      } else if (key == "current_weekly_pence") {
        bit = kC, target = &in.current_weekly;
      } else {
        return Status(Unknown(at.Render()));
      }
      CMS_TRY(Once(seen, bit, at));
      return Pence(fv, *target, at);
    }));
    if (seen == kW) {
      in.form = calc::Income::Form::kWeekly;
    } else if (seen == kA || seen == (kA | kP)) {
      in.form = calc::Income::Form::kAnnual;
      if (in.pension_contributions > in.annual) {
        return Invalid(where.Key("pension_contributions_annual_pence").Render(),
                       "must not be more than annual_pence");
      }
    } else if (seen == (kH | kC)) {
      in.form = calc::Income::Form::kHistoricAndCurrent;
    } else {
      return Invalid(where.Render(),
                     "must be exactly one of {weekly_pence}, {annual_pence[, "
                     "pension_contributions_annual_pence]} or {historic_annual_pence, "
                     "current_weekly_pence}");
    }
    return Ok();
  }

  Status NilRateReason(od::value& v, const Where& where) {
    bool is_null = false;
    if (v.is_null().get(is_null) == simdjson::SUCCESS && is_null) {
      out->nil_rate_reason.reset();
      return Ok();
    }
    std::string_view s;
    CMS_TRY(String(v, s, where));
    for (std::size_t i = 0; i < calc::kNilRateReasonNames.size(); ++i) {
      if (s == calc::kNilRateReasonNames[i]) {
        out->nil_rate_reason = static_cast<calc::NilRateReason>(i);
        return Ok();
      }
    }
    return Invalid(where.Render(), "is not one of the nil-rate reasons");
  }

  Status PayingParent(od::value& v, const Where& where) {
    od::object obj;
    CMS_TRY(Object(v, obj, where));
    enum : std::uint32_t { kInc = 1, kBen = 2, kPBen = 4, kNil = 8, kRoc = 16, kOsc = 32, kPip = 64 };
    std::uint32_t seen = 0;
    CMS_TRY(Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = where.Key(key);
      if (key == "income") {
        CMS_TRY(Once(seen, kInc, at));
        return IncomeObject(fv, at);
      }
      if (key == "benefits") {
        CMS_TRY(Once(seen, kBen, at));
        return Benefits(fv, out->benefits, at);
      }
      if (key == "partner_benefits") {
        CMS_TRY(Once(seen, kPBen, at));
        return Benefits(fv, out->partner_benefits, at);
      }
      if (key == "nil_rate_reason") {
        CMS_TRY(Once(seen, kNil, at));
        return NilRateReason(fv, at);
      }
      if (key == "relevant_other_children") {
        CMS_TRY(Once(seen, kRoc, at));
        return Integer(fv, 0, kMaxCount, out->relevant_other_children, at);
      }
      if (key == "other_supported_children") {
        CMS_TRY(Once(seen, kOsc, at));
        return Integer(fv, 0, kMaxCount, out->other_supported_children, at);
      }
      if (key == "partner_is_paying_parent") {
        CMS_TRY(Once(seen, kPip, at));
        if (fv.get_bool().get(out->partner_is_paying_parent) != simdjson::SUCCESS) {
          return Status(Invalid(at.Render(), "must be true or false"));
        }
        return Ok();
      }
      return Status(Unknown(at.Render()));
    }));
    const bool income_optional = out->nil_rate_reason.has_value() || out->benefits != 0 ||
                                 (out->partner_benefits & partner_mask) != 0;
    if ((seen & kInc) == 0 && !income_optional) {
      return Missing(where.Key("income").Render());
    }
    return Ok();
  }

  Status ChildObject(od::value& v, const Where& where, std::size_t& hashes) {
    od::object obj;
    CMS_TRY(Object(v, obj, where));
    calc::Child& child = out->children.emplace_back();
    enum : std::uint32_t { kId = 1, kNights = 2 };
    std::uint32_t seen = 0;
    CMS_TRY(Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = where.Key(key);
      if (key == "id") {
        CMS_TRY(Once(seen, kId, at));
        return Id(fv, child.id, at);
      }
      if (key == "nights_with_paying_parent") {
        CMS_TRY(Once(seen, kNights, at));
        return Integer(fv, 0, kMaxNights, child.nights_with_paying_parent, at);
      }
      return Status(Unknown(at.Render()));
    }));
    if ((seen & kId) == 0) {
      return Missing(where.Key("id").Render());
    }
    if ((seen & kNights) == 0) {
      return Missing(where.Key("nights_with_paying_parent").Render());
    }
    // Child ids are unique across the whole request.
    const std::uint64_t h = Hash(child.id);
    const std::size_t me = out->children.size() - 1;
    for (std::size_t k = 0; k < hashes; ++k) {
      if (child_hashes[k] == h && out->children[k].id == child.id) {
        return Invalid(where.Key("id").Render(), "is the id of another child in the request");
      }
    }
    child_hashes[me] = h;
    hashes = me + 1;
    return Ok();
  }

  Status ReceivingParentObject(od::value& v, const Where& where, std::size_t& hashes) {
    od::object obj;
    CMS_TRY(Object(v, obj, where));
    calc::ReceivingParent& rp = out->receiving_parents.emplace_back();
    enum : std::uint32_t { kId = 1, kChildren = 2 };
    std::uint32_t seen = 0;
    CMS_TRY(Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = where.Key(key);
      if (key == "id") {
        CMS_TRY(Once(seen, kId, at));
        return Id(fv, rp.id, at);
      }
      if (key == "children") {
        CMS_TRY(Once(seen, kChildren, at));
        rp.first_child = out->children.size();
        CMS_TRY(Items(fv, calc::kMaxChildrenPerReceivingParent, at, "children",
                      [&](std::size_t j, od::value& e) -> Status {
                        ++rp.child_count;
                        return ChildObject(e, at.At(j), hashes);
                      }));
        if (rp.child_count == 0) {
          return Status(Invalid(at.Render(), "must list at least one child"));
        }
        return Ok();
      }
      return Status(Unknown(at.Render()));
    }));
    if ((seen & kId) == 0) {
      return Missing(where.Key("id").Render());
    }
    if ((seen & kChildren) == 0) {
      return Missing(where.Key("children").Render());
    }
    for (std::size_t k = 0; k + 1 < out->receiving_parents.size(); ++k) {
      if (out->receiving_parents[k].id == rp.id) {
        return Invalid(where.Key("id").Render(), "is the id of another receiving parent");
      }
    }
    return Ok();
  }

  Status ReceivingParents(od::value& v, const Where& where) {
    std::size_t hashes = 0;
    CMS_TRY(Items(v, calc::kMaxReceivingParents, where, "receiving parents",
                  [&](std::size_t i, od::value& e) -> Status {
                    return ReceivingParentObject(e, where.At(i), hashes);
                  }));
    if (out->receiving_parents.empty()) {
      return Invalid(where.Render(), "must list at least one receiving parent");
    }
    return Ok();
  }

  Status SpecialExpense(od::value& v, const Where& where) {
    od::object obj;
    CMS_TRY(Object(v, obj, where));
    enum : std::uint32_t { kKind = 1, kWeekly = 2 };
    std::uint32_t seen = 0;
    std::size_t kind = law::kExpenseKinds;
    Money weekly;
    CMS_TRY(Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = where.Key(key);
      if (key == "kind") {
        CMS_TRY(Once(seen, kKind, at));
        std::string_view s;
        CMS_TRY(String(fv, s, at));
        kind = 0;
        while (kind < law::kExpenseKinds && law::kExpenseKindNames[kind] != s) {
          ++kind;
        }
        if (kind == law::kExpenseKinds) {
          return Status(Invalid(at.Render(), "is not a kind of special expense"));
        }
        return Ok();
      }
      if (key == "weekly_pence") {
        CMS_TRY(Once(seen, kWeekly, at));
        return Pence(fv, weekly, at);
      }
      return Status(Unknown(at.Render()));
    }));
    if ((seen & kKind) == 0) {
      return Missing(where.Key("kind").Render());
    }
    if ((seen & kWeekly) == 0) {
      return Missing(where.Key("weekly_pence").Render());
    }
    out->special_expenses[kind] += weekly;
    ++out->special_expense_entries[kind];
    return Ok();
  }

  Status Variations(od::value& v, const Where& where) {
    od::object obj;
    CMS_TRY(Object(v, obj, where));
    enum : std::uint32_t { kSpecial = 1, kAdditional = 2 };
    std::uint32_t seen = 0;
    return Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = where.Key(key);
      if (key == "special_expenses") {
        CMS_TRY(Once(seen, kSpecial, at));
        return Items(fv, kMaxListItems, at, "special expenses",
                     [&](std::size_t i, od::value& e) -> Status { return SpecialExpense(e, at.At(i)); });
      }
      if (key == "additional_income_weekly_pence") {
        CMS_TRY(Once(seen, kAdditional, at));
        return Pence(fv, out->additional_income, at);
      }
      return Status(Unknown(at.Render()));
    });
  }

  Status Collection(od::value& v, const Where& where) {
    std::string_view s;
    CMS_TRY(String(v, s, where));
    if (s == "direct_pay") {
      out->collection = calc::Collection::kDirectPay;
    } else if (s == "collect_and_pay") {
      out->collection = calc::Collection::kCollectAndPay;
    } else {
      return Invalid(where.Render(), "must be direct_pay or collect_and_pay");
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
    CMS_TRY(Members(obj, [&](std::string_view key, od::value& fv) -> Status {
      const Where at = kRoot.Key(key);
      if (key == "effective_date") {
        CMS_TRY(Once(seen, kDate, at));
        return EffectiveDate(fv, at);
      }
      if (key == "paying_parent") {
        CMS_TRY(Once(seen, kPp, at));
        return PayingParent(fv, at);
      }
      if (key == "receiving_parents") {
        CMS_TRY(Once(seen, kRps, at));
        return ReceivingParents(fv, at);
      }
      if (key == "variations") {
        CMS_TRY(Once(seen, kVar, at));
        return Variations(fv, at);
      }
      if (key == "collection") {
        CMS_TRY(Once(seen, kColl, at));
        return Collection(fv, at);
      }
      return Status(Unknown(at.Render()));
    }));
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

RequestReader::RequestReader(const law::ParameterSet& law, bool fast_path)
    : impl_(std::make_unique<Impl>(law)), fast_path_(fast_path) {}
RequestReader::~RequestReader() = default;

Status RequestReader::Read(const char* data, std::size_t size, std::size_t allocated,
                           calc::Request& out) {
  const std::string_view text(data, size);
  if (fast_path_ && size <= kMaxRequestBytes &&
      ReadPlainRequest(text, impl_->law, impl_->partner_mask, out)) {
    return Ok();  // the common form, read without simdjson
  }
  out.Clear();
  if (size > kMaxRequestBytes) {
    return Make("request_too_large", "", "the request is larger than 1 MiB");
  }
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
