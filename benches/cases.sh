#!/usr/bin/env bash
# Benchmarks `redress cases` reading and counting a generated complaints log of 100,000 rows (release build).
# Needs hyperfine (`apt-get install hyperfine`). Writes the table to benches/results/cases.md and prints it.
#
# usage: benches/cases.sh [ROWS]     default: 100000
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
command -v hyperfine >/dev/null || { echo "benches/cases.sh needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet --bin redress --example complaints_log
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/redress"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p benches/results

# The example log's generator, for a landlord with $rows complaints a year, cut to exactly $rows rows.
"$target/release/examples/complaints_log" --complaints "$rows" --rows "$rows" > "$work/log.csv"
echo "$(($(wc -l < "$work/log.csv") - 1)) rows, $(du -k "$work/log.csv" | cut -f1) KB"

hyperfine -N --warmup 3 --runs 30 --export-markdown benches/results/cases.md \
  -n "redress cases (the example's log, 724 rows)" "$bin cases private/complaints-2025-26.csv --root $work" \
  -n "redress cases ($rows rows, --format json)" "$bin cases $work/log.csv --root $work --format json" \
  -n "redress cases ($rows rows, the summary for people)" "$bin cases $work/log.csv --root $work"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$bin" cases "$work/log.csv" --root "$work" --format json 2>&1 >/dev/null \
  | grep -E "Maximum resident set size|Elapsed"
cat benches/results/cases.md
