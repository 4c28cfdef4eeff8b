#!/usr/bin/env bash
# Installs the Debian packages Hotline builds and tests with. Idempotent: asks apt only for what
# is missing, so a second run costs a dpkg query and nothing else.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libyaml-cpp-dev libcli11-dev libboost1.81-dev libboost-json1.81-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  clang clang-format-16 clang-tidy-16 libclang-rt-14-dev
  libhowardhinnant-date-dev tzdata sqlite3
  chromium fonts-noto-cjk coinor-libcbc-dev python3-simpy3
  libsqlite3-dev libsodium-dev wrk
  libre-dev libspandsp-dev libsndfile1-dev espeak-ng espeak-ng-data sox sip-tester baresip-core
  valgrind
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm build the browser assets; a machine that has them already (any version from
# 18 on) keeps its own.
if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages of web/ (ECharts for the HTML reports, ws for the server's end-to-end tests), exactly as package-lock.json pins them.
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/web/node_modules/echarts/dist/echarts.min.js" ] || [ ! -f "$root/web/node_modules/ws/package.json" ] || [ ! -d "$root/web/node_modules/vite" ] || [ ! -d "$root/web/node_modules/playwright-core" ]; then
  echo "install-deps: npm ci in web/" >&2
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
