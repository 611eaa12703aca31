#!/usr/bin/env bash
# Benchmarks `redress build` on the example site and on generated sites with many content pages, side by side
# with Hugo building the same markdown pages with a minimal theme. Needs hyperfine and hugo
# (`apt-get install hyperfine hugo`). Writes the tables to benches/results/ and prints them.
#
# usage: benches/build.sh [PAGES...]     default: 100 1000
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/hugo-site.sh
pages=("${@:-100 1000}")
[ $# -gt 0 ] && pages=("$@") || pages=(100 1000)
for tool in hyperfine hugo; do
  command -v "$tool" >/dev/null || { echo "benches/build.sh needs $tool: apt-get install $tool" >&2; exit 2; }
done
cargo build --release --quiet
bin="$PWD/target/release/redress"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p benches/results

# A content page of about 600 words: headings, a list, a table, links, emphasis.
page() {
  local n=$1
  printf '+++\ntitle = "Case study %04d"\ndescription = "A generated page for benchmarking."\n+++\n' "$n"
  for s in 1 2 3; do
    printf '\n## Part %d\n\nResidents told us about **repairs** that took too long and letters that were hard to read. ' "$s"
    printf 'We looked at every complaint in the quarter, met the people who raised them, and changed how we book '
    printf 'appointments so that nobody waits without news. The [full report](report.html) has the figures.\n\n'
    printf -- '- We call back within one working day.\n- We confirm every appointment by text.\n- We check the work afterwards.\n\n'
    printf '| Quarter | Complaints | On time |\n|---|---:|---:|\n| Q1 | 301 | 91%% |\n| Q2 | 288 | 93%% |\n\n'
    printf 'We will report on this again next year, and we thank the residents who took the time to tell us.\n'
  done
}

make_sites() {
  local n=$1
  local r="$work/redress-$n" h="$work/hugo-$n"
  "$bin" init "$r" >/dev/null 2>&1
  mkdir -p "$h/content/pages"
  for i in $(seq 1 "$n"); do
    page "$i" > "$r/content/case-$(printf %04d "$i").md"
    cp "$r/content/case-$(printf %04d "$i").md" "$h/content/pages/"
  done
  hugo_site "$h"
}

"$bin" init "$work/example" >/dev/null 2>&1
hyperfine --warmup 3 --runs 20 --export-markdown benches/results/example.md \
  -n "redress build (example site, 11 pages)" "$bin build --root $work/example"

for n in "${pages[@]}"; do
  make_sites "$n"
  hyperfine --warmup 2 --runs 10 --export-markdown "benches/results/pages-$n.md" \
    -n "redress build (example + $n content pages)" "$bin build --root $work/redress-$n" \
    -n "hugo (the same $n pages, minimal theme)" "hugo --quiet --source $work/hugo-$n"
done
cat benches/results/*.md
