#!/usr/bin/env bash
# Benchmarks `redress build SITE...`: N generated sites (the example site, each with its own landlord's name) built
# in one run, against the CPU time each takes built alone. The issue's goal: the run takes at most 1.2 times the sum
# of the sites' single-site CPU time divided by the cores. Needs hyperfine and python3. Writes
# benches/results/many-sites.md and prints it.
#
# usage: benches/many-sites.sh [N]     default: 100
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "benches/many-sites.sh needs $tool: apt-get install $tool" >&2; exit 2; }
done
# REDRESS_BIN: a release binary built already (to measure one binary in every benchmark without building it again).
if [ -z "${REDRESS_BIN:-}" ]; then cargo build --release --quiet; fi
bin="${REDRESS_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/release/redress}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=benches/results
mkdir -p "$results"
out="$results/many-sites.md"

sites=()
for i in $(seq -f %03g 1 "$n"); do
  s="$work/site-$i"
  "$bin" init "$s" >/dev/null 2>&1
  sed -i "0,/^name = \"Ashmere Homes\"/s//name = \"Landlord $i Homes\"/" "$s/site.toml"
  "$bin" build "$s" >/dev/null 2>&1
  sites+=("$s")
done

# Each site alone: the median CPU time (user + system, from the shell's `time`) of 3 builds.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
TIMEFORMAT='%3U %3S'
alone_cpu=0
alone_wall=0
for s in "${sites[@]}"; do
  cpus=() walls=()
  for _ in 1 2 3; do
    start=$(date +%s%N)
    t=$( { time "$bin" build "$s" >/dev/null 2>&1; } 2>&1 )
    walls+=($(( ($(date +%s%N) - start) / 1000 )))
    cpus+=("$(awk '{printf "%d", ($1 + $2) * 1000000}' <<<"$t")")
  done
  alone_cpu=$((alone_cpu + $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 2p)))
  alone_wall=$((alone_wall + $(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)))
done

# All of them in one run.
hyperfine -N --warmup 1 --runs 5 --export-json "$results/many-sites.json" \
  -n "redress build (the $n sites in one run)" "$bin build ${sites[*]}" >/dev/null
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$results/many-sites.json" "$n" "$alone_cpu" "$alone_wall" "$(nproc)" "$load_start" "$load_end" > "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
n, cpu, wall, cores = int(sys.argv[2]), int(sys.argv[3]) / 1e6, int(sys.argv[4]) / 1e6, int(sys.argv[5])
bound = cpu / cores
print(f"| {n} sites | wall [s] | CPU, user + system [s] |")
print("|:---|---:|---:|")
print(f"| each built alone, one after another (sum of each site's median of 3) | {wall:.2f} | {cpu:.2f} |")
print(f"| in one run, `redress build SITE...` (median of 5, after 1 warm-up) | {r['median']:.2f} (mean {r['mean']:.2f} ± {r['stddev']:.2f}) | {r['user'] + r['system']:.2f} |")
print()
print(f"Sum of single-site CPU time over the {cores} cores: {bound:.2f} s; the run took {r['median'] / bound:.2f} times that "
      f"(goal: at most 1.2). Load average (1, 5, 15 minutes): {sys.argv[6]} at the start, {sys.argv[7]} at the end.")
PY
cat "$out"
