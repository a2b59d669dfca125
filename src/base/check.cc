#include "base/check.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace childmaint::internal {

CheckFailure::CheckFailure(std::string_view condition, std::string_view file, int line) {
  stream_ << "CHECK failed: " << condition << " at " << file << ":" << line << ": ";
}

CheckFailure::~CheckFailure() {
  const std::string text = stream_.str();
  std::fprintf(stderr, "%s\n", text.c_str());
  std::abort();
}

}  // namespace childmaint::internal
