//! The component gallery: every example of every component of the built-in theme, rendered through the same Tera
//! set-up as a site, checked as a reader would meet it, and written out as pages for the browser audit.
//!
//! Each component's folder (`themes/default/components/<name>/`) holds an `examples.toml` of named examples, with
//! the parameters its macro is called with, edge cases among them (long names, zero complaints, every answer No, an
//! empty table, n/a figures), and what a reader must find in each (`[[example.expect]]`: a CSS selector, how many
//! elements it matches, the text of the first). The files stay in the repository, not in the binary, so this test
//! module reads them from there. The tests here:
//!
//! - fail when a component's folder lacks its template, CSS, README or examples, or when the templates never use a
//!   component;
//! - render every example and check its expectations, and what every component owes a reader (tables with captions
//!   and header cells, charts as named images, links with words);
//! - write the gallery, one page per example (a component shown alone, as govuk-frontend's tests show theirs),
//!   into `$REDRESS_GALLERY` when it is set; `.ci/run` does so and runs the browser audit over it.
//!
//! A chart cannot be written by hand in an example, so a parameter `{ title, subtitle, draw = { ... } }` is drawn
//! by [`crate::charts`] first. The error overlay is drawn in the browser by its script, so its examples are the
//! events the preview server sends; its page runs the overlay with them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use serde::Deserialize;
use serde_json::Value;

use crate::charts::{self, Chart, ChartKind, Series, Target};
use crate::diagnostics::Diagnostics;
use crate::theme::{Theme, OVERLAY};

/// The theme's component folders, in the repository.
fn components_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/components")
}

/// One component: its name, the first paragraph of its README, and its examples.
struct Component {
    name: String,
    summary: String,
    examples: Vec<Example>,
}

/// An `examples.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExamplesFile {
    #[serde(rename = "example")]
    examples: Vec<Example>,
}

/// A named example: what it shows, the macro's parameters, other examples shown before it, and what a reader must
/// find in it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    name: String,
    description: String,
    #[serde(default)]
    params: toml::Table,
    #[serde(default)]
    with: Vec<With>,
    #[serde(default)]
    expect: Vec<Expect>,
}

/// Another component's example, shown on the same page first (the filter needs provisions to filter).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct With {
    component: String,
    example: String,
}

/// What a reader finds: the elements `selector` matches, how many (at least one when not said), and the text of
/// the first (exactly, or containing).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    selector: String,
    count: Option<usize>,
    text: Option<String>,
    contains: Option<String>,
}

/// Every component folder, sorted, with its examples; panics naming the folder and file when one is missing or
/// does not parse.
fn components() -> Vec<Component> {
    let mut names: Vec<String> = std::fs::read_dir(components_dir())
        .expect("the theme's components folder is in the repository")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let dir = components_dir().join(&name);
            let read = |file: &str| {
                std::fs::read_to_string(dir.join(file))
                    .unwrap_or_else(|e| panic!("components/{name}/{file}: {e}"))
            };
            let readme = read("README.md");
            let file: ExamplesFile = toml::from_str(&read("examples.toml"))
                .unwrap_or_else(|e| panic!("components/{name}/examples.toml: {e}"));
            let summary = readme
                .split("\n\n")
                .nth(1)
                .unwrap_or_default()
                .replace('\n', " ");
            Component {
                name,
                summary,
                examples: file.examples,
            }
        })
        .collect()
}

/// The macro a component's template defines for it: its name with `_` for `-`.
fn macro_name(component: &str) -> String {
    component.replace('-', "_")
}

/// The example's parameters as template values, with each chart to draw drawn.
fn params(example: &Example) -> Value {
    let mut value = serde_json::to_value(&example.params).expect("TOML values are JSON values");
    draw_charts(&mut value);
    value
}

