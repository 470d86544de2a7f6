#!/bin/sh
# The server's CPU time per request, a figure that does not depend on how loaded the machine is.
# Runs madoguchi-platform-bench (arguments passed on) and samples the bench process's CPU time
# (/proc/PID/stat utime+stime) while each `wrk` child runs: wrk is a separate process, so during
# those phases the bench process's CPU is the in-process server's (its main thread only waits).
# Prints the bench's table, then per wrk phase: its length, the cores the server used, and
# CPU-µs per request (cores / wrk's req/s of the same row).
#   bench/platform/server-cpu.sh build/bench/platform/madoguchi-platform-bench --seconds 6 --runs 3 \
#       --only qualification,verification
set -eu
out=$(mktemp)
samples=$(mktemp)
"$@" >"$out" &
pid=$!
hz=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
    if [ -r /proc/$pid/stat ]; then
        cpu=$(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || echo 0)
        wrk=$(pgrep -P "$pid" -x wrk >/dev/null 2>&1 && echo 1 || echo 0)
        echo "$(date +%s.%N) $cpu $wrk" >>"$samples"
    fi
    sleep 0.2
done
wait "$pid" || true
cat "$out"
echo
# Phases: runs of consecutive samples with wrk=1 (they include wrk's start-up, e.g. loading the
# pre-signed logins); the CPU used over the phase is divided by the requests wrk made in its
# --seconds, read from the bench's header line.
seconds=$(sed -n 's/.*connections, \([0-9.]*\) s per run.*/\1/p' "$out" | head -1)
awk -v hz="$hz" -v run="$seconds" '
    $3 == 1 { if (!on) { t0 = $1; c0 = $2; on = 1 } t1 = $1; c1 = $2; next }
    on { n++; secs[n] = t1 - t0; cpu[n] = (c1 - c0) / hz; on = 0 }
    END { for (i = 1; i <= n; i++) printf "wrk phase %d: %.1f s, server %.2f CPU-s|%f\n", i, secs[i], cpu[i], cpu[i] / run }
' "$samples" >"$samples.phases"
grep -o '^| [a-z /()1-9-]* | wrk [0-9]* req/s' "$out" | sed 's/^| \(.*\) | wrk \([0-9]*\) req\/s/\1|\2/' >"$samples.rows"
paste -d'|' "$samples.phases" "$samples.rows" | awk -F'|' '
    NF >= 4 && $4 > 0 { printf "%s — %s: wrk %d req/s → server %.1f CPU-µs per request\n", $1, $3, $4, $2 * 1e6 / $4 }'
rm -f "$out" "$samples" "$samples.phases" "$samples.rows"
