// File: openapi_bundle.h — openapi.json compiled into the program (generated .cc).
#pragma once

#include <vector>

#include "base/embedded_file.h"

namespace childmaint::api {

const std::vector<EmbeddedFile>& EmbeddedOpenApi();

}  // namespace childmaint::api
