// File: law_file.h — the parsed form of one law/ parameter file, free of any YAML library type.
//
// A law file names one provision and holds its parameters; each parameter has a timeline of
// dated entries, each entry citing its own source (amending instruments change values one at a
// time). Entries are half-open: each runs until the next entry's `from`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"

namespace childmaint::law {

// A value as written: a scalar, a map (tables keyed by axis values) or a list.
struct Node {
  enum class Kind : std::uint8_t { kNull, kScalar, kMap, kList };
  Kind kind = Kind::kNull;
  std::string scalar;
  bool quoted = false;  // scalars: written in quotes (law values must be)
  std::vector<std::pair<std::string, Node>> map;
  std::vector<Node> list;

  // Defined out of line: clang with libstdc++ 12 cannot otherwise judge the implicit one while the
  // pair<string, Node> above is still incomplete (the fuzz build, fuzz/build.sh).
  Node();
  const Node* Find(std::string_view key) const;
};

struct Source {
  std::string instrument;  // key into instruments.yaml, e.g. "ukpga/2008/6"
  std::string location;    // "Sch 4 para 4(b)"
  std::string kind;        // original, substitution, textual_amendment, modification, ...
};

struct Entry {
  Date from;
  Node value;
  Source source;
  std::string status;  // verified | unverified
  std::string verified_by;
  std::optional<Date> verified_on;
  std::optional<Date> reviewed_on;
  std::vector<std::string> corroboration;
};

struct Parameter {
  std::string name;  // "flat_rate"
  std::string key;   // file id + "." + name: "csa1991.sch1.para4.flat_rate"
  std::string unit;  // gbp, rate, count, date, band_list, benefit_list
  std::vector<std::string> axes;
  std::vector<Entry> timeline;
};

struct Provision {
  std::string instrument;
  std::string location;
  std::string uri;
};

struct LawFile {
  std::string path;  // relative to law/
  std::string id;
  std::string title;
  Provision provision;
  std::vector<Parameter> parameters;
};

struct Instrument {
  std::string key;
  std::string title;
  std::string uri;
};

}  // namespace childmaint::law
