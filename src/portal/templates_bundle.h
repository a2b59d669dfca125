// File: templates_bundle.h — the portal's Mustache templates compiled into the program.
#pragma once

#include <vector>

#include "base/embedded_file.h"

namespace childmaint::portal {

const std::vector<EmbeddedFile>& EmbeddedTemplates();

}  // namespace childmaint::portal
