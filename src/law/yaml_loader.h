// File: yaml_loader.h — reads law/ YAML text into LawFile values (the yaml-cpp adapter).
//
// Only this module's yaml_loader.cc includes yaml-cpp; it catches the library's exceptions and
// returns Error. Schema problems (a missing key, a bad date) are errors naming the file and place.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "law/law_file.h"

namespace childmaint::law {

Result<LawFile> ParseLawFile(std::string_view path, std::string_view text);
Result<std::vector<Instrument>> ParseInstruments(std::string_view text);

}  // namespace childmaint::law
