#include "golden_update.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace childmaint::golden {
namespace {

using nlohmann::json;

struct Edit {
  std::size_t pos = 0;
  std::size_t length = 0;
  std::string text;
};

struct FileUpdate {
  std::string text;  // the file as it stands
  std::vector<Edit> edits;
  std::vector<std::string> problems;
};

// The length of the scalar token starting at `pos` (quoted or plain), or 0 when it is not there.
std::size_t TokenLength(const std::string& text, std::size_t pos, const std::string& scalar) {
  if (pos >= text.size()) {
    return 0;
  }
  const char quote = text[pos];
  if (quote == '"' || quote == '\'') {
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else if (text[i] == quote) {
        return i - pos + 1;
      }
    }
    return 0;
  }
  return text.compare(pos, scalar.size(), scalar) == 0 ? scalar.size() : 0;
}

// The new token, quoted as the old one was (plain only where plain reads back the same).
std::string Token(char old_first, const json& value) {
  if (value.is_number_integer()) {
    const std::string digits = std::to_string(value.get<std::int64_t>());
    return old_first == '"' || old_first == '\'' ? "\"" + digits + "\"" : digits;
  }
  const std::string s = value.get<std::string>();
  static const std::regex kPlainSafe(R"([A-Za-z_][A-Za-z0-9_./-]*)");
  const bool plain_ok = std::regex_match(s, kPlainSafe) && s != "true" && s != "false" &&
                        s != "null" && s != "yes" && s != "no" && s != "on" && s != "off";
  if (old_first == '\'' ) {
    std::string out = "'";
    for (const char c : s) {
      out += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return out + "'";
  }
  return old_first != '"' && plain_ok ? s : json(s).dump();
}

bool StepCites(const json& got, const std::string& want) {
  if (!got.contains("steps")) {
    return false;
  }
  return std::any_of(got.at("steps").begin(), got.at("steps").end(), [&](const json& step) {
    return step.at("citation").get<std::string>().find(want) != std::string::npos;
  });
}

// Walks the expectation beside the response, as golden_runner's Compare does.
void Walk(const YAML::Node& want, const json& got, const std::string& where, FileUpdate& f) {
  if (want.IsMap()) {
    for (const auto& kv : want) {
      const std::string key = kv.first.as<std::string>();
      if (key == "citations_include") {
        for (const auto& c : kv.second) {
          if (!StepCites(got, c.as<std::string>())) {
            f.problems.push_back(where + ": no step cites " + c.as<std::string>());
          }
        }
      } else if (!got.is_object() || !got.contains(key)) {
        f.problems.push_back(where + ": no field " + key);
      } else {
        Walk(kv.second, got.at(key), where + "." + key, f);
      }
    }
  } else if (want.IsSequence()) {
    if (!got.is_array() || got.size() != want.size()) {
      f.problems.push_back(where + ": list length differs");
      return;
    }
    for (std::size_t i = 0; i < want.size(); ++i) {
      Walk(want[i], got.at(i), where + "[" + std::to_string(i) + "]", f);
    }
  } else if (!got.is_number_integer() && !got.is_string()) {
    f.problems.push_back(where + ": unexpected JSON " + got.dump());
  } else {
    const std::string now = got.is_string() ? got.get<std::string>()
                                            : std::to_string(got.get<std::int64_t>());
    if (now == want.Scalar()) {
      return;
    }
    const auto pos = static_cast<std::size_t>(want.Mark().pos);
    const std::size_t length = TokenLength(f.text, pos, want.Scalar());
    if (length == 0) {
      f.problems.push_back(where + ": cannot find the value in the file");
      return;
    }
    f.edits.push_back(Edit{pos, length, Token(f.text[pos], got)});
  }
}

}  // namespace

int UpdateGoldenFiles(const std::vector<std::string>& files, const AnswerFn& answer) {
  int status = 0;
  std::size_t changed = 0;
  for (const std::string& path : files) {
    FileUpdate f;
    std::ostringstream read;
    read << std::ifstream(path).rdbuf();
    f.text = read.str();
    const YAML::Node doc = YAML::Load(f.text);
    Walk(doc["expect"], json::parse(answer(path)), "expect", f);
    if (!f.problems.empty()) {
      status = 1;
      for (const std::string& p : f.problems) {
        std::cout << path << ": needs a person: " << p << "\n";
      }
      continue;
    }
    if (f.edits.empty()) {
      continue;
    }
    std::sort(f.edits.begin(), f.edits.end(),
              [](const Edit& a, const Edit& b) { return a.pos > b.pos; });
    for (const Edit& e : f.edits) {
      f.text.replace(e.pos, e.length, e.text);
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << f.text;
    ++changed;
    std::cout << path << ": updated " << f.edits.size() << " value(s)\n";
  }
  std::cout << changed << " of " << files.size() << " golden file(s) updated\n";
  return status;
}

}  // namespace childmaint::golden
