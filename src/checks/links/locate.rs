//! Where a link was written, so that a broken one is reported at the text to fix rather than at the page it broke.

use super::{percent_decode, LinkSources};
use crate::diagnostics::SourceFile;

/// Finds where a link was written: first as a markdown link in the site's own files, then as a quoted value (a
/// `url = "..."` in a data file, `website` in site.toml), then in an `href` or `src` of a template, the page's own
/// template first. Returns the file and the byte span of the link text.
pub(super) fn locate<'s>(
    value: &str,
    template: &str,
    sources: &'s LinkSources<'_>,
) -> Option<(&'s SourceFile, std::ops::Range<usize>)> {
    let mut forms = vec![value.to_string()];
    let decoded = percent_decode(value);
    if decoded != value {
        forms.push(decoded);
    }
    for form in &forms {
        for src in sources.inputs {
            if let Some(at) = markdown_link(&src.text, form) {
                return Some((src, at..at + form.len()));
            }
        }
    }
    for form in &forms {
        for src in sources.inputs {
            for quote in ['"', '\''] {
                let quoted = format!("{quote}{form}{quote}");
                if let Some(at) = src.text.find(&quoted) {
                    return Some((src, at + 1..at + 1 + form.len()));
                }
            }
        }
        if form.contains("://") {
            // A bare address in markdown becomes a link too (GFM autolinks).
            for src in sources.inputs.iter().filter(|s| s.name.ends_with(".md")) {
                if let Some(at) = src.text.find(form.as_str()) {
                    return Some((src, at..at + form.len()));
                }
            }
        }
    }
    let mut templates: Vec<&SourceFile> = Vec::new();
    templates.extend(sources.templates.get(template));
    let mut others: Vec<(&String, &SourceFile)> = sources
        .templates
        .iter()
        .filter(|(name, _)| name.as_str() != template)
        .collect();
    others.sort_by_key(|(name, s)| (s.name.starts_with("built-in"), name.as_str()));
    templates.extend(others.into_iter().map(|(_, s)| s));
    for src in templates {
        if let Some(at) = attribute_value(&src.text, value) {
            return Some((src, at..at + value.len()));
        }
    }
    None
}

/// The offset of `target` written as a markdown link destination: `[text](target)`, `[text](target "title")`,
/// `[text](<target>)` or a reference definition `[name]: target`.
pub(super) fn markdown_link(text: &str, target: &str) -> Option<usize> {
    for (prefix, suffixes) in [
        ("](", &[")", " ", "\t"][..]),
        ("](<", &[">"][..]),
        ("]: ", &["\n", "\r", " ", "\t", ""][..]),
        ("]:", &["\n", "\r", " ", "\t", ""][..]),
    ] {
        let mut from = 0;
        let needle = format!("{prefix}{target}");
        while let Some(found) = text[from..].find(&needle) {
            let at = from + found + prefix.len();
            let after = &text[at + target.len()..];
            if suffixes.iter().any(|s| {
                if s.is_empty() {
                    after.is_empty()
                } else {
                    after.starts_with(s)
                }
            }) {
                return Some(at);
            }
            from = at;
        }
    }
    None
}

/// The offset of `value` as (the end of) an `href` or `src` value in a template: followed by a quote, with the
/// attribute's name before it on the same line.
pub(super) fn attribute_value(text: &str, value: &str) -> Option<usize> {
    if value.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text[from..].find(value) {
        let at = from + found;
        let end = at + value.len();
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        let closes = text[end..].starts_with(['"', '\'']);
        let attr = before.rfind("href=").or_else(|| before.rfind("src="));
        if closes && attr.is_some_and(|a| !before[a..].contains(['>'])) {
            return Some(at);
        }
        from = at + 1;
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}
