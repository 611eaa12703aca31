//! Inline content read from a page: text with HTML's white space rules applied, emphasis, links (and where
//! each goes, [`target`]), line breaks. Part of [`super::parse`], which reads the blocks around it.

use scraper::{ElementRef, Node};

use super::document::{Inline, Link, Target};
use super::parse::{has_class, hidden};

pub(super) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// The inline content of an element (a paragraph, a heading), with white space collapsed as HTML does.
pub(super) fn inlines(el: ElementRef<'_>) -> Vec<Inline> {
    let mut out = Vec::new();
    inline_children(el, &mut out);
    normalise(out)
}

fn inline_children(el: ElementRef<'_>, out: &mut Vec<Inline>) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push(Inline::Text(t.to_string())),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    inline_element(child, out);
                }
            }
            _ => {}
        }
    }
}

pub(super) fn inline_element(el: ElementRef<'_>, out: &mut Vec<Inline>) {
    if hidden(el) {
        return;
    }
    // Words a link carries only for screen readers ("Download as CSV: <the table's caption>") repeat what the
    // page shows around it; a reader of the PDF or the text sees them in place, so they are left out.
    if has_class(el, "rd-visually-hidden") {
        return;
    }
    let mut inner = Vec::new();
    match el.value().name() {
        "strong" | "b" => {
            inline_children(el, &mut inner);
            out.push(Inline::Strong(inner));
        }
        "em" | "i" | "cite" | "dfn" => {
            inline_children(el, &mut inner);
            out.push(Inline::Emphasis(inner));
        }
        "code" | "kbd" | "samp" => out.push(Inline::Code(el.text().collect())),
        "br" => out.push(Inline::LineBreak),
        "a" => {
            inline_children(el, &mut inner);
            match el.value().attr("href").and_then(target) {
                Some(target) => out.push(Inline::Link(Link {
                    target,
                    content: inner,
                })),
                None => out.extend(inner),
            }
        }
        "img" => {
            if let Some(alt) = el.value().attr("alt") {
                out.push(Inline::Text(alt.to_string()));
            }
        }
        "svg" | "script" | "style" | "template" => {}
        _ => inline_children(el, out),
    }
}

/// Classifies a link's `href`: a place in the page, another file of the site, or somewhere else.
pub(crate) fn target(href: &str) -> Option<Target> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Some(id) = href.strip_prefix('#') {
        return (!id.is_empty()).then(|| Target::Anchor(id.to_string()));
    }
    let scheme = href.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if scheme.is_some() || href.starts_with("//") {
        return Some(Target::External(href.to_string()));
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string()).filter(|f| !f.is_empty())),
        None => (href, None),
    };
    let path = path.split(['?']).next().unwrap_or(path);
    // Pages link with `{{ root }}`, which is empty or a run of `../`: from the site's root, it is the path.
    let mut parts: Vec<&str> = Vec::new();
    for part in path.trim_start_matches('/').split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let path = parts.join("/");
    Some(Target::Site {
        path: if path.is_empty() {
            "index.html".into()
        } else {
            path
        },
        fragment,
    })
}

/// Every link in an element, for a list of downloads.
pub(super) fn links_in(el: ElementRef<'_>) -> Vec<Link> {
    let mut inline = Vec::new();
    inline_children(el, &mut inline);
    let mut out = Vec::new();
    collect_links(inline, &mut out);
    out.into_iter()
        .map(|l| Link {
            target: l.target,
            content: normalise(l.content),
        })
        .collect()
}

fn collect_links(content: Vec<Inline>, out: &mut Vec<Link>) {
    for i in content {
        match i {
            Inline::Link(l) => out.push(l),
            Inline::Strong(c) | Inline::Emphasis(c) => collect_links(c, out),
            _ => {}
        }
    }
}

/// Collapses runs of HTML white space to one space and trims the ends.
pub(super) fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// White space as a browser lays it out: runs collapsed to one space, none at the start or end of the block,
/// none after a line break, and adjacent text joined.
pub(super) fn normalise(content: Vec<Inline>) -> Vec<Inline> {
    let mut space = true; // at the start of a block, leading space is dropped
    let mut out = normalise_run(content, &mut space);
    trim_end(&mut out);
    out
}

fn normalise_run(content: Vec<Inline>, space: &mut bool) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for item in content {
        match item {
            Inline::Text(t) => {
                let mut s = String::with_capacity(t.len());
                for c in t.chars() {
                    if c.is_ascii_whitespace() {
                        if !*space {
                            s.push(' ');
                            *space = true;
                        }
                    } else {
                        s.push(c);
                        *space = false;
                    }
                }
                if s.is_empty() {
                    continue;
                }
                if let Some(Inline::Text(prev)) = out.last_mut() {
                    prev.push_str(&s);
                } else {
                    out.push(Inline::Text(s));
                }
            }
            Inline::Strong(c) => push_nonempty(&mut out, Inline::Strong, c, space),
            Inline::Emphasis(c) => push_nonempty(&mut out, Inline::Emphasis, c, space),
            Inline::Link(l) => {
                let content = normalise_run(l.content, space);
                out.push(Inline::Link(Link {
                    target: l.target,
                    content,
                }));
            }
            Inline::Code(c) => {
                *space = false;
                out.push(Inline::Code(c));
            }
            Inline::LineBreak => {
                trim_end(&mut out);
                *space = true;
                out.push(Inline::LineBreak);
            }
        }
    }
    out
}

fn push_nonempty(
    out: &mut Vec<Inline>,
    wrap: fn(Vec<Inline>) -> Inline,
    content: Vec<Inline>,
    space: &mut bool,
) {
    let content = normalise_run(content, space);
    if !content.is_empty() {
        out.push(wrap(content));
    }
}

/// Drops trailing spaces, looking inside emphasis and links.
fn trim_end(content: &mut Vec<Inline>) {
    while let Some(last) = content.last_mut() {
        match last {
            Inline::Text(t) => {
                let trimmed = t.trim_end_matches(' ').len();
                t.truncate(trimmed);
                if !t.is_empty() {
                    return;
                }
            }
            Inline::Strong(c) | Inline::Emphasis(c) => {
                trim_end(c);
                if !c.is_empty() {
                    return;
                }
            }
            Inline::Link(l) => {
                trim_end(&mut l.content);
                return;
            }
            Inline::Code(_) | Inline::LineBreak => return,
        }
        content.pop();
    }
}
