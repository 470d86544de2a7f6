#!/bin/sh
# Manual check of the PC/SC backend: starts a private pcscd (only if none runs), a fake vpcd card,
# runs CardProbe, then a pcscd restart under CardMonitor; stops what it started (SIGTERM).
# Usage: tests/card/manual/run-manual-check.sh BUILD_DIR
set -eu
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=41731
if pgrep -x pcscd >/dev/null; then echo "pcscd already running: skipping"; exit 0; fi
CONF=$(mktemp -d)
cat >"$CONF/madoguchi-probe" <<CONF
FRIENDLYNAME "Madoguchi Probe リーダー"
DEVICENAME   /dev/null:$PORT
LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID    $PORT
CONF
start_pcscd() { pcscd --foreground -c "$CONF" >"$CONF/pcscd.log" 2>&1 & PCSCD=$!; }
stop_pcscd() { kill -TERM "$PCSCD" 2>/dev/null || true; wait "$PCSCD" 2>/dev/null || true; }
start_pcscd
trap 'kill -TERM ${CARD:-0} 2>/dev/null || true; stop_pcscd; rm -rf "$CONF"' EXIT
# The card connects once pcscd listens; retry its start until then (pcscd binds within ~1 s).
for i in 1 2 3 4 5 6 7 8 9 10; do
    if /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT)).close()" 2>/dev/null; then break; fi
    /usr/bin/python3 -c "import select; select.select([], [], [], 0.3)"
done
/usr/bin/python3 "$HERE/fake_vpcd_card.py" $PORT & CARD=$!
"$BUILD/tests/card/madoguchi-card-probe" Madoguchi
echo "--- pcscd restart under CardMonitor"
"$BUILD/tests/card/madoguchi-card-probe" watch 8 & WATCH=$!
/usr/bin/python3 -c "import select; select.select([], [], [], 2)"
kill -TERM $CARD 2>/dev/null || true; stop_pcscd
/usr/bin/python3 -c "import select; select.select([], [], [], 2)"
rm -f /run/pcscd/pcscd.comm /run/pcscd/pcscd.pid
start_pcscd
/usr/bin/python3 -c "import select; select.select([], [], [], 1)"
/usr/bin/python3 "$HERE/fake_vpcd_card.py" $PORT & CARD=$!
wait $WATCH
