#!/usr/bin/env bash
# Benchmarks live reload: the time from saving a file to the reload signal reaching a connected client, for
# `redress serve` on the example site and for `hugo server` on a Hugo site made of the same markdown pages, in the
# same run. Needs hugo and python3 (`apt-get install hugo python3`). Writes benches/results/serve.md and prints it.
#
# usage: benches/serve.sh [EDITS] [DEBOUNCE_MS...]     default: 50 edits; redress's default debounce (10 ms)
#
# Every server listens on 127.0.0.1 only, the clients talk only to it, and each run is bounded by EDITS.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/sites.sh
edits=${1:-50}
shift || true
debounces=("$@")
[ ${#debounces[@]} -gt 0 ] || debounces=(10)
for tool in hugo python3; do
  command -v "$tool" >/dev/null || { echo "benches/serve.sh needs $tool: apt-get install $tool" >&2; exit 2; }
done
# REDRESS_BIN: a release binary built already (to measure one binary in every benchmark without building it again).
if [ -z "${REDRESS_BIN:-}" ]; then cargo build --release --quiet; fi
bin="${REDRESS_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/release/redress}"
client="$PWD/benches/serve_latency.py"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p benches/results
out=benches/results/serve.md

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits (at most 60 s) for a line matching $2 in log $1 and prints the first match.
wait_log() {
  for _ in $(seq 600); do
    if grep -qE "$2" "$1" 2>/dev/null; then grep -oE "$2" "$1" | head -1; return; fi
    sleep 0.1
  done
  echo "timed out waiting for /$2/ in $1:" >&2; cat "$1" >&2; exit 1
}

# The median of the millisecond figures in the lines of log $1 matching $2 (each rebuild's own time).
median() {
  grep -oE "$2" "$1" | grep -oE '[0-9]+' | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'
}

# The redress site: the example report, as `redress init` writes it.
"$bin" init "$work/redress" >/dev/null 2>&1

# The Hugo site: the same markdown pages (Hugo reads the same +++ TOML front matter) with the minimal theme of
# benches/build.sh (benches/sites.sh).
h="$work/hugo"
hugo_site "$h"
cp "$work/redress/content/"*.md "$h/content/"

load_start=$(cut -d' ' -f1 /proc/loadavg)
{
  echo "| Server | edits | p50 [ms] | p95 [ms] | max [ms] | min [ms] | rebuild alone, p50 [ms] | stale pages |"
  echo "|:---|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"

for d in "${debounces[@]}"; do
  log="$work/redress-$d.log"
  "$bin" serve --root "$work/redress" --port 0 --debounce-ms "$d" 2> "$log" &
  pids+=($!)
  addr=$(wait_log "$log" '127\.0\.0\.1:[0-9]+')
  result=$(python3 "$client" sse "$addr" "$work/redress/content/introduction.md" "$edits" /)
  kill -INT "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  cp "$log" "benches/results/serve-redress-$d.log"
  rebuild=$(median "$log" 'rebuilt in [0-9]+ ms')
  python3 - "$result" "$d" "$rebuild" >> "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print(f"| `redress serve` (example site, debounce {sys.argv[2]} ms) | {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['min_ms']} | {sys.argv[3]} | {r['stale']} |")
PY
done

port=$(free_port)
hlog="$work/hugo.log"
hugo server --source "$h" --bind 127.0.0.1 --port "$port" --disableFastRender > "$hlog" 2>&1 &
pids+=($!)
for _ in $(seq 600); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
result=$(python3 "$client" ws "127.0.0.1:$port" "$h/content/introduction.md" "$edits" /introduction/)
kill -INT "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
cp "$hlog" benches/results/serve-hugo.log
rebuild=$(median "$hlog" 'Total in [0-9]+ ms')
python3 - "$result" "$rebuild" >> "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print(f"| `hugo server --disableFastRender` (the same markdown pages, minimal theme) | {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['min_ms']} | {sys.argv[2]} | {r['stale']} |")
PY
printf '\nLoad average (1 minute) at the start and the end of the run: %s and %s, on %s cores.\n' \
  "$load_start" "$(cut -d' ' -f1 /proc/loadavg)" "$(nproc)" >> "$out"
cat "$out"
