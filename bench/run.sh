#!/usr/bin/env bash
# `make bench`: the in-process Google Benchmark timings, then whole-process `calc --jsonl`
# throughput over a million requests per input set.
#
#   bash bench/run.sh BUILD_DIR
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 64
fi
BUILD=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ ! -x "$BUILD/bench/calc_bench" ]; then
  echo "run.sh: $BUILD/bench/calc_bench not found; build first (make build)" >&2
  exit 1
fi
"$BUILD/bench/calc_bench" --benchmark_min_time=0.5
echo
bash "$HERE/jsonl_throughput.sh" "$BUILD" 1000000