/// Replaces every `{ title, subtitle, draw = {...} }` with the chart drawn, as a page's `charts` hold it.
fn draw_charts(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(draw) = map.get("draw").cloned() {
                let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
                let series = |v: &Value| -> Vec<Series> {
                    v["series"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|s| {
                            let values: Vec<Option<f64>> = s["values"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(Value::as_f64)
                                .collect();
                            let labels = s["labels"].as_array().map_or_else(
                                || {
                                    values
                                        .iter()
                                        .map(|v| v.map_or("n/a".into(), |v| format!("{v}")))
                                        .collect()
                                },
                                |l| l.iter().map(|x| x.as_str().unwrap_or("").into()).collect(),
                            );
                            Series {
                                name: text(s, "name"),
                                values,
                                labels,
                            }
                        })
                        .collect()
                };
                let strings = |v: &Value, k: &str| -> Vec<String> {
                    v[k].as_array()
                        .into_iter()
                        .flatten()
                        .map(|x| x.as_str().unwrap_or("").to_string())
                        .collect()
                };
                let kind = match draw["kind"].as_str() {
                    Some("bars") => ChartKind::Bars {
                        labels: strings(&draw, "labels"),
                        series: series(&draw),
                        unit: text(&draw, "unit"),
                    },
                    _ => ChartKind::Lines {
                        x: strings(&draw, "x"),
                        series: series(&draw),
                        unit: text(&draw, "unit"),
                        suffix: text(&draw, "suffix"),
                        target: draw["target"].as_f64().map(|value| Target {
                            value,
                            label: text(&draw, "target_label"),
                        }),
                    },
                };
                let chart = Chart {
                    id: draw["id"].as_str().unwrap_or("gallery-chart").to_string(),
                    title: text(value, "title"),
                    subtitle: text(value, "subtitle"),
                    desc: text(&draw, "desc"),
                    kind,
                };
                *value = serde_json::to_value(charts::render(&chart, &text(&draw, "empty")))
                    .expect("a drawn chart serialises");
                return;
            }
            map.values_mut().for_each(draw_charts);
        }
        Value::Array(items) => items.iter_mut().for_each(draw_charts),
        _ => {}
    }
}

/// The built-in theme's templates, as a site gets them.
fn tera() -> tera::Tera {
    let mut diags = Diagnostics::new();
    let tera = super::load(&Theme::built_in(), false, &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.sorted());
    // A copy of its own: each example is added to it as a template.
    tera::Tera::clone(&tera.expect("the built-in templates parse"))
}

/// Renders one example of `component` by calling its macro with the example's parameters.
fn render(tera: &tera::Tera, component: &str, example: &Example) -> Result<String, String> {
    if component == OVERLAY {
        // Drawn by its script in the browser; here, its markup.
        return tera
            .render(
                &format!("components/{OVERLAY}/{OVERLAY}.html"),
                &tera::Context::new(),
            )
            .map_err(|e| super::chain(&e));
    }
    let params = params(example);
    let args: Vec<String> = params
        .as_object()
        .into_iter()
        .flat_map(|m| m.keys())
        .map(|k| format!("{k}={k}"))
        .collect();
    let source = format!(
        "{{% import \"components/{component}/{component}.html\" as c %}}{{{{ c::{}({}) }}}}",
        macro_name(component),
        args.join(", ")
    );
    let mut tera = tera.clone();
    let name = "gallery-example.html";
    tera.add_raw_template(name, &source)
        .map_err(|e| super::chain(&e))?;
    let context = tera::Context::from_value(params).map_err(|e| super::chain(&e))?;
    tera.render(name, &context).map_err(|e| super::chain(&e))
}

/// An example's markup with the examples it is shown with before it.
fn render_with(
    tera: &tera::Tera,
    all: &[Component],
    component: &Component,
    example: &Example,
) -> String {
    let mut html = String::new();
    for w in &example.with {
        let (c, e) = find(all, &w.component, &w.example);
        html.push_str(&render(tera, &c.name, e).unwrap_or_else(|e| panic!("{}: {e}", w.example)));
        html.push('\n');
    }
    let own = render(tera, &component.name, example)
        .unwrap_or_else(|e| panic!("{} / {}: {e}", component.name, example.name));
    html.push_str(&own);
    html
}

fn find<'a>(all: &'a [Component], component: &str, example: &str) -> (&'a Component, &'a Example) {
    let c = all
        .iter()
        .find(|c| c.name == component)
        .unwrap_or_else(|| panic!("no component {component}"));
    let e = c
        .examples
        .iter()
        .find(|e| e.name == example)
        .unwrap_or_else(|| panic!("components/{component}: no example {example:?}"));
    (c, e)
}

