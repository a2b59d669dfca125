#include "law/lint.h"

#include <algorithm>
#include <functional>
#include <set>

#include "law/yaml_loader.h"

namespace childmaint::law {

namespace {

const std::set<std::string, std::less<>> kUnits = {"gbp",  "rate",      "count",
                                                   "date", "band_list", "benefit_list"};
const std::set<std::string, std::less<>> kStatuses = {"verified", "unverified"};
const std::set<std::string, std::less<>> kCalendarStatuses = {"verified", "unverified",
                                                              "projected"};
constexpr std::string_view kLegislationSite = "https://www.legislation.gov.uk/";
constexpr std::string_view kGovUkSite = "https://www.gov.uk/";
constexpr std::string_view kCalendarIdPrefix = "calendars.";

bool IsService(const std::string& path) { return path.starts_with(kServiceDir); }

const Instrument* FindInstrument(const ParameterSet& set, const std::string& key) {
  for (const Instrument& i : set.instruments()) {
    if (i.key == key) {
      return &i;
    }
  }
  return nullptr;
}

// Problems with citing `key` from the file at `path` ("" when fine).
std::string CheckCitation(const ParameterSet& set, const std::string& path, const std::string& key,
                          std::string_view role) {
  const Instrument* ins = FindInstrument(set, key);
  if (ins == nullptr) {
    return std::string(role) + " instrument " + key + " is not in instruments.yaml";
  }
  if (!ins->uri.starts_with(kLegislationSite) && !IsService(path)) {
    return std::string(role) + " instrument " + key +
           " is not legislation; only files under service/ may cite it";
  }
  return {};
}

void CheckReview(const std::optional<Date>& reviewed_on, const LintOptions& options,
                 const std::string& where, std::vector<std::string>& out) {
  if (!reviewed_on) {
    out.push_back(where + ": needs reviewed_on");
  } else if (options.today &&
             DaysBetween(*reviewed_on, *options.today) > options.max_review_age_days) {
    out.push_back(where + ": reviewed_on " + reviewed_on->ToIso() + " is stale");
  }
}

bool LeafValid(const std::string& unit, const Node& n) {
  if (unit == "gbp") {
    return Money::ParsePounds(n.scalar).has_value();
  }
  if (unit == "rate") {
    return Rate::Parse(n.scalar).has_value();
  }
  if (unit == "date") {
    return Date::ParseIso(n.scalar).has_value();
  }
  return !n.scalar.empty() &&
         std::all_of(n.scalar.begin(), n.scalar.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Walks a value: every scalar must be quoted; leaves of simple units must parse.
void CheckValue(const std::string& unit, const Node& n, const std::string& where,
                std::vector<std::string>& out) {
  switch (n.kind) {
    case Node::Kind::kScalar:
      if (!n.quoted) {
        out.push_back(where + ": value " + n.scalar + " must be quoted");
      }
      if (unit != "band_list" && unit != "benefit_list" && !LeafValid(unit, n)) {
        out.push_back(where + ": '" + n.scalar + "' is not a valid " + unit);
      }
      break;
    case Node::Kind::kMap:
      for (const auto& [k, v] : n.map) {
        CheckValue(unit, v, where + "[" + k + "]", out);
      }
      break;
    case Node::Kind::kList:
      for (const Node& item : n.list) {
        CheckValue(unit, item, where, out);
      }
      break;
    case Node::Kind::kNull:
      out.push_back(where + ": empty value");
      break;
  }
}

void CheckEntry(const ParameterSet& set, const Parameter& p, const Entry& e,
                const std::string& where, std::vector<std::string>& out) {
  const std::string at = where + " from " + e.from.ToIso();
  CheckValue(p.unit, e.value, at, out);
  if (!p.axes.empty() && e.value.kind != Node::Kind::kMap) {
    out.push_back(at + ": a table with axes must be a map");
  }
  // `where` starts with the file's path, which is all CheckCitation looks at.
  if (const std::string bad = CheckCitation(set, where, e.source.instrument, "source");
      !bad.empty()) {
    out.push_back(at + ": " + bad);
  }
  if (!kStatuses.contains(e.status)) {
    out.push_back(at + ": status must be verified or unverified");
  }
  if (e.status == "verified" && (e.verified_by.empty() || !e.verified_on)) {
    out.push_back(at + ": a verified entry needs verified_by and verified_on");
  }
}

void CheckCalendarYears(const ParameterSet& set, const Calendar& c, std::vector<std::string>& out) {
  std::set<int> listed;
  for (const CalendarYear& y : c.years) {
    const std::string where = c.path + ": year " + std::to_string(y.year);
    if (!listed.insert(y.year).second) {
      out.push_back(where + ": listed twice");
    }
    if (const std::string bad = CheckCitation(set, c.path, y.source.instrument, "source");
        !bad.empty()) {
      out.push_back(where + ": " + bad);
    }
    if (!kCalendarStatuses.contains(y.status)) {
      out.push_back(where + ": status must be verified, unverified or projected");
    }
    if (y.status == "verified" && (y.verified_by.empty() || !y.verified_on)) {
      out.push_back(where + ": a verified year needs verified_by and verified_on");
    }
    for (std::size_t i = y.first_day; i < y.first_day + y.day_count; ++i) {
      if (c.holidays[i].year() != y.year) {
        out.push_back(where + ": " + c.holidays[i].ToIso() + " is listed under the wrong year");
      }
    }
  }
  // Every calendar year wholly inside covers: cited, with at least kMinHolidaysPerYear holidays.
  for (int year = c.covers_from.year(); year <= c.covers_until.year(); ++year) {
    const auto first = Date::FromYmd(year, 1, 1);
    const auto next = Date::FromYmd(year + 1, 1, 1);
    if (!first || !next || *first < c.covers_from || c.covers_until < *next) {
      continue;
    }
    const std::string where = c.path + ": year " + std::to_string(year);
    if (!listed.contains(year)) {
      out.push_back(where + ": inside covers but has no entry in 'years'");
    }
    const auto n = std::count_if(c.holidays.begin(), c.holidays.end(),
                                 [&](Date d) { return d.year() == year; });
    if (static_cast<std::size_t>(n) < kMinHolidaysPerYear) {
      out.push_back(where + ": only " + std::to_string(n) + " holidays (at least " +
                    std::to_string(kMinHolidaysPerYear) + " expected)");
    }
  }
}

void CheckCalendar(const ParameterSet& set, const Calendar& c, const LintOptions& options,
                   std::vector<std::string>& out) {
  if (!c.id.starts_with(kCalendarIdPrefix)) {
    out.push_back(c.path + ": calendar id " + c.id + " must start with calendars.");
  }
  if (!(c.covers_from < c.covers_until)) {
    out.push_back(c.path + ": covers.from must be before covers.until");
  }
  CheckReview(c.reviewed_on, options, c.path, out);
  constexpr unsigned kSaturday = 5;  // Date::WeekdayIso(): 0 = Monday ... 6 = Sunday
  for (std::size_t i = 0; i < c.holidays.size(); ++i) {
    const Date d = c.holidays[i];
    const std::string where = c.path + ": " + d.ToIso();
    if (i > 0 && d == c.holidays[i - 1]) {
      out.push_back(where + ": listed twice (duplicate)");
    } else if (i > 0 && d < c.holidays[i - 1]) {
      out.push_back(where + ": out of date order (not sorted)");
    }
    if (!c.Covers(d)) {
      out.push_back(where + ": outside covers [" + c.covers_from.ToIso() + ", " +
                    c.covers_until.ToIso() + ")");
    }
    if (d.WeekdayIso() >= kSaturday) {
      out.push_back(where + ": falls on a Saturday or Sunday; list the substitute weekday");
    }
  }
  CheckCalendarYears(set, c, out);
}

}  // namespace

std::vector<std::string> Lint(const ParameterSet& set, const LintOptions& options) {
  std::vector<std::string> out;
  std::set<std::string> ids;
  for (const LawFile& f : set.files()) {
    if (!ids.insert(f.id).second) {
      out.push_back(f.path + ": id " + f.id + " is used by another file");
    }
    if (FindInstrument(set, f.provision.instrument) == nullptr) {
      out.push_back(f.path + ": provision instrument " + f.provision.instrument + " is unknown");
    } else if (const std::string bad =
                   CheckCitation(set, f.path, f.provision.instrument, "provision");
               !bad.empty()) {
      out.push_back(f.path + ": " + bad);
    }
    // The one relaxation (lint.h): service standards may rest on a GOV.UK page.
    const bool on_legislation = f.provision.uri.starts_with(kLegislationSite);
    const bool on_gov_uk = IsService(f.path) && f.provision.uri.starts_with(kGovUkSite);
    if (!on_legislation && !on_gov_uk) {
      out.push_back(f.path + (IsService(f.path)
                                  ? ": provision uri must be on https://www.legislation.gov.uk/ "
                                    "or https://www.gov.uk/"
                                  : ": provision uri must be on https://www.legislation.gov.uk/"));
    }
    for (const Parameter& p : f.parameters) {
      const std::string where = f.path + ": " + p.name;
      if (!kUnits.contains(p.unit)) {
        out.push_back(where + ": unknown unit " + p.unit);
      }
      if (p.timeline.front().from > set.scheme_start()) {
        out.push_back(where + ": timeline starts after the scheme opened (a gap)");
      }
      for (std::size_t i = 0; i < p.timeline.size(); ++i) {
        if (i > 0 && !(p.timeline[i - 1].from < p.timeline[i].from)) {
          out.push_back(where + ": entries must be in strictly increasing order of from (overlap)");
        }
        CheckEntry(set, p, p.timeline[i], where, out);
      }
      const Entry& last = p.timeline.back();
      if (!last.reviewed_on) {
        out.push_back(where + ": the last entry needs reviewed_on");
      } else if (options.today &&
                 DaysBetween(*last.reviewed_on, *options.today) > options.max_review_age_days) {
        out.push_back(where + ": reviewed_on " + last.reviewed_on->ToIso() + " is stale");
      }
    }
  }
  for (const Calendar& c : set.calendars()) {
    if (!ids.insert(c.id).second) {
      out.push_back(c.path + ": id " + c.id + " is used by another file");
    }
    CheckCalendar(set, c, options, out);
  }
  return out;
}

}  // namespace childmaint::law
