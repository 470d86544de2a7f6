#!/usr/bin/env bash
# Start → first window shown (issue 6 "Measure", target ≤ 1 s), in an EMPTY data directory (first
# start: training counter created) and a WARM one (second start), median of N runs each.
# The app logs "first window after N ms" (from the start of main()). Before main() come the dynamic
# loader and libraries' static set-up: bounded above by a whole `madoguchi --version` run, also reported.
#   scripts/measure-startup.sh [RUNS]     default 5; MADOGUCHI_BUILD_DIR (default build)
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${MADOGUCHI_BUILD_DIR:-build}/src/app/madoguchi/madoguchi
RUNS=${1:-5}
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # data dir → "in-app-ms --version-wall-ms"
  local shot log t0 t1 ms
  shot=$(mktemp --suffix=.png)
  log=$("$APP" --training --data-dir "$1" --screenshot "$shot" 2>&1)
  rm -f "$shot"
  ms=$(grep -o 'first window after [0-9]*' <<<"$log" | grep -o '[0-9]*$')
  t0=$(date +%s%N)
  "$APP" --version >/dev/null 2>&1
  t1=$(date +%s%N)
  echo "$ms $(( (t1 - t0) / 1000000 ))"
}
empty_app=(); empty_wall=(); warm_app=(); warm_wall=()
for _ in $(seq "$RUNS"); do
  dir=$(mktemp -d)
  read -r a w < <(run "$dir"); empty_app+=("$a"); empty_wall+=("$w")
  read -r a w < <(run "$dir"); warm_app+=("$a"); warm_wall+=("$w")
  rm -rf "$dir"
done
echo "load: $(uptime | sed 's/.*load average: //')"
echo "empty data dir: first window $(printf '%s\n' "${empty_app[@]}" | median) ms in main() (runs: ${empty_app[*]})"
echo "warm  data dir: first window $(printf '%s\n' "${warm_app[@]}" | median) ms in main() (runs: ${warm_app[*]})"
echo "before main(): ≤ $(printf '%s\n' "${empty_wall[@]}" "${warm_wall[@]}" | median) ms (a whole --version run)"
