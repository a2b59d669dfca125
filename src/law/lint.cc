#include "law/lint.h"

#include <algorithm>
#include <functional>
#include <set>

namespace childmaint::law {

namespace {

const std::set<std::string, std::less<>> kUnits = {"gbp",  "rate",      "count",
                                                   "date", "band_list", "benefit_list"};
const std::set<std::string, std::less<>> kStatuses = {"verified", "unverified"};

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
  const auto& ins = set.instruments();
  if (std::none_of(ins.begin(), ins.end(),
                   [&](const Instrument& i) { return i.key == e.source.instrument; })) {
    out.push_back(at + ": source instrument " + e.source.instrument + " is not in instruments.yaml");
  }
  if (!kStatuses.contains(e.status)) {
    out.push_back(at + ": status must be verified or unverified");
  }
  if (e.status == "verified" && (e.verified_by.empty() || !e.verified_on)) {
    out.push_back(at + ": a verified entry needs verified_by and verified_on");
  }
}

}  // namespace

std::vector<std::string> Lint(const ParameterSet& set, const LintOptions& options) {
  std::vector<std::string> out;
  std::set<std::string> ids;
  for (const LawFile& f : set.files()) {
    if (!ids.insert(f.id).second) {
      out.push_back(f.path + ": id " + f.id + " is used by another file");
    }
    const auto& ins = set.instruments();
    if (std::none_of(ins.begin(), ins.end(),
                     [&](const Instrument& i) { return i.key == f.provision.instrument; })) {
      out.push_back(f.path + ": provision instrument " + f.provision.instrument + " is unknown");
    }
    if (f.provision.uri.rfind("https://www.legislation.gov.uk/", 0) != 0) {
      out.push_back(f.path + ": provision uri must be on https://www.legislation.gov.uk/");
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
  return out;
}

}  // namespace childmaint::law
