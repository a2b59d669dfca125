// Golden files: tests/golden/calc/<provision>/*.yaml, one CTest test each (label golden).
//
// Each file holds a calc-contract.md request (as YAML, or raw text in request_json) and the
// expected fields of the response, compared exactly: the request goes through the same reader,
// calculation and writer as `childmaint calc`. A second test sends every golden request through
// the real `build/childmaint calc --jsonl` and requires byte-identical output.
//
// `golden_runner --update [PATH-PART...]` rewrites the expected values of the golden files (those
// whose path contains one of the PATH-PARTs; all without) from the current engine instead of
// testing: golden_update.h. For a deliberate change, reviewed with `git diff`; CTest never runs it.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "calc/calculate.h"
#include "contract/request_reader.h"
#include "contract/response_writer.h"
#include "golden_update.h"

namespace childmaint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const law::ParameterSet& Law() {
  static const law::ParameterSet kLaw = *law::ParameterSet::LoadEmbedded();
  return kLaw;
}

// YAML -> JSON text: quoted scalars are strings; plain scalars that are JSON numbers or literals
// are written as they stand (so 100.0 and 1e2 reach the reader as numbers).
void ToJson(const YAML::Node& n, std::string& out) {
  static const std::regex kNumber(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)");
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      out += '{';
      bool first = true;
      for (const auto& kv : n) {
        out += first ? "" : ",";
        first = false;
        contract::AppendJsonString(out, kv.first.as<std::string>());
        out += ':';
        ToJson(kv.second, out);
      }
      out += '}';
      break;
    }
    case YAML::NodeType::Sequence: {
      out += '[';
      bool first = true;
      for (const auto& item : n) {
        out += first ? "" : ",";
        first = false;
        ToJson(item, out);
      }
      out += ']';
      break;
    }
    case YAML::NodeType::Null:
      out += "null";
      break;
    default: {
      const std::string s = n.Scalar();
      const bool plain = n.Tag() != "!";
      if (plain && (std::regex_match(s, kNumber) || s == "true" || s == "false" || s == "null")) {
        out += s;
      } else {
        contract::AppendJsonString(out, s);
      }
    }
  }
}

struct Golden {
  std::string path;
  std::string request;  // JSON text
  YAML::Node expect;
};

Golden Load(const std::string& path) {
  const YAML::Node doc = YAML::LoadFile(path);
  Golden g{path, "", doc["expect"]};
  if (doc["request_json"]) {
    g.request = doc["request_json"].as<std::string>();
  } else {
    ToJson(doc["request"], g.request);
  }
  return g;
}

std::string Answer(contract::RequestReader& reader, const std::string& request) {
  calc::Request req;
  calc::Result res;
  calc::Trace trace(true);
  std::string out;
  Status s = reader.ReadString(request, req);
  if (s) {
    s = calc::Calculate(req, Law(), res, trace);
  }
  if (s) {
    contract::WriteResponse(req, res, &trace, out);
  } else {
    contract::WriteError(s.error(), out);
  }
  return out;
}

// Compares the expected YAML against the actual JSON: listed keys only, lists by position.
void Compare(const YAML::Node& want, const json& got, const std::string& where) {
  if (want.IsMap()) {
    for (const auto& kv : want) {
      const std::string key = kv.first.as<std::string>();
      if (key == "citations_include") {
        continue;
      }
      ASSERT_TRUE(got.is_object() && got.contains(key)) << where << ": no field " << key;
      Compare(kv.second, got.at(key), where + "." + key);
    }
  } else if (want.IsSequence()) {
    ASSERT_TRUE(got.is_array() && got.size() == want.size()) << where << ": list length differs";
    for (std::size_t i = 0; i < want.size(); ++i) {
      Compare(want[i], got.at(i), where + "[" + std::to_string(i) + "]");
    }
  } else {
    const std::string s = want.Scalar();
    if (got.is_number_integer()) {
      EXPECT_EQ(std::to_string(got.get<std::int64_t>()), s) << where;
    } else if (got.is_string()) {
      EXPECT_EQ(got.get<std::string>(), s) << where;
    } else {
      ADD_FAILURE() << where << ": unexpected JSON " << got.dump();
    }
  }
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(CM_GOLDEN_DIR)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenCalc : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCalc, Matches) {
  const Golden g = Load(GetParam());
  contract::RequestReader reader(Law());
  const std::string out = Answer(reader, g.request);
  const json got = json::parse(out);
  Compare(g.expect, got, "response");
  if (g.expect["error"]) {
    EXPECT_FALSE(got.contains("rate")) << out;
  }
  if (const YAML::Node cites = g.expect["citations_include"]; cites) {
    for (const auto& c : cites) {
      const std::string want = c.as<std::string>();
      bool found = false;
      for (const auto& step : got.at("steps")) {
        found = found || step.at("citation").get<std::string>().find(want) != std::string::npos;
      }
      EXPECT_TRUE(found) << "no step cites " << want << ": " << out;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Calc, GoldenCalc, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = fs::relative(info.param, CM_GOLDEN_DIR).string();
                           name = name.substr(0, name.size() - 5);
                           for (char& c : name) {
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

// Every golden request through the real program, in one --jsonl stream.
TEST(GoldenCli, JsonlOutputEqualsInProcessOutput) {
  contract::RequestReader reader(Law());
  std::string input;
  std::vector<std::string> expected;
  for (const std::string& path : GoldenFiles()) {
    const Golden g = Load(path);
    if (g.request.find('\n') != std::string::npos || g.request.empty()) {
      continue;  // one request per line
    }
    input += g.request + "\n";
    expected.push_back(Answer(reader, g.request));
  }
  ASSERT_GT(expected.size(), 100u);
  const std::string in_path = ::testing::TempDir() + "golden_in.jsonl";
  const std::string out_path = ::testing::TempDir() + "golden_out.jsonl";
  std::ofstream(in_path) << input;
  const std::string cmd =
      std::string(CM_CHILDMAINT) + " calc --jsonl < " + in_path + " > " + out_path;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream got(out_path);
  std::string line;
  std::size_t i = 0;
  while (std::getline(got, line)) {
    ASSERT_LT(i, expected.size());
    EXPECT_EQ(line, expected[i]) << "line " << i + 1;
    ++i;
  }
  EXPECT_EQ(i, expected.size());
}

// The expected values of the chosen golden files rewritten from the engine (golden_update.h).
int Update(const std::vector<std::string>& parts) {
  std::vector<std::string> files;
  for (const std::string& path : GoldenFiles()) {
    const bool chosen = parts.empty() || std::any_of(parts.begin(), parts.end(), [&](const auto& p) {
                          return path.find(p) != std::string::npos;
                        });
    if (chosen) {
      files.push_back(path);
    }
  }
  contract::RequestReader reader(Law());
  return golden::UpdateGoldenFiles(
      files, [&](const std::string& path) { return Answer(reader, Load(path).request); });
}

}  // namespace
}  // namespace childmaint

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "--update") {
    return childmaint::Update(std::vector<std::string>(argv + 2, argv + argc));
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
