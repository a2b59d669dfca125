// File: citation.h — the legal provision a calculation step applied.
//
// A citation names a provision in the form people read it: "Child Support Act 1991 Sch 1 para 2(1)".
// Its text lives for the whole program (a string literal or the loaded law/ files).
#pragma once

#include <string_view>

namespace childmaint {

struct Citation {
  std::string_view text;
};

}  // namespace childmaint
