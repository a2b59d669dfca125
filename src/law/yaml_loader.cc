#include "law/yaml_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

namespace childmaint::law {

Node::Node() = default;

const Node* Node::Find(std::string_view key) const {
  for (const auto& [k, v] : map) {
    if (k == key) {
      return &v;
    }
  }
  return nullptr;
}

namespace {

Error SchemaError(std::string_view path, const std::string& what) {
  return Error::Make(ErrorCode::kInvalidArgument, "law.schema",
                     std::string(path) + ": " + what);
}

Node Convert(const YAML::Node& y) {
  Node n;
  switch (y.Type()) {
    case YAML::NodeType::Scalar:
      n.kind = Node::Kind::kScalar;
      n.scalar = y.Scalar();
      n.quoted = y.Tag() == "!";  // yaml-cpp tags non-plain (quoted) scalars "!"
      break;
    case YAML::NodeType::Map:
      n.kind = Node::Kind::kMap;
      for (const auto& kv : y) {
        n.map.emplace_back(kv.first.as<std::string>(), Convert(kv.second));
      }
      break;
    case YAML::NodeType::Sequence:
      n.kind = Node::Kind::kList;
      for (const auto& item : y) {
        n.list.push_back(Convert(item));
      }
      break;
    default:
      break;
  }
  return n;
}

Result<std::string> Text(const Node& parent, std::string_view key, std::string_view where) {
  const Node* n = parent.Find(key);
  if (n == nullptr || n->kind != Node::Kind::kScalar || n->scalar.empty()) {
    return SchemaError(where, "missing text field '" + std::string(key) + "'");
  }
  return n->scalar;
}

Result<Date> DateField(const Node& parent, std::string_view key, std::string_view where) {
  CMS_ASSIGN_OR_RETURN(const std::string text, Text(parent, key, where));
  auto d = Date::ParseIso(text);
  if (!d) {
    return SchemaError(where, "'" + std::string(key) + "' is not a YYYY-MM-DD date: " + text);
  }
  return *d;
}

Result<Entry> ParseEntry(const Node& e, const std::string& where) {
  Entry entry;
  if (e.kind != Node::Kind::kMap) {
    return SchemaError(where, "a timeline entry must be a map");
  }
  CMS_ASSIGN_OR_RETURN(entry.from, DateField(e, "from", where));
  const Node* value = e.Find("value");
  if (value == nullptr) {
    return SchemaError(where, "entry from " + entry.from.ToIso() + " has no value");
  }
  entry.value = *value;
  const Node* source = e.Find("source");
  if (source == nullptr || source->kind != Node::Kind::kMap) {
    return SchemaError(where, "entry from " + entry.from.ToIso() + " has no source");
  }
  CMS_ASSIGN_OR_RETURN(entry.source.instrument, Text(*source, "instrument", where));
  CMS_ASSIGN_OR_RETURN(entry.source.location, Text(*source, "location", where));
  CMS_ASSIGN_OR_RETURN(entry.source.kind, Text(*source, "kind", where));
  CMS_ASSIGN_OR_RETURN(entry.status, Text(e, "status", where));
  if (const Node* by = e.Find("verified_by"); by != nullptr) {
    entry.verified_by = by->scalar;
  }
  if (e.Find("verified_on") != nullptr) {
    CMS_ASSIGN_OR_RETURN(entry.verified_on, DateField(e, "verified_on", where));
  }
  if (e.Find("reviewed_on") != nullptr) {
    CMS_ASSIGN_OR_RETURN(entry.reviewed_on, DateField(e, "reviewed_on", where));
  }
  if (const Node* c = e.Find("corroboration"); c != nullptr) {
    for (const Node& item : c->list) {
      entry.corroboration.push_back(item.scalar);
    }
  }
  return entry;
}

// What a service parameter counts: time, attempts, or (upload limits) bytes.
constexpr std::array<std::string_view, 7> kServicePeriods = {
    "minutes", "days", "working_days", "months", "years", "attempts", "bytes"};

Status CheckServicePeriod(std::string_view path, const Node& p, const std::string& where) {
  if (!path.starts_with(kServiceDir)) {
    return Ok();
  }
  const Node* period = p.Find("period");
  if (period == nullptr ||
      std::find(kServicePeriods.begin(), kServicePeriods.end(), period->scalar) ==
          kServicePeriods.end()) {
    return SchemaError(where,
                       "a service parameter needs 'period': minutes, days, working_days, months, "
                       "years, attempts or bytes");
  }
  return Ok();
}

Result<int> IntField(const Node& parent, std::string_view key, std::string_view where) {
  CMS_ASSIGN_OR_RETURN(const std::string text, Text(parent, key, where));
  int v = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end) {
    return SchemaError(where, "'" + std::string(key) + "' is not a whole number: " + text);
  }
  return v;
}

Result<Source> SourceField(const Node& parent, std::string_view where) {
  const Node* source = parent.Find("source");
  if (source == nullptr || source->kind != Node::Kind::kMap) {
    return SchemaError(where, "missing 'source'");
  }
  Source out;
  CMS_ASSIGN_OR_RETURN(out.instrument, Text(*source, "instrument", where));
  CMS_ASSIGN_OR_RETURN(out.location, Text(*source, "location", where));
  CMS_ASSIGN_OR_RETURN(out.kind, Text(*source, "kind", where));
  return out;
}

Status ParseCalendarYear(const Node& y, const std::string& path, Calendar& cal) {
  if (y.kind != Node::Kind::kMap) {
    return SchemaError(path, "each entry of 'years' must be a map");
  }
  CalendarYear year;
  CMS_ASSIGN_OR_RETURN(year.year, IntField(y, "year", path));
  const std::string where = path + " year " + std::to_string(year.year);
  CMS_ASSIGN_OR_RETURN(year.source, SourceField(y, where));
  CMS_ASSIGN_OR_RETURN(year.status, Text(y, "status", where));
  if (const Node* by = y.Find("verified_by"); by != nullptr) {
    year.verified_by = by->scalar;
  }
  if (y.Find("verified_on") != nullptr) {
    CMS_ASSIGN_OR_RETURN(year.verified_on, DateField(y, "verified_on", where));
  }
  if (const Node* c = y.Find("corroboration"); c != nullptr) {
    for (const Node& item : c->list) {
      year.corroboration.push_back(item.scalar);
    }
  }
  const Node* days = y.Find("days");
  if (days == nullptr || days->kind != Node::Kind::kList) {
    return SchemaError(where, "missing 'days' list");
  }
  year.first_day = cal.holidays.size();
  for (const Node& d : days->list) {
    if (d.kind != Node::Kind::kMap) {
      return SchemaError(where, "each day must be a map {date, name}");
    }
    CMS_ASSIGN_OR_RETURN(const Date date, DateField(d, "date", where));
    CMS_ASSIGN_OR_RETURN(std::string name, Text(d, "name", where));
    cal.holidays.push_back(date);
    cal.names.push_back(std::move(name));
  }
  year.day_count = cal.holidays.size() - year.first_day;
  cal.years.push_back(std::move(year));
  return Ok();
}

Result<LawFile> Build(std::string_view path, const Node& root) {
  LawFile file;
  file.path = std::string(path);
  CMS_ASSIGN_OR_RETURN(file.id, Text(root, "id", path));
  CMS_ASSIGN_OR_RETURN(file.title, Text(root, "title", path));
  const Node* prov = root.Find("provision");
  if (prov == nullptr) {
    return SchemaError(path, "missing 'provision'");
  }
  CMS_ASSIGN_OR_RETURN(file.provision.instrument, Text(*prov, "instrument", path));
  CMS_ASSIGN_OR_RETURN(file.provision.location, Text(*prov, "location", path));
  CMS_ASSIGN_OR_RETURN(file.provision.uri, Text(*prov, "uri", path));
  const Node* params = root.Find("parameters");
  if (params == nullptr || params->kind != Node::Kind::kMap || params->map.empty()) {
    return SchemaError(path, "missing 'parameters'");
  }
  for (const auto& [name, p] : params->map) {
    const std::string where = std::string(path) + " " + name;
    Parameter param;
    param.name = name;
    param.key = file.id + "." + name;
    CMS_ASSIGN_OR_RETURN(param.unit, Text(p, "unit", where));
    CMS_TRY(CheckServicePeriod(path, p, where));
    if (const Node* axes = p.Find("axes"); axes != nullptr) {
      for (const Node& a : axes->list) {
        param.axes.push_back(a.scalar);
      }
    }
    const Node* timeline = p.Find("timeline");
    if (timeline == nullptr || timeline->kind != Node::Kind::kList || timeline->list.empty()) {
      return SchemaError(where, "missing or empty 'timeline'");
    }
    for (const Node& e : timeline->list) {
      CMS_ASSIGN_OR_RETURN(Entry entry, ParseEntry(e, where));
      param.timeline.push_back(std::move(entry));
    }
    file.parameters.push_back(std::move(param));
  }
  return file;
}

Result<Node> Load(std::string_view path, std::string_view text) {
  try {
    return Convert(YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    return SchemaError(path, std::string("not valid YAML: ") + e.what());
  }
}

}  // namespace

Result<LawFile> ParseLawFile(std::string_view path, std::string_view text) {
  CMS_ASSIGN_OR_RETURN(const Node root, Load(path, text));
  return Build(path, root);
}

Result<Calendar> ParseCalendar(std::string_view path, std::string_view text) {
  CMS_ASSIGN_OR_RETURN(const Node root, Load(path, text));
  Calendar cal;
  cal.path = std::string(path);
  CMS_ASSIGN_OR_RETURN(cal.id, Text(root, "id", path));
  CMS_ASSIGN_OR_RETURN(cal.title, Text(root, "title", path));
  const Node* covers = root.Find("covers");
  if (covers == nullptr || covers->kind != Node::Kind::kMap) {
    return SchemaError(path, "missing 'covers' {from, until}");
  }
  CMS_ASSIGN_OR_RETURN(cal.covers_from, DateField(*covers, "from", path));
  CMS_ASSIGN_OR_RETURN(cal.covers_until, DateField(*covers, "until", path));
  if (root.Find("reviewed_on") != nullptr) {
    CMS_ASSIGN_OR_RETURN(cal.reviewed_on, DateField(root, "reviewed_on", path));
  }
  const Node* years = root.Find("years");
  if (years == nullptr || years->kind != Node::Kind::kList || years->list.empty()) {
    return SchemaError(path, "missing 'years'");
  }
  for (const Node& y : years->list) {
    CMS_TRY(ParseCalendarYear(y, cal.path, cal));
  }
  return cal;
}

Result<std::vector<Instrument>> ParseInstruments(std::string_view text) {
  CMS_ASSIGN_OR_RETURN(const Node root, Load("instruments.yaml", text));
  const Node* list = root.Find("instruments");
  if (list == nullptr || list->kind != Node::Kind::kMap) {
    return SchemaError("instruments.yaml", "missing 'instruments' map");
  }
  std::vector<Instrument> out;
  for (const auto& [key, v] : list->map) {
    CMS_ASSIGN_OR_RETURN(const std::string title, Text(v, "title", "instruments.yaml " + key));
    CMS_ASSIGN_OR_RETURN(const std::string uri, Text(v, "uri", "instruments.yaml " + key));
    out.push_back(Instrument{key, title, uri});
  }
  return out;
}

}  // namespace childmaint::law
