#!/bin/sh
# `madoguchi-cli audit` end to end: entries, head, verify, bundle export/verify, another terminal,
# and a tampered bundle (exit code 7 = integrity failure).
set -eu
CLI="$1"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
export MADOGUCHI_DB="$DIR/r.db" MADOGUCHI_DB_PASSPHRASE=smoke-pass MADOGUCHI_TERMINAL=T-SMOKE
"$CLI" db init --kdf-log2n 10 >/dev/null
for i in 1 2 3 4 5; do "$CLI" audit export-csv --out "$DIR/a.csv" --by cli >/dev/null; done
"$CLI" audit sign-head >/dev/null
"$CLI" audit verify | grep -q "intact: 5 entries"
"$CLI" audit export-bundle --out "$DIR/b" --from 1 --to 4 >/dev/null
"$CLI" audit verify-bundle "$DIR/b" --terminal T-SMOKE | grep -q "intact: 3 entries"
"$CLI" audit verify-bundle "$DIR/b/bundle.json" --public-key "$DIR/b/terminal.pem" >/dev/null
if "$CLI" audit verify-bundle "$DIR/b" --terminal T-OTHER 2>/dev/null; then echo "other terminal accepted"; exit 1; fi
sed -i '2d' "$DIR/b/entries.jsonl"
set +e
"$CLI" --json audit verify-bundle "$DIR/b" > "$DIR/out.json"
rc=$?
set -e
[ "$rc" -eq 7 ] || { echo "tampered bundle rc=$rc"; exit 1; }
grep -q '"firstBadIndex": 2' "$DIR/out.json"
# The exports themselves are in the log (issue 5 item 4).
"$CLI" audit list --action audit.export | grep -c audit.export | grep -q 6
# Archiving seals ranges one after another; the tree stays continuous and verifies.
"$CLI" audit archive --out "$DIR/arch1" | grep -q "archived entries \[0, 6)"
"$CLI" audit archive --out "$DIR/arch2" | grep -q "archived entries \[6, 7)"
"$CLI" audit verify-bundle "$DIR/arch1" --terminal T-SMOKE | grep -q "intact: 6 entries"
"$CLI" audit verify-bundle "$DIR/arch2" --terminal T-SMOKE >/dev/null
"$CLI" audit verify | grep -q "intact"
# The CLI's linkage changes are recorded like the app's (issue 5 item 1), in the same transaction.
"$CLI" linkage add --card aabb:03 --kind catv --field household_id=H1 --operator staff-9 --role municipal_staff \
    --assurance pin_signature >/dev/null
"$CLI" audit list --action linkage.enrol --by staff-9 | grep -q "municipal_staff	linkage.enrol	linkage:"
"$CLI" linkage export "$DIR/l.csv" >/dev/null
"$CLI" audit list --action linkage.export | grep -q "file:"
"$CLI" audit verify | grep -q "intact"
# A PDF report for people (issue 5 item 4), filtered like the CSV, and itself recorded.
"$CLI" audit export --pdf "$DIR/r.pdf" --action linkage.enrol | grep -q "1 entries written"
[ "$(head -c 4 "$DIR/r.pdf")" = "%PDF" ] || { echo "not a PDF"; exit 1; }
"$CLI" audit list --action audit.export | tail -n 1 | grep -q "audit:pdf"
# A trust-anchor install names the registry it is recorded in.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$DIR/ca.key" -out "$DIR/ca.pem" \
    -subj /CN=SmokeRoot -days 10 -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
"$CLI" cert install-anchor "$DIR/ca.pem" --anchors "$DIR/anchors.pem" --db "$MADOGUCHI_DB" >/dev/null
"$CLI" audit list --action config.trust_store | grep -q "anchors:"
# Key changes are recorded; the log still verifies under the new key.
"$CLI" db rekey --new-key >/dev/null
"$CLI" audit list --action config.db_key | grep -q "config.db_key"
"$CLI" audit verify | grep -q "intact"
echo ok
