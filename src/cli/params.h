// File: params.h — `childmaint params lint|show`: check and print the law/ parameter files.
#pragma once

#include <optional>
#include <string>

namespace childmaint::cli {

struct ParamsOptions {
  std::string dir;    // empty: the embedded files
  std::string today;  // lint: stale reviews are problems as at this date ("" = not checked)
  std::string on;     // show: the date
};

int RunParamsLint(const ParamsOptions& options);
int RunParamsShow(const ParamsOptions& options);

}  // namespace childmaint::cli