/// "Every answer No" → "every-answer-no".
fn slug(name: &str) -> String {
    super::slug(name)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A gallery page: the theme's stylesheet, then in `main` the component's name as the `h1`, the example's name as an
/// `h2` (so an example's own headings, from level 2 down, keep the outline in order), what it shows, and the example.
/// An example that is itself a page's `h1` (the page heading) is the page's only heading.
fn page(component: &str, example: &str, description: &str, body: &str) -> String {
    let (c, e, d) = (escape(component), escape(example), escape(description));
    let headings = if body.contains("<h1") {
        format!("<p>{d}</p>\n")
    } else {
        format!("<h1>{c}</h1>\n<h2>{e}</h2>\n<p>{d}</p>\n")
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{c}: {e} - redress component gallery</title>\n<meta name=\"generator\" content=\"redress component gallery\">\n<link rel=\"stylesheet\" href=\"../assets/settings.css\">\n<link rel=\"stylesheet\" href=\"../assets/style.css\">\n</head>\n<body>\n<main class=\"rd-main rd-width\" id=\"main\">\n<p><a href=\"../index.html\">Every component</a></p>\n{headings}{body}\n</main>\n</body>\n</html>\n"
    )
}

/// The overlay's example: the event it is shown (as the preview server sends it), and what then happens to it.
fn overlay_body(example: &Example) -> String {
    let event = serde_json::to_value(
        example
            .params
            .get("event")
            .expect("an overlay example has an event"),
    )
    .expect("TOML is JSON");
    let then = example
        .params
        .get("then")
        .and_then(|t| t.as_str())
        .unwrap_or("show");
    let step = match then {
        "dismiss" => "overlay.dismiss();",
        "fix" => "overlay.clearError();",
        _ => "",
    };
    let script = format!(
        "(function () {{\n{}\nvar overlay = createOverlay(OVERLAY_MARKUP, OVERLAY_CSS);\noverlay.showError({});\n{step}\n}})();\n",
        crate::theme::overlay_script(),
        event.to_string().replace('<', "\\u003c")
    );
    format!("<script>\n{script}</script>\n")
}

/// Writes the gallery into `dir`: an index, a page per example, and the assets (the built-in stylesheet, the
/// settings of the default brand colour, the components' scripts). Returns the pages written.
fn write(dir: &Path) -> Vec<String> {
    let all = components();
    let tera = tera();
    let theme = Theme::built_in();
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (path, file) in theme.statics() {
        files.insert(path.to_string(), file.bytes.clone());
    }
    let palette = crate::render::colour::palette(crate::render::colour::DEFAULT_BRAND);
    files.insert(
        "assets/settings.css".into(),
        crate::render::colour::settings_css(&palette).into_bytes(),
    );
    let mut index = String::from("<ul class=\"rd-contents__list\">\n");
    for c in &all {
        index.push_str(&format!(
            "<li><strong>{}</strong>: {}<ul>\n",
            escape(&c.name),
            escape(&c.summary)
        ));
        for e in &c.examples {
            let path = format!("{}/{}.html", c.name, slug(&e.name));
            let html = if c.name == OVERLAY {
                page(&c.name, &e.name, &e.description, &overlay_body(e))
            } else {
                // The filter's markup is the tag that loads its script: deferred, it works in the body too.
                page(
                    &c.name,
                    &e.name,
                    &e.description,
                    &render_with(&tera, &all, c, e),
                )
            };
            files.insert(path.clone(), html.into_bytes());
            index.push_str(&format!(
                "<li><a href=\"{path}\">{}</a></li>\n",
                escape(&e.name)
            ));
        }
        index.push_str("</ul></li>\n");
    }
    index.push_str("</ul>\n");
    let index = page(
        "Components",
        "Every example",
        "Every example of every component of redress's built-in theme, each on a page of its own.",
        &index,
    )
    .replace("../", "")
    .replace("<p><a href=\"index.html\">Every component</a></p>\n", "");
    files.insert("index.html".into(), index.into_bytes());
    for (path, bytes) in &files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("a file has a folder")).expect("writable");
        std::fs::write(&p, bytes).expect("writable");
    }
    files
        .keys()
        .filter(|p| p.ends_with(".html"))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(s: &str) -> Selector {
        Selector::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn text(el: scraper::ElementRef<'_>) -> String {
        el.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The files a component folder lacks: its template, its CSS, its README with the sections every README has,
    /// and its examples.
    fn missing_files(components: &Path) -> Vec<String> {
        let mut missing = Vec::new();
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(components)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            for file in [
                format!("{name}.html"),
                format!("{name}.css"),
                "README.md".into(),
                "examples.toml".into(),
            ] {
                if !dir.join(&file).is_file() {
                    missing.push(format!("components/{name}/{file}"));
                }
            }
            if let Ok(readme) = std::fs::read_to_string(dir.join("README.md")) {
                for heading in ["## Parameters", "## Accessibility", "## Examples"] {
                    if !readme.contains(heading) {
                        missing.push(format!("components/{name}/README.md: {heading}"));
                    }
                }
            }
        }
        missing
    }

    #[test]
    fn every_component_has_its_template_styles_readme_and_examples() {
        let missing = missing_files(&components_dir());
        assert!(missing.is_empty(), "missing: {missing:#?}");
        for c in components() {
            assert!(!c.examples.is_empty(), "components/{}: no examples", c.name);
        }
        // The check bites: a folder with a template alone, and a README without its accessibility notes.
        let planted = tempfile::tempdir().unwrap();
        let banner = planted.path().join("banner");
        std::fs::create_dir(&banner).unwrap();
        std::fs::write(banner.join("banner.html"), "").unwrap();
        std::fs::write(
            banner.join("README.md"),
            "# Banner\n\n## Parameters\n\n## Examples\n",
        )
        .unwrap();
        assert_eq!(
            missing_files(planted.path()),
            [
                "components/banner/banner.css",
                "components/banner/examples.toml",
                "components/banner/README.md: ## Accessibility"
            ]
        );
    }

    #[test]
    fn the_templates_use_every_component() {
        let theme = Theme::built_in();
        let sources: Vec<String> = theme
            .templates()
            .map(|(_, f)| String::from_utf8_lossy(&f.bytes).into_owned())
            .collect();
        for c in components() {
            if c.name == OVERLAY {
                continue;
            }
            let import = format!("\"components/{0}/{0}.html\"", c.name);
            assert!(
                sources.iter().any(|s| s.contains(&import)),
                "no template imports the {} component",
                c.name
            );
        }
    }

    #[test]
    fn every_example_renders_and_gives_a_reader_what_it_says() {
        let all = components();
        let tera = tera();
        let mut failures = Vec::new();
        let mut count = 0;
        for c in &all {
            for e in &c.examples {
                count += 1;
                let html = render_with(&tera, &all, c, e);
                let at = format!("{} / {}", c.name, e.name);
                if html.contains("{{") || html.contains("{%") {
                    failures.push(format!("{at}: template syntax left in the output"));
                }
                let doc = Html::parse_fragment(&html);
                failures.extend(
                    expectations(&doc, &e.expect)
                        .into_iter()
                        .map(|f| format!("{at}: {f}")),
                );
                failures.extend(
                    reader_checks(&doc)
                        .into_iter()
                        .map(|f| format!("{at}: {f}")),
                );
            }
        }
        assert!(count >= 40, "only {count} examples");
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// The expectations `doc` does not meet, each in words.
    fn expectations(doc: &Html, expect: &[Expect]) -> Vec<String> {
        let mut failures = Vec::new();
        for x in expect {
            let found: Vec<_> = doc.select(&sel(&x.selector)).collect();
            match x.count {
                Some(n) if found.len() != n => failures.push(format!(
                    "{} matches {} elements, expected {n}",
                    x.selector,
                    found.len()
                )),
                None if found.is_empty() => {
                    failures.push(format!("nothing matches {}", x.selector))
                }
                _ => {}
            }
            let first = found.first().map(|el| text(*el));
            if let Some(want) = &x.text {
                if first.as_deref() != Some(want.as_str()) {
                    failures.push(format!("{} reads {first:?}, expected {want:?}", x.selector));
                }
            }
            if let Some(want) = &x.contains {
                if !first.as_deref().is_some_and(|t| t.contains(want.as_str())) {
                    failures.push(format!(
                        "{} reads {first:?}, expected it to contain {want:?}",
                        x.selector
                    ));
                }
            }
        }
        failures
    }

    #[test]
    fn the_example_checks_bite() {
        let doc = Html::parse_fragment(
            "<table><tr><th>x</th></tr></table><svg></svg><a href=\"#\"></a><p id=\"a\">One</p><p id=\"a\">Two</p>",
        );
        let expect = |selector: &str,
                      count: Option<usize>,
                      text: Option<&str>,
                      contains: Option<&str>| Expect {
            selector: selector.into(),
            count,
            text: text.map(str::to_string),
            contains: contains.map(str::to_string),
        };
        let failures = expectations(
            &doc,
            &[
                expect("p", Some(3), None, None),
                expect("h2", None, None, None),
                expect("p", None, Some("Two"), None),
                expect("p", None, None, Some("Three")),
                expect("p", Some(2), Some("One"), Some("On")),
            ],
        );
        assert_eq!(failures.len(), 4, "{failures:#?}");
        assert_eq!(
            reader_checks(&doc),
            [
                "a table without a caption",
                "a header cell without scope",
                "a chart that is not a named image",
                "a chart without a title and description",
                "a link without words: <a href=\"#\"></a>",
                "the id a twice",
            ]
        );
    }

    /// What every component owes a reader, whatever its parameters.
    fn reader_checks(doc: &Html) -> Vec<String> {
        let mut out = Vec::new();
        // A table has a caption and header cells with scope (WCAG 1.3.1).
        for table in doc.select(&sel("table")) {
            if table.select(&sel("caption")).next().is_none() {
                out.push("a table without a caption".into());
            }
            if table
                .select(&sel("th"))
                .any(|th| th.value().attr("scope").is_none())
            {
                out.push("a header cell without scope".into());
            }
        }
        // A chart is an image with a name and a description (WCAG 1.1.1).
        for svg in doc.select(&sel("svg")) {
            let a = svg.value();
            if a.attr("role") != Some("img") || a.attr("aria-labelledby").is_none() {
                out.push("a chart that is not a named image".into());
            }
            if svg.select(&sel("title")).next().is_none()
                || svg.select(&sel("desc")).next().is_none()
            {
                out.push("a chart without a title and description".into());
            }
        }
        // A link has words (WCAG 2.4.4).
        for a in doc.select(&sel("a")) {
            if text(a).is_empty() {
                out.push(format!("a link without words: {}", a.html()));
            }
        }
        // No id twice: a label or caption referred to by id (aria-labelledby) must be the only one (WCAG 1.3.1, 4.1.2).
        let mut ids: Vec<&str> = doc
            .select(&sel("[id]"))
            .filter_map(|e| e.value().attr("id"))
            .collect();
        ids.sort_unstable();
        for pair in ids.windows(2) {
            if pair[0] == pair[1] {
                out.push(format!("the id {} twice", pair[0]));
            }
        }
        out
    }

    #[test]
    fn the_gallery_is_written_the_same_every_time() {
        let keep = std::env::var_os("REDRESS_GALLERY").map(PathBuf::from);
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let pages = write(a.path());
        write(b.path());
        let read = |dir: &Path| -> Vec<(String, Vec<u8>)> {
            walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| {
                    (
                        e.path().strip_prefix(dir).unwrap().display().to_string(),
                        std::fs::read(e.path()).unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(read(a.path()), read(b.path()), "byte-identical");
        let examples: usize = components().iter().map(|c| c.examples.len()).sum();
        assert_eq!(pages.len(), examples + 1, "a page per example and an index");
        let index =
            Html::parse_document(&std::fs::read_to_string(a.path().join("index.html")).unwrap());
        assert_eq!(index.select(&sel("main li li a")).count(), examples);
        for page in &pages {
            let doc = Html::parse_document(&std::fs::read_to_string(a.path().join(page)).unwrap());
            assert_eq!(doc.select(&sel("h1")).count(), 1, "{page}");
            assert_eq!(doc.select(&sel("main")).count(), 1, "{page}");
        }
        if let Some(dir) = keep {
            write(&dir);
        }
    }
}
