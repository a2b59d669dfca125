// File: templates_bundle.h — the console's Mustache templates compiled into the program.
#pragma once

#include <vector>

#include "base/embedded_file.h"

namespace childmaint::console {

const std::vector<EmbeddedFile>& EmbeddedTemplates();

}  // namespace childmaint::console
