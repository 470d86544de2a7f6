#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate keeps existing translations). New strings come
# out "unfinished"; TestTranslations fails until they are translated in both files.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
for lang in ja en; do
  "$LUPDATE" -I src -locations relative -no-obsolete -target-language "$lang" src/gui src/app ui -ts "translations/madoguchi_${lang}.ts"
done
# English is the source language: its translations are the source texts themselves.
/usr/bin/python3 scripts/fill-english-ts.py translations/madoguchi_en.ts
