# Sourced by benches/build.sh and benches/serve.sh: the one minimal Hugo theme both benchmarks compare against, so
# the comparison stays the same in both. Every page lists every page in its navigation, as redress's does.
#
# usage: hugo_site DIR      writes DIR/config.toml and DIR/layouts/; the markdown goes under DIR/content/
hugo_site() {
  local h=$1
  mkdir -p "$h/content" "$h/layouts/_default"
  printf 'baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\nrelativeURLs = true\n' > "$h/config.toml"
  cat > "$h/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  printf '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n' > "$h/layouts/_default/single.html"
  printf '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<p>{{ .Title }}</p>{{ end }}{{ end }}\n' > "$h/layouts/_default/list.html"
}
