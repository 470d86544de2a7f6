#!/usr/bin/env bash
# The README's two commands (Debian 12):
#   ./dev.sh run    install what is missing, build, start Madoguchi on its embedded default
#                   (training reader with the demo cards, local data)
#   ./dev.sh test   install what is missing, build both configurations, run every test
# Both are idempotent and quick when nothing changed. Other verbs: build, bench, fuzz, screenshots.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
BUILD=${MADOGUCHI_BUILD_DIR:-$ROOT/build}
BUILD_NOGUI=${MADOGUCHI_BUILD_NOGUI_DIR:-$ROOT/build-nogui}
BUILD_FUZZ=${MADOGUCHI_BUILD_FUZZ_DIR:-$ROOT/build-fuzz}
FUZZ_SECONDS=${MADOGUCHI_FUZZ_SECONDS:-20}
JOBS=${MADOGUCHI_JOBS:-$(nproc)}
# Compiler caches hit across clones of the repository (CI builds a fresh clone each time).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT}

# Debian packages the build, the tests and the app need (docs/toolchain.md).
PACKAGES=(cmake ninja-build g++ pkg-config ccache
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl1-mesa-dev
  libpcsclite-dev pcscd vsmartcard-vpcd pcsc-tools
  libsqlcipher-dev sqlcipher libssl-dev openssl libexpected-dev qtkeychain-qt6-dev
  libboost-dev libpq-dev postgresql libbenchmark-dev
  xvfb xauth fonts-ipafont-gothic
  clang-14 libclang-rt-14-dev rsyslog rsyslog-openssl wrk
  dbus-daemon gnome-keyring)

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() { # dir, extra cmake args... [-- targets...]
  local dir=$1; shift
  local args=() targets=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; targets=(--target "$@"); }
  if [ ! -f "$dir/build.ninja" ]; then
    log "configuring $dir"
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "${args[@]}"
  fi
  log "building $dir"
  cmake --build "$dir" -j "$JOBS" "${targets[@]}"
}

run_app() {
  configure_and_build "$BUILD"
  export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
  chmod 700 "$XDG_RUNTIME_DIR"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    log "no display: starting Madoguchi under Xvfb (add --screenshot FILE.png to see it)"
    exec xvfb-run -a -s '-screen 0 1280x800x24' "$BUILD/src/app/madoguchi/madoguchi" --training "$@"
  fi
  exec "$BUILD/src/app/madoguchi/madoguchi" --training "$@"
}

run_tests() {
  configure_and_build "$BUILD" -DMADOGUCHI_WERROR=ON
  # The layering rule, mechanically: everything below gui builds and passes without Qt Widgets.
  configure_and_build "$BUILD_NOGUI" -DMADOGUCHI_WERROR=ON -DMADOGUCHI_BUILD_GUI=OFF -DMADOGUCHI_BUILD_BENCH=OFF
  export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
  chmod 700 "$XDG_RUNTIME_DIR"
  local status=0 results
  results=$(mktemp)
  log "tests without the GUI layer (unit)"
  (cd "$BUILD_NOGUI" && ctest --output-on-failure -L unit -j "$JOBS") | tee -a "$results" || status=1
  log "all tests (unit, integration, gui) — integration tests start their own pcscd, openssl ocsp, PostgreSQL"
  (cd "$BUILD" && ctest --output-on-failure -LE bench -j "$JOBS") | tee -a "$results" || status=1
  run_fuzz || status=1
  summarize "$results" "$status"
}

# One closing line over both ctest runs, e.g. "tests: 80 passed, 0 failed".
summarize() {
  local passed=0 failed=0 p f
  while read -r p f; do passed=$((passed + p)); failed=$((failed + f)); done < <(
    sed -nE 's/.* tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2 \1/p' "$1" |
      awk '{print $1 - $2, $2}')
  rm -f "$1"
  [ "$2" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1 # a build or fuzz failure counts too
  echo "tests: $passed passed, $failed failed"
  [ "$2" -eq 0 ]
}

# Parsers of untrusted bytes get a short, fixed fuzzing run on every test run (issue 3 item 10).
run_fuzz() {
  configure_and_build "$BUILD_FUZZ" -DCMAKE_CXX_COMPILER=clang++-14 -DMADOGUCHI_BUILD_FUZZ=ON \
    -DMADOGUCHI_BUILD_GUI=OFF -DBUILD_TESTING=OFF -DMADOGUCHI_BUILD_BENCH=OFF \
    -- FuzzCrlWalker FuzzTlv FuzzJpkiCertificate
  log "fuzzing each parser for ${FUZZ_SECONDS}s"
  sh "$ROOT/fuzz/run-fuzz.sh" "$BUILD_FUZZ" "$FUZZ_SECONDS"
}

verb=${1:-}
[ $# -gt 0 ] && shift
case "$verb" in
  run) install_packages; run_app "$@" ;;
  test) install_packages; run_tests ;;
  build) install_packages; configure_and_build "$BUILD" ;;
  bench) install_packages; configure_and_build "$BUILD"; (cd "$BUILD" && ctest -L bench -V) ;;
  *) echo "usage: ./dev.sh run|test|build|bench" >&2; exit 2 ;;
esac
