#!/bin/sh
# madoguchi-cli db/linkage end to end: init, check, wrong passphrase, import with a report, find, export.
set -eu
CLI="$1"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
export MADOGUCHI_DB="$DIR/r.db" MADOGUCHI_DB_PASSPHRASE="smoke pass" MADOGUCHI_TERMINAL=T42
"$CLI" db init --kdf-log2n 14 >/dev/null
"$CLI" --json db check | grep -q '"integrity": "ok"'
rc=0; MADOGUCHI_DB_PASSPHRASE=wrong "$CLI" db check 2>/dev/null || rc=$?
[ "$rc" -eq 8 ] || { echo "wrong passphrase gave exit $rc, want 8"; exit 1; }
# --keychain where no keychain answers (no session bus): a clear error, nothing created, the default unchanged.
rc=0; DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus "$CLI" db init --keychain --db "$DIR/k.db" \
    2>"$DIR/keychain.err" || rc=$?
[ "$rc" -ne 0 ] && [ ! -e "$DIR/k.db" ] && [ ! -e "$DIR/k.db.key" ] || { echo "db init --keychain without a keychain"; exit 1; }
grep -q -- '--keychain' "$DIR/keychain.err" || { echo "db init --keychain did not say why"; cat "$DIR/keychain.err"; exit 1; }
printf 'issuer_key_id,serial,保険者番号,記号,番号,枝番\r\naabb,01,33120015,S,100,01\r\naabb,02,33120016,S,101,01\r\n' >"$DIR/in.csv"
rc=0; "$CLI" --json linkage import "$DIR/in.csv" --create-cards >"$DIR/report.json" || rc=$?
[ "$rc" -eq 6 ] || { echo "import with a bad row gave exit $rc, want 6"; exit 1; }
grep -q '"imported": 1' "$DIR/report.json"
grep -q '"field": "insurer_number"' "$DIR/report.json"
"$CLI" --json linkage find --insurance 33120015,S,100,01 --role auditor --operator a1 | grep -q '"card": "aabb:01"'
rc=0; "$CLI" linkage add --card aabb:03 --kind catv --field household_id=H1 --role auditor --operator a1 2>/dev/null || rc=$?
[ "$rc" -ne 0 ] || { echo "auditor could add a linkage"; exit 1; }
"$CLI" linkage export "$DIR/out.csv"
grep -q '33120015' "$DIR/out.csv"
# sync run while the platform is offline: exit 9, the change stays in the outbox, the attempt is audited.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$DIR/terminal.key" \
    -out "$DIR/terminal.pem" -subj /CN=T42 -days 1 2>/dev/null
cp "$DIR/terminal.pem" "$DIR/ca.pem"
rc=0; "$CLI" --json sync run --url https://127.0.0.1:9 --credentials "$DIR" >"$DIR/sync.json" 2>/dev/null || rc=$?
[ "$rc" -eq 9 ] || { echo "offline sync run gave exit $rc, want 9"; exit 1; }
grep -q '"error": "network_failure"' "$DIR/sync.json"
[ "$("$CLI" audit list --action sync.push 2>/dev/null | wc -l)" -ge 1 ] || { echo "sync run not audited"; exit 1; }
"$CLI" --json db check | grep -q '"integrity": "ok"'
echo "cli store smoke: 1 passed, 0 failed"
