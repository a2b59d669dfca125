// File: setup.h — what the service commands share at start-up: the law, an --as-of date, the
// database. Each reports its own failure on stderr and returns nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/date.h"
#include "law/parameter_set.h"
#include "store/db.h"

namespace childmaint::cli {

std::optional<law::ParameterSet> LoadLaw();
// `text` as a date, or today when it is empty.
std::optional<Date> AsOf(const std::string& text);
std::unique_ptr<store::Pool> OpenDatabase(const std::string& url, std::size_t connections);

}  // namespace childmaint::cli
