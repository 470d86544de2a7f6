#!/usr/bin/env bash
# Renders every page of the main window in Japanese and English with the training counter and a
# demo card, plus the sign-in screen, to PNG under the offscreen platform (issue 6 item 10).
#   scripts/screenshots.sh [OUTPUT_DIR]        default: build/screenshots
# Needs a built app: MADOGUCHI_BUILD_DIR (default build) / src/app/madoguchi/madoguchi.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${MADOGUCHI_BUILD_DIR:-build}
APP=$BUILD/src/app/madoguchi/madoguchi
OUT=${1:-$BUILD/screenshots}
[ -x "$APP" ] || { echo "build the app first: ninja -C $BUILD madoguchi" >&2; exit 1; }
mkdir -p "$OUT"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
# One throwaway data directory for all shots: the demo set and training counter are made once.
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
PAGES=(card enrolment linkages revocations audit sync settings operators)
for lang in ja en; do
  for n in "${!PAGES[@]}"; do
    page=$((n + 1))
    file="$OUT/${lang}-${page}-${PAGES[$n]}.png"
    "$APP" --training --data-dir "$DATA" --demo-operator admin --demo-card valid --lang "$lang" \
      --page "$page" --screenshot "$file" 2>/dev/null
    echo "$file"
  done
  file="$OUT/${lang}-0-sign-in.png"
  "$APP" --training --data-dir "$DATA" --lang "$lang" --screenshot "$file" 2>/dev/null
  echo "$file"
done
