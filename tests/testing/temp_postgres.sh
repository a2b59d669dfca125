#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: `initdb` into a temp dir, the server listening only on a
# unix socket in that dir (no TCP port, so parallel clusters never clash), trust authentication
# for the superuser `postgres`, fsync off (CM_PG_DURABLE=1 keeps it on). initdb refuses to run as root: as root the server runs
# as the `postgres` system user (created by Debian's postgresql package), the dir chowned to it.
#
#   temp_postgres.sh run CMD [ARGS...]   starts a cluster, runs CMD with CM_TEST_PG_HOST,
#                                        CM_TEST_PG_PORT and CM_TEST_PG_BIN set, stops and removes
#                                        the cluster, exits with CMD's status
#   temp_postgres.sh start DIR           starts a cluster in DIR (empty or missing); prints
#                                        "HOST PORT BINDIR"
#   temp_postgres.sh stop DIR            stops it and removes DIR
#   temp_postgres.sh sql HOST PORT SQL [DB]   runs SQL (psql; database `postgres` by default),
#                                        prints the rows unaligned, without headers
set -euo pipefail

PORT=5432  # names the socket file only: HOST is a private directory

bindir() {  # (return 0, not return: in the EXIT trap a bare return gives the exit status)
  if [ -n "${CM_TEST_PG_BIN:-}" ] && [ -x "$CM_TEST_PG_BIN/initdb" ]; then
    echo "$CM_TEST_PG_BIN"; return 0
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir)
  fi
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "temp_postgres: initdb not found (install the postgresql package: tools/install-deps.sh)" >&2
    exit 1
  fi
  echo "$d"
}

as_server() {  # runs a server-side command as the cluster's owner (from /: it may not see cwd)
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

start() {
  local dir=$1 bin
  bin=$(bindir)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ "${CM_PG_DURABLE:-0}" = 1 ]; then  # benchmarks: durable commits, as in production
    fast=""
  fi
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -p $PORT $fast -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "$dir $PORT $bin"
}

stop() {
  local dir=$1 bin
  bin=$(bindir)
  if [ -d "$dir/data" ]; then
    as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  sql)
    "$(bindir)/psql" -h "$2" -p "$3" -U postgres -d "${5:-postgres}" -X -q -A -t -v ON_ERROR_STOP=1 \
      -c "$4"
    ;;
  run)
    shift
    dir=$(mktemp -d /tmp/cm_pg_XXXXXX)
    trap 'stop "$dir"' EXIT
    trap 'exit 130' INT HUP TERM  # so the EXIT trap removes the cluster
    read -r host port bin < <(start "$dir")
    status=0
    CM_TEST_PG_HOST=$host CM_TEST_PG_PORT=$port CM_TEST_PG_BIN=$bin "$@" || status=$?
    exit "$status"
    ;;
  *)
    echo "usage: temp_postgres.sh run CMD... | start DIR | stop DIR | sql HOST PORT SQL [DB]" >&2
    exit 2
    ;;
esac
