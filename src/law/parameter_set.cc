#include "law/parameter_set.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "law/law_bundle.h"
#include "law/yaml_loader.h"

namespace childmaint::law {

namespace {

constexpr std::string_view kInstrumentsFile = "instruments.yaml";
constexpr std::string_view kSchemeStagesKey =
    "commencement.scheme_stages.min_qualifying_children_per_receiving_parent";
constexpr std::string_view kBenefitsKey = "si2012_2677.reg44.benefits";
constexpr std::string_view kPartnerAppliesTo = "paying_parent_or_partner";
constexpr std::array<std::string_view, 3> kChildColumns = {"1", "2", "3+"};
constexpr std::array<std::string_view, 4> kOtherChildColumns = {"0", "1", "2", "3+"};

Error NoValue(std::string_view key, Date d) {
  return Error::Make(ErrorCode::kFailedPrecondition, "law.no_value_in_force",
                     "no value of " + std::string(key) + " is in force on " + d.ToIso());
}

Error BadValue(std::string_view key, std::string_view what) {
  return Error::Make(ErrorCode::kInvalidArgument, "law.bad_value",
                     std::string(key) + ": " + std::string(what));
}

Result<const Node*> Cell(const Node& value, std::string_view key, std::string_view axis) {
  if (axis.empty()) {
    return &value;
  }
  const Node* n = value.Find(axis);
  if (n == nullptr) {
    return BadValue(key, "no table entry for '" + std::string(axis) + "'");
  }
  return n;
}

Result<Money> ToGbp(const Node& n, std::string_view key) {
  auto m = Money::ParsePounds(n.scalar);
  if (!m) {
    return BadValue(key, "not an amount like \"7.00\": " + n.scalar);
  }
  return *m;
}

Result<Rate> ToRate(const Node& n, std::string_view key) {
  auto r = Rate::Parse(n.scalar);
  if (!r) {
    return BadValue(key, "not a rate like \"12%\" or \"2/7\": " + n.scalar);
  }
  return *r;
}

Result<std::int64_t> ToCount(const Node& n, std::string_view key) {
  std::int64_t v = 0;
  const char* end = n.scalar.data() + n.scalar.size();
  const auto [p, ec] = std::from_chars(n.scalar.data(), end, v);
  if (ec != std::errc() || p != end || n.scalar.empty() || v < 0) {
    return BadValue(key, "not a whole number: " + n.scalar);
  }
  return v;
}

// Reads typed figures from the entries in force on one date.
class Reader {
 public:
  Reader(const ParameterSet& set, Date d) : set_(set), d_(d) {}

  Result<const Node*> Value(std::string_view key, std::string_view axis = {}) const {
    const Parameter* p = set_.Find(key);
    if (p == nullptr) {
      return NoValue(key, d_);
    }
    const Entry* in_force = nullptr;
    for (const Entry& e : p->timeline) {
      if (e.from <= d_) {
        in_force = &e;
      }
    }
    if (in_force == nullptr) {
      return NoValue(key, d_);
    }
    return Cell(in_force->value, key, axis);
  }
  Result<Money> Gbp(std::string_view key, std::string_view axis = {}) const {
    CMS_ASSIGN_OR_RETURN(const Node* n, Value(key, axis));
    return ToGbp(*n, key);
  }
  Result<Rate> RateOf(std::string_view key, std::string_view axis = {}) const {
    CMS_ASSIGN_OR_RETURN(const Node* n, Value(key, axis));
    return ToRate(*n, key);
  }
  Result<std::int64_t> Count(std::string_view key) const {
    CMS_ASSIGN_OR_RETURN(const Node* n, Value(key));
    return ToCount(*n, key);
  }
  Result<Date> DateOf(std::string_view key) const {
    CMS_ASSIGN_OR_RETURN(const Node* n, Value(key));
    auto d = Date::ParseIso(n->scalar);
    if (!d) {
      return BadValue(key, "not a date: " + n->scalar);
    }
    return *d;
  }
  Result<const Node*> Table2(std::string_view key, std::string_view row) const {
    CMS_ASSIGN_OR_RETURN(const Node* n, Value(key));
    return Cell(*n, key, row);
  }

