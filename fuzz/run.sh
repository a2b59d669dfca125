#!/usr/bin/env bash
# Runs one fuzz target (built by fuzz/build.sh into DIR) for SECONDS on its committed seeds,
# fuzz/corpus/TARGET, plus what earlier runs found, DIR/corpus/TARGET (new inputs go there, never
# into the source tree). A crash, sanitizer report, timeout or too much memory fails the run and
# leaves the input in DIR/artifacts/TARGET/.
#   bash fuzz/run.sh build/clang-fuzz url_encoding 15 [more libFuzzer flags...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1 target=$2 seconds=$3
shift 3
program=$dir/fuzz/${target}_fuzz
found=$dir/corpus/$target
artifacts=$dir/artifacts/$target
mkdir -p "$found" "$artifacts"
# Symbolized stack traces in sanitizer reports (llvm-19; tools/install-deps.sh).
if [ -x /usr/lib/llvm-19/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer
  export UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"
fi
status=0
"$program" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$@" "$found" "$root/fuzz/corpus/$target" || status=$?
if [ "$status" -ne 0 ]; then
  echo "fuzz: $target failed ($status); the input is in $artifacts:" >&2
  ls -l "$artifacts" >&2
  echo "reproduce: $program $artifacts/<file>" >&2
fi
exit "$status"
