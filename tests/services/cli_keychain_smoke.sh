#!/bin/sh
# The OS keychain route through the programs (issue 4 item 2), run by CTest inside dbus-run-session (a
# private session bus) with a throw-away GNOME Keyring in a temporary home: `db init --keychain`, the
# app opens the counter WITHOUT a prompt (else it would wait on the passphrase dialog until the
# timeout), `db rekey --new-key` updates the keychain entry and the app still opens, `db rekey
# --no-keychain` takes the key out. Exit 77 (skip) where the keyring tools are missing.
set -eu
CLI="$1"
APP="${2:-}"
for tool in gnome-keyring-daemon gdbus timeout; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "SKIP: run me inside dbus-run-session"; exit 77; }
DIR=$(mktemp -d)
KEYRING=""
cleanup() {
    [ -z "$KEYRING" ] || kill "$KEYRING" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT
export HOME="$DIR" XDG_DATA_HOME="$DIR/share" XDG_RUNTIME_DIR="$DIR" QT_QPA_PLATFORM=offscreen
printf 'smoke keyring password' >"$DIR/keyring-password"
# --unlock creates the login keyring unlocked from stdin: no prompt (no display here) is ever needed.
gnome-keyring-daemon --foreground --unlock --components=secrets <"$DIR/keyring-password" >/dev/null 2>&1 &
KEYRING=$!
gdbus wait --session --timeout 20 org.freedesktop.secrets || { echo "SKIP: the Secret Service did not start"; exit 77; }

DB="$DIR/data/madoguchi.db"
mkdir -p "$DIR/data"
export MADOGUCHI_DB_PASSPHRASE="smoke recovery words"
"$CLI" --json db init --keychain --kdf-log2n 14 --db "$DB" 2>/dev/null | grep -q '"keyWrapping": "keychain+passphrase"' ||
    { echo "db init --keychain failed"; exit 1; }
opens_without_prompt() {
    [ -n "$APP" ] || return 0
    rm -f "$DIR/shot.png"
    env -u MADOGUCHI_DB_PASSPHRASE timeout 60 "$APP" --data-dir "$DIR/data" --screenshot "$DIR/shot.png" >/dev/null 2>&1 ||
        { echo "the app did not open the keychain counter without a prompt ($1)"; exit 1; }
    [ -s "$DIR/shot.png" ] || { echo "no window after the keychain start ($1)"; exit 1; }
}
opens_without_prompt "after db init"
"$CLI" --json db rekey --new-key --db "$DB" 2>/dev/null | grep -q '"keyWrapping": "keychain+passphrase"' ||
    { echo "db rekey --new-key failed"; exit 1; }
opens_without_prompt "after the key rotation"
"$CLI" --json db rekey --no-keychain --db "$DB" 2>/dev/null | grep -q '"keyWrapping": "passphrase"' ||
    { echo "db rekey --no-keychain failed"; exit 1; }
"$CLI" --json db check --db "$DB" 2>/dev/null | grep -q '"integrity": "ok"'
echo "cli keychain smoke: 1 passed, 0 failed"
