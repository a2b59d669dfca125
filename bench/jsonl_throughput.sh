#!/usr/bin/env bash
# Whole-process throughput of `childmaint calc --jsonl`, as calc-contract.md "Performance" measures
# it: one process per run, pinned to one core, output written to a file, start-up included.
#
#   bash bench/jsonl_throughput.sh BUILD_DIR [COUNT=1000000]
#
# Generates COUNT mixed requests and COUNT single-receiving-parent requests (the former GOV.UK
# calculator's inputs) with BUILD_DIR/bench/calc_gen, runs `calc --jsonl` (with steps) and
# `calc --jsonl --no-steps` over each, twice, keeps the faster run, checks one output line per
# request, and prints requests/s (from elapsed time) and peak RSS; `cpu s` (user + sys) shows how
# much of the elapsed time the process itself used (less when the machine is busy or the disk
# slow). Then checks that memory stays flat: --no-steps over COUNT/4 lines and over
# 4 x COUNT/4 lines should peak at the same RSS.
# Needs taskset (util-linux) and GNU time at /usr/bin/time (tools/install-deps.sh installs it).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [COUNT=1000000]" >&2
  exit 64
fi
BUILD=$1
COUNT=${2:-1000000}
CM=$BUILD/childmaint
GEN=$BUILD/bench/calc_gen
RUBY_RPS=33000  # former GOV.UK Ruby calculator, measured in issue #3

if ! [[ $COUNT =~ ^[1-9][0-9]*$ ]]; then
  echo "jsonl_throughput: COUNT must be a positive whole number" >&2
  exit 64
fi
for f in "$CM" "$GEN"; do
  if [ ! -x "$f" ]; then
    echo "jsonl_throughput: $f not found; build first (make build)" >&2
    exit 1
  fi
done
if [ ! -x /usr/bin/time ] || ! command -v taskset >/dev/null; then
  echo "jsonl_throughput: needs /usr/bin/time and taskset (bash tools/install-deps.sh)" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/childmaint-jsonl.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# run_calc INPUT FLAGS...: two pinned runs; sets ELAPSED and CPU (user + sys) of the faster, RSS_KIB
# (the larger peak) and ERRORS (error objects in the output).
run_calc() {
  local input=$1
  shift
  local want e m u k lines
  want=$(wc -l <"$input")
  ELAPSED=""
  CPU=""
  RSS_KIB=0
  for _ in 1 2; do
    rm -f "$TMP/out.jsonl"
    if ! /usr/bin/time -f "%e %M %U %S" -o "$TMP/time.txt" \
        taskset -c 0 "$CM" calc "$@" <"$input" >"$TMP/out.jsonl"; then
      echo "jsonl_throughput: childmaint calc $* failed on $input" >&2
      exit 1
    fi
    read -r e m u k <"$TMP/time.txt"
    lines=$(wc -l <"$TMP/out.jsonl")
    if [ "$lines" -ne "$want" ]; then
      echo "jsonl_throughput: $input: $want requests but $lines response lines" >&2
      exit 1
    fi
    ERRORS=$(grep -c '^{"error"' "$TMP/out.jsonl" || true)
    if [ -z "$ELAPSED" ] || awk -v a="$e" -v b="$ELAPSED" 'BEGIN { exit !(a < b) }'; then
      ELAPSED=$e
      CPU=$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", u + k }')
    fi
    if [ "$m" -gt "$RSS_KIB" ]; then
      RSS_KIB=$m
    fi
  done
  rm -f "$TMP/out.jsonl"
}

rps() {  # requests/s from a count and elapsed seconds (time's %e has 10 ms resolution)
  awk -v n="$1" -v e="$2" 'BEGIN { if (e < 0.01) e = 0.01; printf "%.0f", n / e }'
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo "== calc --jsonl throughput: $COUNT requests per set, pinned to CPU 0, output to a file"
start=$(date +%s.%N)
"$GEN" --count "$COUNT" --seed 1 >"$TMP/mixed.jsonl"
"$GEN" --count "$COUNT" --seed 2 --single-receiving-parent >"$TMP/single.jsonl"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$COUNT" \
    -v a="$(stat -c %s "$TMP/mixed.jsonl")" -v b="$(stat -c %s "$TMP/single.jsonl")" \
    'BEGIN { printf "generated 2 x %d requests (%.0f MB mixed, %.0f MB single-RP) in %.2f s\n",
             n, a / 1e6, b / 1e6, e - s }'
echo
printf "%-24s %-10s %12s %10s %8s %13s %7s\n" "input set" "mode" "requests/s" "elapsed s" "cpu s" \
    "peak RSS MiB" "errors"
declare -A RESULT
for set in mixed single; do
  for mode in steps no-steps; do
    flags=(--jsonl)
    if [ "$mode" = no-steps ]; then
      flags+=(--no-steps)
    fi
    run_calc "$TMP/$set.jsonl" "${flags[@]}"
    r=$(rps "$COUNT" "$ELAPSED")
    RESULT[$set/$mode]=$r
    label=$set
    if [ "$set" = single ]; then
      label="single receiving parent"
    fi
    printf "%-24s %-10s %12s %10s %8s %13s %7s\n" "$label" "$mode" "$r" "$ELAPSED" "$CPU" \
        "$(mib "$RSS_KIB")" "$ERRORS"
  done
done

echo
echo "== memory flatness (--no-steps, mixed)"
quarter=$(( COUNT / 4 > 0 ? COUNT / 4 : 1 ))
head -n "$quarter" "$TMP/mixed.jsonl" >"$TMP/q1.jsonl"
for _ in 1 2 3 4; do cat "$TMP/q1.jsonl"; done >"$TMP/q4.jsonl"
run_calc "$TMP/q1.jsonl" --jsonl --no-steps
rss1=$RSS_KIB
run_calc "$TMP/q4.jsonl" --jsonl --no-steps
rss4=$RSS_KIB
verdict=$(awk -v a="$rss1" -v b="$rss4" 'BEGIN { print (b <= a * 1.1 + 1024) ? "flat" : "GROWS" }')
printf "%9d lines: peak RSS %s MiB\n" "$quarter" "$(mib "$rss1")"
printf "%9d lines: peak RSS %s MiB  (%s)\n" "$(( quarter * 4 ))" "$(mib "$rss4")" "$verdict"

echo
echo "== against calc-contract.md \"Performance\""
mixed_steps=${RESULT[mixed/steps]}
awk -v r="$mixed_steps" 'BEGIN {
  printf "with steps, mixed: %d requests/s = %.0f per minute (floor 1,000,000/min; aim 1,000,000/s: %.0f%%)\n",
         r, r * 60, r / 10000 }'
echo "former GOV.UK Ruby calculator: ~33,000 requests/s (issue #3)"
awk -v r="${RESULT[single/no-steps]}" -v ruby="$RUBY_RPS" 'BEGIN {
  printf "--no-steps, single receiving parent: %d requests/s = %.1f x the Ruby calculator (floor 20x, aim 50x)\n",
         r, r / ruby }'
