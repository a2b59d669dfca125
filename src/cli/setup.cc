#include "cli/setup.h"

#include <cstdio>

#include "base/clock.h"

namespace childmaint::cli {

std::optional<law::ParameterSet> LoadLaw() {
  auto law = law::ParameterSet::LoadEmbedded();
  if (!law) {
    std::fprintf(stderr, "childmaint: law files do not load: %s\n", law.error().message.c_str());
    return std::nullopt;
  }
  return std::move(*law);
}

std::optional<Date> AsOf(const std::string& text) {
  if (text.empty()) {
    return SystemClock::Get().Today();
  }
  auto d = Date::ParseIso(text);
  if (!d) {
    std::fprintf(stderr, "childmaint: --as-of: %s\n", d.error().message.c_str());
    return std::nullopt;
  }
  return *d;
}

namespace {

// postgresql://user:secret@host/db → postgresql://user:***@host/db (for messages).
std::string WithoutPassword(const std::string& url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) {
    return url;
  }
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) {
    return url;
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace

std::unique_ptr<store::Pool> OpenDatabase(const std::string& url, std::size_t connections) {
  auto pool = store::OpenPool(url, connections);
  if (!pool) {
    std::fprintf(stderr, "childmaint: cannot open %s: %s\n", WithoutPassword(url).c_str(),
                 pool.error().message.c_str());
    return nullptr;
  }
  return std::move(*pool);
}

}  // namespace childmaint::cli
