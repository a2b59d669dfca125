#!/usr/bin/env bash
# Differential test: the calculator against tools/reference_calc.py on random valid requests.
#
#   tests/differential/compare.sh BINARY COUNT [SEED]
#   tests/differential/compare.sh build/childmaint 100000
#
# Generates COUNT requests (tests/differential/gen_requests.py, SEED default 1), runs
# `BINARY calc --jsonl --no-steps` and `python3 tools/reference_calc.py` on them, and
# compares the two outputs line by line as parsed JSON (compare_outputs.py). On the first
# difference prints the request and both outputs and exits 1; otherwise prints
# "N passed, 0 failed". KEEP_DIR=dir keeps the generated files there.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 BINARY COUNT [SEED]" >&2
  exit 64
fi
binary=$1
count=$2
seed=${3:-1}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

if [[ -n "${KEEP_DIR:-}" ]]; then
  work=$KEEP_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

python3 "$here/gen_requests.py" --seed "$seed" --count "$count" >"$work/requests.jsonl"

status=0
"$binary" calc --jsonl --no-steps <"$work/requests.jsonl" >"$work/binary.jsonl" || status=$?
if [[ $status -ne 0 ]]; then
  echo "$binary calc --jsonl --no-steps exited with status $status (expected 0)" >&2
  exit 1
fi

python3 "$root/tools/reference_calc.py" <"$work/requests.jsonl" >"$work/reference.jsonl"

python3 "$here/compare_outputs.py" "$work/requests.jsonl" "$work/binary.jsonl" "$work/reference.jsonl"
