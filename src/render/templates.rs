//! Tera set-up: loads the theme's templates (the pages' and the components'), registers redress's filters and the
//! `object` function, and turns Tera's errors into diagnostics that name the template, line and column.

#[cfg(test)]
mod gallery;

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Tera, Value};

use super::markdown;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::theme::Theme;

/// The templates last parsed in this process, with the exact sources and setting they were parsed from.
///
/// `redress serve` rebuilds the site after every save, and parsing the theme's templates was about 40% of each
/// rebuild although a save almost never touches a template. Keying on the full sources (not a hash) means a
/// changed template can never be served from the cache.
///
/// The parse is shared ([`Arc`]), not copied: sites built in one run (`redress build a b c`) with the same theme
/// render from the one parse, each on as many threads as it likes, since rendering only reads it.
type ParsedTheme = (Vec<(String, Vec<u8>)>, bool, Arc<Tera>);
static PARSED: std::sync::Mutex<Option<ParsedTheme>> = std::sync::Mutex::new(None);

/// Parses every template of the theme, or reuses the last parse when no template and no setting has changed.
pub(crate) fn load(theme: &Theme, unsafe_html: bool, diags: &mut Diagnostics) -> Option<Arc<Tera>> {
    let key: Vec<(String, Vec<u8>)> = theme
        .templates()
        .map(|(n, f)| (n.to_string(), f.bytes.clone()))
        .collect();
    // A poisoned lock only means another thread panicked mid-update; the cache is then simply not used.
    if let Ok(cache) = PARSED.lock() {
        if let Some((k, u, tera)) = cache.as_ref() {
            if *k == key && *u == unsafe_html {
                return Some(Arc::clone(tera));
            }
        }
    }
    let tera = Arc::new(parse(theme, unsafe_html, diags)?);
    if let Ok(mut cache) = PARSED.lock() {
        *cache = Some((key, unsafe_html, Arc::clone(&tera)));
    }
    Some(tera)
}

/// Parses every template of the theme, each one once and on its own (in parallel), so that every broken template
/// is reported, not only the first; then links them (`extends`, `include`, `import`) together.
///
/// Tera's own `add_raw_templates` parses the templates one after another and stops at the first broken one, so
/// reporting every broken template through it meant parsing the whole theme twice, or parsing it once and then
/// again when any failed. Parsing is the larger part of a build of the example site (callgrind). The parsed
/// templates are put in `Tera::templates` (public, though hidden from Tera's documentation) and linked with the
/// same two public calls `add_raw_templates` makes.
fn parse(theme: &Theme, unsafe_html: bool, diags: &mut Diagnostics) -> Option<Tera> {
    use rayon::prelude::*;
    let files: Vec<(&str, &crate::theme::ThemeFile)> = theme.templates().collect();
    let parsed: Vec<Result<tera::Template, Box<Diagnostic>>> = files
        .par_iter()
        .map(|(name, file)| {
            let display = file.display_name(&crate::theme::template_path(name));
            let Ok(text) = std::str::from_utf8(&file.bytes) else {
                return Err(Box::new(
                    Diagnostic::error(format!("`{display}` is not UTF-8 text"))
                        .help("save the template as UTF-8"),
                ));
            };
            tera::Template::new(name, None, text).map_err(|e| {
                let source = SourceFile::new(display, *name, text.to_string());
                Box::new(template_error(
                    &source,
                    &e,
                    "this template has a syntax error",
                ))
            })
        })
        .collect();
    let mut tera = Tera::default();
    let mut ok = true;
    for ((name, _), result) in files.iter().zip(parsed) {
        match result {
            Ok(template) => {
                tera.templates.insert(name.to_string(), template);
            }
            Err(d) => {
                diags.push(*d);
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    tera.autoescape_on(vec![".html"]);
    register_filters(&mut tera, unsafe_html);
    register_functions(&mut tera);
    if let Err(e) = tera
        .build_inheritance_chains()
        .and_then(|()| tera.check_macro_files())
    {
        diags.push(Diagnostic::error(format!("the theme's templates do not fit together: {}", chain(&e)))
            .help("check the names in {% extends %}, {% include %} and {% import %}: they are paths in the theme (templates/ for pages, components/<name>/<name>.html for components)"));
        return None;
    }
    Some(tera)
}

/// The template sources by name, for locating render errors.
pub(crate) fn sources(theme: &Theme) -> HashMap<String, SourceFile> {
    theme
        .templates()
        .map(|(name, file)| {
            let display = file.display_name(&crate::theme::template_path(name));
            (
                name.to_string(),
                SourceFile::new(
                    display,
                    name,
                    String::from_utf8_lossy(&file.bytes).into_owned(),
                ),
            )
        })
        .collect()
}

fn register_filters(tera: &mut Tera, unsafe_html: bool) {
    // `markdown(top=N)` puts the text's `#` headings at level N (see markdown::to_html_at); without it they stay.
    tera.register_filter(
        "markdown",
        move |v: &Value, args: &HashMap<String, Value>| {
            let top = args
                .get("top")
                .and_then(Value::as_u64)
                .map_or(1, |t| u8::try_from(t.clamp(1, 6)).unwrap_or(1));
            Ok(Value::String(markdown::to_html_at(
                v.as_str().unwrap_or(""),
                unsafe_html,
                top,
            )))
        },
    );
    tera.register_filter(
        "markdown_inline",
        move |v: &Value, _: &HashMap<String, Value>| {
            Ok(Value::String(markdown::to_inline_html(
                v.as_str().unwrap_or(""),
                unsafe_html,
            )))
        },
    );
    tera.register_filter("count", |v: &Value, _: &HashMap<String, Value>| {
        let n = v
            .as_u64()
            .map_or_else(|| v.to_string(), crate::format::count);
        Ok(Value::String(n))
    });
    tera.register_filter("long_date", |v: &Value, _: &HashMap<String, Value>| {
        let s = v.as_str().unwrap_or("");
        Ok(Value::String(
            crate::data::date::Date::parse(s).map_or_else(|| s.to_string(), |d| d.long()),
        ))
    });
    tera.register_filter("anchor", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(slug(v.as_str().unwrap_or(""))))
    });
}

/// Tera 1 has no map literals, so templates build the lists they give a component (a summary list's rows, a
/// contents list's links) with `object(key=value, ...)`, which returns its arguments as a map.
///
/// Tera gives a macro's arguments, and a `set`'s value, without escaping them, and a macro called inside either
/// renders unescaped too; so a template never passes one macro's output to another. A component takes text and
/// escapes it where it prints it, and takes markup only from the `markdown` filters (`html=x | markdown`).
fn register_functions(tera: &mut Tera) {
    tera.register_function("object", |args: &HashMap<String, Value>| {
        // Sorted by key, so the map is the same whatever order the arguments hash to.
        let map: std::collections::BTreeMap<&String, &Value> = args.iter().collect();
        Ok(Value::Object(
            map.into_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ))
    });
}

/// "Damp and mould!" → "damp-and-mould".
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The error and its causes on one line: Tera puts the useful part in the causes.
pub(crate) fn chain(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    parts.join(": ")
}

/// A template error as a diagnostic. Parse errors carry `--> line:col`; render errors name a variable, filter or
/// macro, which is looked up as a whole word in `source` to find its line.
pub(crate) fn template_error(source: &SourceFile, e: &tera::Error, what: &str) -> Diagnostic {
    let full = chain(e);
    let position = full.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest.split(|c: char| !c.is_ascii_digit());
        let line: usize = it.next()?.parse().ok()?;
        let col: usize = it.next()?.parse().ok()?;
        Some((line, col))
    });
    let located = match position {
        Some((line, col)) => {
            let span = source.line_span(line);
            let start = span.start
                + source.text[span.clone()]
                    .char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(0, |(i, _)| i);
            Some(start..start + 1)
        }
        None => names_in(&full)
            .iter()
            .find_map(|n| find_word(&source.text, n)),
    };
    let d = Diagnostic::error(format!("{what}: {}", detail(&full)))
        .help("see the Tera documentation for template syntax; the variables a page can use are listed in the README's theme section");
    match located {
        Some(span) => d.at(source, span),
        None => Diagnostic {
            file: Some(source.name.clone()),
            ..d
        },
    }
}

