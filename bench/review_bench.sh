#!/usr/bin/env bash
# Annual review throughput: demo-data for N cases, then `review --as-of` one year later.
# Usage: [CM_BENCH_DB=postgresql] bench/review_bench.sh BUILD_DIR [CASES...]   (default: 100000)
# Prints cases/s, children/s and peak RSS (/usr/bin/time) for each size.
set -euo pipefail
build=${1:?usage: review_bench.sh BUILD_DIR [CASES...]}
shift
sizes=("${@:-100000}")
bin="$build/childmaint"
# CM_BENCH_DB=postgresql: the same on a throwaway PostgreSQL cluster with durable commits.
pg=""
if [ "${CM_BENCH_DB:-sqlite}" = postgresql ]; then
  pg="$(dirname "$0")/../tests/testing/temp_postgres.sh"
  if [ -z "${CM_TEST_PG_HOST:-}" ]; then
    CM_PG_DURABLE=1 exec bash "$pg" run bash "$0" "$build" "${sizes[@]}"
  fi
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "${sizes[@]}"; do
  db="$tmp/review_$n.db"
  url="sqlite:$db"
  if [ -n "$pg" ]; then
    bash "$pg" sql "$CM_TEST_PG_HOST" "$CM_TEST_PG_PORT" "CREATE DATABASE review_$n"
    url="postgresql://postgres@/review_$n?host=$CM_TEST_PG_HOST&port=$CM_TEST_PG_PORT"
  fi
  /usr/bin/time -f "%e %M" -o "$tmp/demo.time" \
    "$bin" demo-data --cases "$n" --as-of 2025-11-23 --db "$url" >"$tmp/demo.out"
  children=$(sed -n 's/^created [0-9]* cases, \([0-9]*\) children.*/\1/p' "$tmp/demo.out")
  read -r demo_s demo_kb <"$tmp/demo.time"
  /usr/bin/time -f "%e %M" -o "$tmp/review.time" \
    "$bin" review --as-of 2026-11-23 --db "$url" >"$tmp/review.out"
  read -r review_s review_kb <"$tmp/review.time"
  last=$(tail -n 1 "$tmp/review.out")
  reviewed=$(echo "$last" | awk '{print $2}')
  t=$(echo "$last" | awk '{print $5}')
  if [ -n "$pg" ]; then
    size=$(bash "$pg" sql "$CM_TEST_PG_HOST" "$CM_TEST_PG_PORT" \
      "SELECT pg_database_size('review_$n') / 1048576")
  else
    size=$(du -m "$db" | cut -f1)
  fi
  echo "cases=$n children=$children db=${size}MB"
  echo "  demo-data: ${demo_s}s peak_rss=$((demo_kb / 1024))MB"
  echo "  review:    $last (wall ${review_s}s) peak_rss=$((review_kb / 1024))MB"
  awk -v c="$reviewed" -v k="$children" -v t="$t" 'BEGIN {
    printf "  review:    %.0f cases/s, %.0f children/s; 1,000,000 children at this rate: %.1f s\n",
      c / t, k / t, 1000000 / (k / t) }'
  rm -f "$db" "$db-wal" "$db-shm"
done