 private:
  const ParameterSet& set_;
  Date d_;
};

Status ReadBands(const Reader& r, LawInForce& out) {
  constexpr std::string_view kKey = "csa1991.sch1.para7.bands";
  CMS_ASSIGN_OR_RETURN(const Node* list, r.Value(kKey));
  if (list->list.empty() || list->list.size() + 1 > kMaxSharedCareBands) {
    return BadValue(kKey, "wrong number of bands");
  }
  out.bands[0] = SharedCareBand{0, Rate::Of(0, 1)};
  out.band_count = 1;
  for (const Node& b : list->list) {
    const Node* nights = b.Find("nights");
    const Node* fraction = b.Find("fraction");
    if (nights == nullptr || fraction == nullptr) {
      return BadValue(kKey, "a band needs nights and fraction");
    }
    CMS_ASSIGN_OR_RETURN(const std::int64_t from, ToCount(*nights, kKey));
    CMS_ASSIGN_OR_RETURN(const Rate f, ToRate(*fraction, kKey));
    if (from <= out.bands[out.band_count - 1].from_nights) {
      return BadValue(kKey, "bands must be in increasing order of nights");
    }
    out.bands[out.band_count++] = SharedCareBand{from, f};
  }
  return Ok();
}

Status ReadBenefits(const Reader& r, const std::vector<std::string>& names, LawInForce& out) {
  CMS_ASSIGN_OR_RETURN(const Node* list, r.Value(kBenefitsKey));
  for (const Node& b : list->list) {
    const Node* name = b.Find("name");
    const Node* applies = b.Find("applies_to");
    if (name == nullptr || applies == nullptr) {
      return BadValue(kBenefitsKey, "a benefit needs name and applies_to");
    }
    const auto it = std::find(names.begin(), names.end(), name->scalar);
    const auto bit = std::uint32_t{1} << static_cast<unsigned>(it - names.begin());
    out.benefits_in_force |= bit;
    if (applies->scalar == kPartnerAppliesTo) {
      out.partner_benefits |= bit;
    }
  }
  return Ok();
}

}  // namespace

const Parameter* ParameterSet::Find(std::string_view key) const {
  for (const LawFile& f : files_) {
    for (const Parameter& p : f.parameters) {
      if (p.key == key) {
        return &p;
      }
    }
  }
  return nullptr;
}

const Calendar* ParameterSet::FindCalendar(std::string_view id) const {
  for (const Calendar& c : calendars_) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

Result<LawInForce> ParameterSet::BuildInForce(Date d) const {
  const Reader r(*this, d);
  LawInForce out;
  out.from = d;
  CMS_ASSIGN_OR_RETURN(out.rules_version, r.DateOf("childmaint.rules_versions.rules_version"));
  CMS_ASSIGN_OR_RETURN(out.min_qualifying_children_per_receiving_parent, r.Count(kSchemeStagesKey));
  CMS_ASSIGN_OR_RETURN(out.flat_rate, r.Gbp("csa1991.sch1.para4.flat_rate"));
  CMS_ASSIGN_OR_RETURN(out.flat_rate_income_limit, r.Gbp("csa1991.sch1.para4.income_limit"));
  CMS_ASSIGN_OR_RETURN(out.couple_fraction, r.RateOf("csa1991.sch1.para4.couple_fraction"));
  CMS_ASSIGN_OR_RETURN(out.reduced_lower_limit, r.Gbp("csa1991.sch1.para3.lower_limit"));
  CMS_ASSIGN_OR_RETURN(out.reduced_upper_limit, r.Gbp("csa1991.sch1.para3.upper_limit"));
  CMS_ASSIGN_OR_RETURN(out.reduced_minimum, r.Gbp("csa1991.sch1.para3.minimum"));
  for (std::size_t q = 0; q < kChildColumns.size(); ++q) {
    constexpr std::string_view kReduced = "si2012_2677.reg43.percentage";
    CMS_ASSIGN_OR_RETURN(const Node* row, r.Table2(kReduced, kChildColumns[q]));
    for (std::size_t o = 0; o < kOtherChildColumns.size(); ++o) {
      CMS_ASSIGN_OR_RETURN(const Node* cell, Cell(*row, kReduced, kOtherChildColumns[o]));
      CMS_ASSIGN_OR_RETURN(out.reduced_percentage[q][o], ToRate(*cell, kReduced));
    }
    CMS_ASSIGN_OR_RETURN(out.basic_percentage[q],
                         r.RateOf("csa1991.sch1.para2.basic_percentage", kChildColumns[q]));
    CMS_ASSIGN_OR_RETURN(out.basic_plus_percentage[q],
                         r.RateOf("csa1991.sch1.para2.basic_plus_percentage", kChildColumns[q]));
  }
  for (std::size_t o = 0; o < kOtherChildColumns.size(); ++o) {
    CMS_ASSIGN_OR_RETURN(out.relevant_other_children_reduction[o],
                         r.RateOf("csa1991.sch1.para2.relevant_other_children_reduction",
                                  kOtherChildColumns[o]));
  }
  CMS_ASSIGN_OR_RETURN(out.basic_plus_threshold, r.Gbp("csa1991.sch1.para2.basic_plus_threshold"));
  CMS_ASSIGN_OR_RETURN(out.para5a_minimum, r.Gbp("csa1991.sch1.para5a.minimum"));
  CMS_TRY(ReadBands(r, out));
  CMS_ASSIGN_OR_RETURN(out.further_decrease_top_band,
                       r.Gbp("csa1991.sch1.para7.further_decrease_top_band"));
  CMS_ASSIGN_OR_RETURN(out.shared_care_minimum, r.Gbp("csa1991.sch1.para7.minimum"));
  CMS_ASSIGN_OR_RETURN(out.flat_rate_nil_nights, r.Count("csa1991.sch1.para7.flat_rate_nil_nights"));
  CMS_ASSIGN_OR_RETURN(out.capped_amount, r.Gbp("csa1991.sch1.para10.capped_amount"));
  CMS_ASSIGN_OR_RETURN(out.current_income_difference,
                       r.RateOf("si2012_2677.reg34.current_income_difference"));
  CMS_ASSIGN_OR_RETURN(out.annual_to_weekly, r.RateOf("si2012_2677.reg34.annual_to_weekly"));
  for (std::size_t k = 0; k < kExpenseKinds; ++k) {
    CMS_ASSIGN_OR_RETURN(out.special_expense_threshold[k],
                         r.Gbp("si2012_2677.regs63_74.special_expense_threshold",
                               kExpenseKindNames[k]));
  }
  CMS_ASSIGN_OR_RETURN(out.flat_rate_additional_income_threshold,
                       r.Gbp("si2012_2677.regs63_74.flat_rate_additional_income_threshold"));
  CMS_TRY(ReadBenefits(r, benefit_names_, out));
  CMS_ASSIGN_OR_RETURN(out.paying_parent_fee, r.RateOf("si2014_612.reg7.paying_parent_fee"));
  CMS_ASSIGN_OR_RETURN(out.receiving_parent_fee, r.RateOf("si2014_612.reg7.receiving_parent_fee"));
  return out;
}

Result<ParameterSet> ParameterSet::Load(const std::vector<SourceText>& sources) {
  ParameterSet set;
  bool have_instruments = false;
  for (const SourceText& s : sources) {
    if (s.path == kInstrumentsFile) {
      CMS_ASSIGN_OR_RETURN(set.instruments_, ParseInstruments(s.text));
      have_instruments = true;
      continue;
    }
    if (s.path.starts_with(kCalendarDir)) {
      CMS_ASSIGN_OR_RETURN(Calendar c, ParseCalendar(s.path, s.text));
      set.calendars_.push_back(std::move(c));
      continue;
    }
    CMS_ASSIGN_OR_RETURN(LawFile f, ParseLawFile(s.path, s.text));
    set.files_.push_back(std::move(f));
  }
  if (!have_instruments) {
    return BadValue(kInstrumentsFile, "missing");
  }
  std::sort(set.files_.begin(), set.files_.end(),
            [](const LawFile& a, const LawFile& b) { return a.path < b.path; });
  std::sort(set.calendars_.begin(), set.calendars_.end(),
            [](const Calendar& a, const Calendar& b) { return a.path < b.path; });
  const Parameter* stages = set.Find(kSchemeStagesKey);
  const Parameter* benefits = set.Find(kBenefitsKey);
  if (stages == nullptr || benefits == nullptr) {
    return BadValue("law", "the scheme stages and flat-rate benefits files are required");
  }
  set.scheme_start_ = stages->timeline.front().from;
  for (const Entry& e : benefits->timeline) {
    for (const Node& b : e.value.list) {
      const Node* name = b.Find("name");
      if (name != nullptr && std::find(set.benefit_names_.begin(), set.benefit_names_.end(),
                                       name->scalar) == set.benefit_names_.end()) {
        set.benefit_names_.push_back(name->scalar);
      }
    }
  }
  constexpr std::size_t kMaxBenefits = 32;
  if (set.benefit_names_.size() > kMaxBenefits) {
    return BadValue(kBenefitsKey, "more than 32 benefits");
  }
  std::vector<Date> starts{set.scheme_start_};
  for (const LawFile& f : set.files_) {
    for (const Parameter& p : f.parameters) {
      for (const Entry& e : p.timeline) {
        if (e.from > set.scheme_start_) {
          starts.push_back(e.from);
        }
      }
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (const Date d : starts) {
    CMS_ASSIGN_OR_RETURN(LawInForce span, set.BuildInForce(d));
    set.spans_.push_back(span);
  }
  return set;
}

Result<const LawInForce*> ParameterSet::InForce(Date d) const {
  const auto it = std::upper_bound(spans_.begin(), spans_.end(), d,
                                   [](Date x, const LawInForce& s) { return x < s.from; });
  if (it == spans_.begin()) {
    return NoValue("the 2012 scheme", d);
  }
  return &*std::prev(it);
}

Result<Money> ParameterSet::Gbp(std::string_view key, Date d, std::string_view axis_value) const {
  return Reader(*this, d).Gbp(key, axis_value);
}

Result<std::int64_t> ParameterSet::Count(std::string_view key, Date d) const {
  return Reader(*this, d).Count(key);
}

Result<ParameterSet> ParameterSet::LoadEmbedded() { return Load(EmbeddedLawSources()); }

Result<ParameterSet> ParameterSet::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  std::vector<std::string> texts;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".yaml") {
      std::ifstream in(it->path());
      std::stringstream ss;
      ss << in.rdbuf();
      paths.push_back(fs::relative(it->path(), dir).generic_string());
      texts.push_back(ss.str());
    }
  }
  if (ec || paths.empty()) {
    return Error::Make(ErrorCode::kNotFound, "law.no_files", "no law files under " + dir);
  }
  std::vector<SourceText> sources;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    sources.push_back(SourceText{paths[i], texts[i]});
  }
  return Load(sources);
}

}  // namespace childmaint::law
