// File: migrations_bundle.h — the SQL migrations compiled into the program (generated .cc).
#pragma once

#include <vector>

#include "base/embedded_file.h"

namespace childmaint::store {

const std::vector<EmbeddedFile>& EmbeddedMigrations();

}  // namespace childmaint::store
