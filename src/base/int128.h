// File: int128.h — names the compiler's 128-bit integer once.
//
// -Wpedantic rejects a bare __int128, so the project spells it Int128 (cf. rippled's mulRatio,
// which multiplies money through 128 bits and checks the way back to 64).
#pragma once

namespace childmaint {

__extension__ typedef __int128 Int128;

}  // namespace childmaint
