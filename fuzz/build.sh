#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/CMakeLists.txt) with clang-19, AddressSanitizer and
# UndefinedBehaviorSanitizer into DIR (default build/clang-fuzz): the project configured a second
# time with CM_FUZZ=ON, of which only the `fuzzers` target (and the few libraries it needs) is
# built.
#   bash fuzz/build.sh [DIR]        JOBS=2 by default; CM_CLANG names another clang++.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/clang-fuzz}
clang=${CM_CLANG:-clang++-19}
if ! command -v "$clang" >/dev/null; then
  echo "fuzz: $clang is not installed: run tools/install-deps.sh (clang-19, libclang-rt-19-dev)" >&2
  exit 1
fi
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link"
flags+=" -Wno-unknown-warning-option"
if [ ! -f "$out/build.ninja" ]; then
  # Sanitizers on every library the targets link; libFuzzer's main only on the targets. Warnings
  # are the g++ build's business (-Werror there), so they are not errors here.
  cmake -S "$root" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$clang" -DCM_FUZZ=ON -DCM_WERROR=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_CXX_FLAGS="$flags" \
    >/dev/null
fi
cmake --build "$out" --target fuzzers -j "${JOBS:-2}"
