// File: embedded_file.h — a file compiled into the program by cmake/EmbedFiles.cmake.
#pragma once

#include <string_view>

namespace childmaint {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded directory
  std::string_view text;
};

}  // namespace childmaint