/// The most useful line of a Tera error: the pest "= expected ..." line of a parse error, or the last cause.
fn detail(full: &str) -> String {
    let pest = full
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("= "))
        .map(|l| l.trim_start_matches("= ").to_string());
    pest.unwrap_or_else(|| {
        let last = full.rsplit(": ").next().unwrap_or(full);
        last.lines()
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.')
            .to_string()
    })
}

/// Names a render error quotes (`x` or 'x'), other than template file names.
pub(crate) fn names_in(message: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quote in ['`', '\''] {
        out.extend(
            message
                .split(quote)
                .skip(1)
                .step_by(2)
                .filter(|n| !n.is_empty() && !n.ends_with(".html") && !n.contains(' '))
                .map(str::to_string),
        );
    }
    out
}

/// True when `source` mentions one of the names a render error quotes.
pub(crate) fn mentions(source: &SourceFile, e: &tera::Error) -> bool {
    names_in(&chain(e))
        .iter()
        .any(|n| find_word(&source.text, n).is_some())
}

/// The first place `needle` occurs as a whole word (not inside a longer name), so a variable called `m` is not
/// "found" inside `import`.
fn find_word(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    text.match_indices(needle)
        .find(|(i, _)| {
            let before = text[..*i].chars().next_back().is_none_or(|c| !is_word(c));
            let after = text[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c));
            before && after && !needle.is_empty()
        })
        .map(|(i, _)| i..i + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let src = SourceFile::new(
            "themes/default/templates/x.html",
            "x.html",
            "<p>\n{{ oops( }}\n</p>\n",
        );
        let e = tera::Template::new("x.html", None, &src.text).unwrap_err();
        let d = template_error(&src, &e, "syntax error");
        assert_eq!(d.location.as_ref().unwrap().line, 2, "{d:?}");
        assert_eq!(d.file.as_deref(), Some("themes/default/templates/x.html"));
    }

    #[test]
    fn a_changed_template_is_parsed_again_not_served_from_the_cache() {
        let render = |text: &str| {
            let mut theme = Theme::built_in();
            theme.files.insert(
                "templates/probe.html".into(),
                crate::theme::ThemeFile {
                    bytes: text.as_bytes().to_vec(),
                    origin: crate::theme::Origin::BuiltIn,
                },
            );
            let tera = load(&theme, false, &mut Diagnostics::new()).unwrap();
            tera.render("probe.html", &tera::Context::new()).unwrap()
        };
        assert_eq!(render("one"), "one");
        assert_eq!(render("one"), "one");
        assert_eq!(render("two"), "two");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Damp and mould!"), "damp-and-mould");
        assert_eq!(slug("Rent, service charges"), "rent-service-charges");
    }
}
