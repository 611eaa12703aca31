#!/usr/bin/env bash
# Benchmarks `redress build`: the example site alone, then the example plus N generated content pages side by side
# with Hugo and mdBook building the same markdown pages (benches/sites.sh makes all three). Wall-clock and CPU time
# come from hyperfine, peak memory from /usr/bin/time, output size from du; the load average is recorded, since the
# machine is shared. Needs hyperfine, hugo, mdbook and python3 (`apt-get install hyperfine hugo python3`,
# `cargo install mdbook`); valgrind, when present, adds the example's instruction count (steadier than any time).
# Writes benches/results/build.md (and the raw hyperfine JSON beside it) and prints it.
#
# usage: benches/build.sh [PAGES...]     default: 100 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] && counts=("$@") || counts=(100 1000 10000)
for tool in hyperfine hugo mdbook python3; do
  command -v "$tool" >/dev/null || { echo "benches/build.sh needs $tool (see the top of this script)" >&2; exit 2; }
done
# REDRESS_BIN: a release binary built already (to measure one binary in every benchmark without building it again).
if [ -z "${REDRESS_BIN:-}" ]; then cargo build --release --quiet; fi
bin="${REDRESS_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/release/redress}"
. benches/sites.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=benches/results
mkdir -p "$results"
out="$results/build.md"
load() { cut -d' ' -f1-3 /proc/loadavg; }
peak_mib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
    "redress $("$bin" --version | cut -d' ' -f2) ($(stat -c %s "$bin") bytes), $(hugo version | cut -d' ' -f1-2), mdbook $(mdbook --version | cut -d' ' -f2); $(date -u +%F)."
  echo
} > "$out"

# ---- The example site -------------------------------------------------------------------------------------------
"$bin" init "$work/example" >/dev/null 2>&1
"$bin" build "$work/example" >/dev/null 2>&1
before=$(load)
hyperfine -N --warmup 5 --runs 50 --export-json "$results/example.json" \
  -n "redress build (example site)" "$bin build $work/example" >/dev/null
after=$(load)
instructions=""
if command -v valgrind >/dev/null; then
  instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" build "$work/example" 2>&1 |
    awk '/Collected/ {print $NF}')
fi
peak=$(peak_mib "$bin" build "$work/example")
python3 - "$results/example.json" "$before" "$after" "$peak" "$instructions" >> "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: f"{s * 1000:.1f}"
print("| The example site | median [ms] | mean ± σ [ms] | min [ms] | CPU, user + system [ms] | instructions | peak memory [MiB] |")
print("|:---|---:|---:|---:|---:|---:|---:|")
ins = f"{int(sys.argv[5]):,}" if sys.argv[5] else "-"
print(f"| `redress build` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'])} | {ms(r['min'])} | {ms(r['user'] + r['system'])} | {ins} | {sys.argv[4]} |")
print(f"\n50 runs after 5 warm-ups; load average (1, 5, 15 minutes) {sys.argv[2]} before, {sys.argv[3]} after.\n")
PY

# ---- Many pages, beside Hugo and mdBook ---------------------------------------------------------------------------
echo "| pages | tool | median wall [s] | mean ± σ [s] | CPU, user + system [s] | wall / Hugo's | peak memory [MiB] | output [MB] | HTML pages | bytes per page | load before, after |" >> "$out"
echo "|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|:---|" >> "$out"
for n in "${counts[@]}"; do
  r="$work/redress-$n" h="$work/hugo-$n" m="$work/mdbook-$n"
  redress_site "$r" "$n"
  hugo_pages "$h" "$n"
  mdbook_pages "$m" "$n"
  runs=10 book_runs=10 book_warmup=2
  # mdBook takes minutes a build at 10,000 pages (every page's sidebar holds the whole book): one run, no warm-up.
  [ "$n" -ge 10000 ] && runs=5 book_runs=1 book_warmup=0
  before=$(load)
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$results/pages-$n.json" \
    -n "redress" "$bin build $r" \
    -n "hugo" "hugo --quiet --source $h" >/dev/null
  hyperfine -N --warmup "$book_warmup" --runs "$book_runs" --export-json "$results/pages-$n-mdbook.json" \
    -n "mdbook" "mdbook build $m" >/dev/null 2>&1
  after=$(load)
  peaks=("$(peak_mib "$bin" build "$r")" "$(peak_mib hugo --quiet --source "$h")" "$(peak_mib mdbook build "$m")")
  sizes=()
  for dir in "$r/public" "$h/public" "$m/book"; do
    sizes+=("$(du -sb "$dir" | cut -f1) $(find "$dir" -name '*.html' | wc -l)")
  done
  python3 - "$results/pages-$n.json" "$n" "$before" "$after" "${peaks[@]}" "${sizes[@]}" >> "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"] + json.load(open(sys.argv[1].replace(".json", "-mdbook.json")))["results"]
n, before, after = sys.argv[2], sys.argv[3], sys.argv[4]
peaks, sizes = sys.argv[5:8], [s.split() for s in sys.argv[8:11]]
hugo = results[1]["median"]
names = ["`redress build`", "`hugo` (minimal theme)", "`mdbook build` (default theme)"]
for r, name, peak, (size, pages) in zip(results, names, peaks, sizes):
    spread = f"{r['mean']:.3f} ± {r['stddev']:.3f}" if r.get("stddev") is not None else f"{r['mean']:.3f} (1 run)"
    print(f"| {int(n):,} | {name} | {r['median']:.3f} | {spread} | {r['user'] + r['system']:.3f} | "
          f"{r['median'] / hugo:.2f} | {peak} | {int(size) / 1e6:.1f} | {int(pages):,} | {int(size) // int(pages):,} | {before}; {after} |")
PY
  rm -rf "$r" "$h" "$m"
done

# Cost per page from 1,000 to 10,000 pages: the 10,000-page build should take at most 11 times the 1,000-page one.
python3 - "$results" "${counts[@]}" >> "$out" <<'PY'
import json, os, sys
base = sys.argv[1]
runs = {int(n): json.load(open(os.path.join(base, f"pages-{n}.json")))["results"][0] for n in sys.argv[2:]}
if 1000 in runs and 10000 in runs:
    a, b = runs[1000], runs[10000]
    print(f"\nredress, 10,000 pages over 1,000: {b['median'] / a['median']:.1f} times the wall-clock time, "
          f"{(b['user'] + b['system']) / (a['user'] + a['system']):.1f} times the CPU time.")
PY
cat "$out"
