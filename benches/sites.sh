# Sourced by the benchmarks: the generated pages and sites they build, and the peers' minimal sites, so every
# benchmark measures the same work.
#
#   page N GROUP        a content page of about 600 words (headings, a list, a GFM table, links, emphasis) in
#                       redress's and Hugo's front matter (+++ TOML); GROUP is its `group` (empty: none)
#   redress_site DIR N  the example site (`redress init`) plus N pages in the group "Case studies"
#   hugo_site DIR       a Hugo config and minimal theme (see below); the markdown goes under DIR/content/
#   hugo_pages DIR N    hugo_site plus the same N pages under DIR/content/pages/
#   mdbook_pages DIR N  an mdBook book of the same N pages (front matter turned into a `# title`), default theme
#
# Needs $bin, the redress binary.

page() {
  local n=$1 group=$2
  printf '+++\ntitle = "Case study %05d"\ndescription = "A generated page for benchmarking."\n' "$n"
  [ -n "$group" ] && printf 'group = "%s"\n' "$group"
  printf '+++\n'
  for s in 1 2 3 4 5; do
    printf '\n## Part %d\n\nResidents told us about **repairs** that took too long and letters that were hard to read. ' "$s"
    printf 'We looked at every complaint in the quarter, met the people who raised them, and changed how we book '
    printf 'appointments so that nobody waits without news. The [full report](report.html) has the figures.\n\n'
    printf -- '- We call back within one working day.\n- We confirm every appointment by text.\n- We check the work afterwards.\n\n'
    printf '| Quarter | Complaints | On time |\n|---|---:|---:|\n| Q1 | 301 | 91%% |\n| Q2 | 288 | 93%% |\n\n'
    printf 'We will report on this again next year, and we thank the residents who took the time to tell us.\n'
  done
}

redress_site() {
  local dir=$1 n=$2
  "$bin" init "$dir" >/dev/null 2>&1
  for i in $(seq 1 "$n"); do
    page "$i" "Case studies" > "$dir/content/case-$(printf %05d "$i").md"
  done
}

# A minimal Hugo theme. Like redress's navigation, Hugo's lists a fixed set of links (the report's own pages, here
# stand-ins) and one link to the list of the other pages, not every page: the issue's comparison.
hugo_site() {
  local h=$1
  mkdir -p "$h/content" "$h/layouts/_default"
  printf 'baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\nrelativeURLs = true\n' > "$h/config.toml"
  cat > "$h/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/performance/">Performance</a></li>
<li><a href="/self-assessment/">Self-assessment</a></li><li><a href="/learning/">Learning</a></li>
<li><a href="/ombudsman/">Ombudsman</a></li><li><a href="/response/">Response</a></li>
<li><a href="/report/">Full report</a></li><li><a href="/data/">Data</a></li><li><a href="/pages/">Other pages</a></li></ul></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  printf '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n' > "$h/layouts/_default/single.html"
  printf '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n' > "$h/layouts/_default/list.html"
}

hugo_pages() {
  local h=$1 n=$2
  hugo_site "$h"
  mkdir -p "$h/content/pages"
  for i in $(seq 1 "$n"); do
    page "$i" "" > "$h/content/pages/case-$(printf %05d "$i").md"
  done
}

mdbook_pages() {
  local m=$1 n=$2
  mkdir -p "$m/src"
  printf '[book]\ntitle = "Benchmark"\nsrc = "src"\n' > "$m/book.toml"
  printf '# Summary\n\n' > "$m/src/SUMMARY.md"
  for i in $(seq 1 "$n"); do
    local f
    f="case-$(printf %05d "$i").md"
    printf -- '- [Case study %05d](%s)\n' "$i" "$f" >> "$m/src/SUMMARY.md"
    page "$i" "" | awk 'NR == 1 {next} /^\+\+\+$/ && !done {done = 1; next} !done {next} {print}' |
      { printf '# Case study %05d\n' "$i"; cat; } > "$m/src/$f"
  done
}
