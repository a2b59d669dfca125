#!/usr/bin/env bash
# `make run`: a fresh demo service. Builds nothing (the Makefile's run target builds first).
# Creates run/childmaint.db anew with 200 demo cases, a caseworker token and a console account
# (team leader "demo"), then serves on
# $PORT (default 8080) in the foreground until Ctrl-C.
set -euo pipefail
BUILD="${1:-build}"
PORT="${PORT:-8080}"
BIN="$BUILD/childmaint"
DIR=run
DB="sqlite:$DIR/childmaint.db"

mkdir -p "$DIR"
rm -f "$DIR/childmaint.db" "$DIR/childmaint.db-wal" "$DIR/childmaint.db-shm"

demo=$("$BIN" demo-data --cases 200 --db "$DB")
token=$("$BIN" admin token --role caseworker --name demo --db "$DB")
console_password=$("$BIN" admin account --role team_leader --name demo --db "$DB")
demo_case=$(sed -n 's/^demo case: reference \([0-9]*\),.*/\1/p' <<<"$demo")

"$BIN" serve --port "$PORT" --db "$DB" >"$DIR/serve.out" 2>"$DIR/serve.err" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  grep -q '^listening on ' "$DIR/serve.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$DIR/serve.err" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$DIR/serve.out")

cat <<MSG
$demo

childmaint is running at $url  (database $DIR/childmaint.db, log $DIR/serve.err)

Portal: open $url/sign-in and sign in as the demo case's paying parent with the
reference, NI number and PIN on the "demo case" line above (the receiving parent's are on the
next line).

Caseworker console: open $url/console/sign-in and sign in with
  Name: demo   Password: $console_password   (a team leader)

caseworker token: $token

try:
  curl -s -H "Authorization: Bearer $token" $url/api/v1/cases/$demo_case
  curl -s $url/api/v1/health

Parents sign in through the API with the case reference, NI number and PIN shown above:
  curl -s -c jar -X POST $url/api/v1/session -d '{"case_reference":"...","ni_number":"...","pin":"..."}'
  curl -s -b jar $url/api/v1/cases/$demo_case
Press Ctrl-C to stop.
MSG
wait "$server"
