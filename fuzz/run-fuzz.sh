#!/bin/sh
# Runs every fuzz target for a fixed time on a copy of its seed corpus (the source tree is never written).
#   fuzz/run-fuzz.sh BUILD_DIR [SECONDS]      e.g. in CI: fuzz/run-fuzz.sh build-fuzz 20
set -eu
build=${1:?build dir}
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
run() { # target corpus max_len
  cp -r "$here/corpus/$2" "$work/$2"
  echo "== $1 for ${seconds}s"
  if "$build/fuzz/$1" -max_total_time="$seconds" -max_len="$3" -print_final_stats=1 \
      -artifact_prefix="$work/$1-" "$work/$2" >"$work/$1.log" 2>&1; then
    tail -n 6 "$work/$1.log"
  else
    tail -n 60 "$work/$1.log"
    mkdir -p "$build/fuzz-artifacts" && cp "$work/$1"-* "$build/fuzz-artifacts/" 2>/dev/null || true
    status=1
  fi
}
run FuzzCrlWalker crl 65536
run FuzzTlv tlv 4096
run FuzzJpkiCertificate cert 8192
exit $status
