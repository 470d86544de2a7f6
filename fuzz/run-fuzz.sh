#!/bin/sh
# Runs every fuzz target for a fixed time on a copy of its seed corpus (the source tree is never written).
#   fuzz/run-fuzz.sh BUILD_DIR [SECONDS]      e.g. in CI: fuzz/run-fuzz.sh build-fuzz 20
set -eu
build=${1:?build dir}
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/corpus/crl" "$work/crl"
"$build/fuzz/FuzzCrlWalker" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/crl" || { cp "$work"/crash-* . 2>/dev/null; exit 1; }
