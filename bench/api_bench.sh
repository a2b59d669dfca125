#!/usr/bin/env bash
# HTTP API throughput: `childmaint serve` on a temporary database on 127.0.0.1, then
# `wrk -t2 -c32 -d10s --latency` against POST /api/v1/calculations (a Lua script) and
# GET /api/v1/health. Prints requests/s and latency percentiles. Loopback only, bounded.
# Usage: bench/api_bench.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: api_bench.sh BUILD_DIR}
bin="$build/childmaint"
command -v wrk >/dev/null || { echo "api_bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
tmp=$(mktemp -d)
"$bin" serve --port 0 --db "sqlite:$tmp/api.db" >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 50); do
  grep -q '^listening on ' "$tmp/serve.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$tmp/serve.out")
[ -n "$url" ] || { cat "$tmp/serve.err" >&2; exit 1; }

cat >"$tmp/calc.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000},' ..
  '"relevant_other_children":1},"receiving_parents":[{"id":"A","children":[' ..
  '{"id":"c1","nights_with_paying_parent":0},{"id":"c2","nights_with_paying_parent":110}]}],' ..
  '"collection":"collect_and_pay"}'
local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
LUA

summary() {
  awk '/Requests\/sec/ {print "  requests/s: " $2}
       /^ +50%/ {p50=$2} /^ +75%/ {p75=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
       /Non-2xx/ {print "  " $0}
       /requests in/ {print "  " $1 " requests in " $4}
       END {print "  latency p50 " p50 ", p75 " p75 ", p90 " p90 ", p99 " p99}'
}
# One check that the request is accepted before measuring it.
curl -sf -X POST -H 'Content-Type: application/json' --data-binary \
  '{"effective_date":"2025-04-07","paying_parent":{"income":{"weekly_pence":60000}},"receiving_parents":[{"id":"A","children":[{"id":"c1","nights_with_paying_parent":0}]}]}' \
  "$url/api/v1/calculations" >/dev/null || echo "api_bench: warning: the calculation request was not accepted" >&2

echo "POST /api/v1/calculations (wrk -t2 -c32 -d10s)"
wrk -t2 -c32 -d10s --latency -s "$tmp/calc.lua" "$url/api/v1/calculations" | summary
echo "GET /api/v1/health (wrk -t2 -c32 -d10s)"
wrk -t2 -c32 -d10s --latency "$url/api/v1/health" | summary
