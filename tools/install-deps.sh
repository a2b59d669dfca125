#!/usr/bin/env bash
# Installs every Debian 12 package childmaint needs to build, test, benchmark and run, then the
# npm packages in package-lock.json (GOV.UK Frontend for the portal; playwright-core and axe-core
# for the browser tests, which drive Debian's chromium). clang-19, its libFuzzer/sanitizer
# runtimes and llvm-19 (the symbolizer for crash reports) build and run the fuzz targets
# (fuzz/build.sh); the project itself is built with g++ 12.
# Idempotent: installs only what is missing, so a second run costs a few dpkg queries.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git python3 time
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  libyaml-cpp-dev libsimdjson-dev libcli11-dev nlohmann-json3-dev
  libboost-dev libsqlite3-dev sqlite3 libpq-dev postgresql libsodium-dev libkainjow-mustache-dev curl wrk
  chromium fonts-liberation
  clang-19 libclang-rt-19-dev llvm-19
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
if [ ${#missing[@]} -ne 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly as locked (Node.js and npm come with the machine; env/machines/cpp.md);
# skipped when node_modules was installed from this very lock file.
cd "$(dirname "$0")/.."
if ! cmp -s package-lock.json node_modules/.childmaint-lock 2>/dev/null; then
  command -v npm >/dev/null || { echo "install-deps: npm is needed (Node.js 20)" >&2; exit 1; }
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.childmaint-lock
fi
