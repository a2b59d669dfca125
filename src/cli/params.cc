#include "cli/params.h"

#include <cstdio>

#include "law/lint.h"
#include "law/parameter_set.h"

namespace childmaint::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 64;

Result<law::ParameterSet> LoadLaw(const ParamsOptions& options) {
  return options.dir.empty() ? law::ParameterSet::LoadEmbedded()
                             : law::ParameterSet::LoadDirectory(options.dir);
}

void Line(const std::string& s) { std::fprintf(stdout, "%s\n", s.c_str()); }

}  // namespace

int RunParamsLint(const ParamsOptions& options) {
  auto set = LoadLaw(options);
  if (!set) {
    std::fprintf(stderr, "law files do not load: %s\n", set.error().message.c_str());
    return kExitProblems;
  }
  law::LintOptions lint;
  if (!options.today.empty()) {
    auto d = Date::ParseIso(options.today);
    if (!d) {
      std::fprintf(stderr, "--today must be YYYY-MM-DD\n");
      return kExitUsage;
    }
    lint.today = *d;
  }
  const auto problems = law::Lint(*set, lint);
  for (const auto& p : problems) {
    std::fprintf(stderr, "%s\n", p.c_str());
  }
  std::size_t params = 0;
  for (const auto& f : set->files()) {
    params += f.parameters.size();
  }
  std::fprintf(stdout, "%zu files, %zu parameters, %zu problems\n", set->files().size(), params,
               problems.size());
  return problems.empty() ? kExitOk : kExitProblems;
}

int RunParamsShow(const ParamsOptions& options) {
  auto set = LoadLaw(options);
  if (!set) {
    std::fprintf(stderr, "law files do not load: %s\n", set.error().message.c_str());
    return kExitProblems;
  }
  auto on = Date::ParseIso(options.on);
  if (!on) {
    std::fprintf(stderr, "--on must be YYYY-MM-DD\n");
    return kExitUsage;
  }
  Line("Figures in force on " + on->ToIso());
  for (const auto& f : set->files()) {
    Line("");
    Line(f.title + "  (" + f.provision.location + ", " + f.provision.uri + ")");
    for (const auto& p : f.parameters) {
      const law::Entry* in_force = nullptr;
      for (const auto& e : p.timeline) {
        if (e.from <= *on) {
          in_force = &e;
        }
      }
      if (in_force == nullptr) {
        Line("  " + p.name + ": not in force");
        continue;
      }
      std::string value;
      const law::Node& v = in_force->value;
      if (v.kind == law::Node::Kind::kScalar) {
        value = v.scalar;
      } else if (v.kind == law::Node::Kind::kMap) {
        for (const auto& [k, cell] : v.map) {
          value += (value.empty() ? "" : ", ") + k + ": ";
          if (cell.kind == law::Node::Kind::kScalar) {
            value += cell.scalar;
          } else {
            std::string row;
            for (const auto& [k2, c2] : cell.map) {
              row += (row.empty() ? "" : " ") + k2 + "=" + c2.scalar;
            }
            value += "{" + row + "}";
          }
        }
      } else {
        value = std::to_string(v.list.size()) + " entries";
      }
      Line("  " + p.name + " (" + p.unit + "): " + value + "   [from " + in_force->from.ToIso() +
           "; " + in_force->source.instrument + " " + in_force->source.location + "]");
    }
  }
  return kExitOk;
}

}  // namespace childmaint::cli
