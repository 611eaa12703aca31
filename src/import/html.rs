//! Turns the HTML fragments that content-management systems leave in exported forms (`<p>`, `<ul><li>`, `<u>`,
//! `&amp;`) into the markdown the data file holds.
//!
//! Only cells that contain one of the tags such fragments are made of are treated as HTML, so text that merely
//! contains `<` ("<5 days") is left alone. Block tags become paragraph breaks, list items `- ` lines, `<br>` a line
//! break; inline tags are dropped and their text kept; entities are decoded.

/// The tags an HTML fragment pasted from a CMS is made of. Text that merely contains `<` (as in "<5 days") is left
/// alone: only cells with one of these tags are treated as HTML.
const HTML_TAGS: [&str; 34] = [
    "p",
    "div",
    "br",
    "ul",
    "ol",
    "li",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "span",
    "font",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "sup",
    "sub",
    "s",
    "strike",
    "blockquote",
    "section",
    "o:p",
    "hr",
];

pub(crate) fn looks_like_html(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if tag_name(rest).is_some_and(|n| HTML_TAGS.contains(&n.as_str())) {
            return true;
        }
    }
    lower.contains("&nbsp;") || lower.contains("&amp;")
}

/// The name of the tag starting just after a `<`, if it looks like one: `p` for `p>`, `/p>` or `p class="x">`.
fn tag_name(after_lt: &str) -> Option<String> {
    let body = after_lt.strip_prefix('/').unwrap_or(after_lt);
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .collect::<String>()
        .to_lowercase();
    let next = body[name.len()..].chars().next();
    let ends_well = matches!(next, Some('>' | ' ' | '/' | '\t' | '\n'));
    (!name.is_empty() && ends_well && after_lt.contains('>')).then_some(name)
}

/// Turns an HTML fragment into markdown: paragraphs become blank-line separated, list items become `- ` lines,
/// `<br>` a line break; inline tags (`<u>`, `<span>`, `<b>`) are dropped and their text kept; entities decoded.
pub(crate) fn html_to_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut ordered: Vec<Option<u32>> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..i]));
        let after = &rest[i + 1..];
        let name = tag_name(after).filter(|n| HTML_TAGS.contains(&n.as_str()));
        let (Some(name), Some(end)) = (name, after.find('>')) else {
            out.push('<');
            rest = after;
            continue;
        };
        let closing = after.starts_with('/');
        match (name.as_str(), closing) {
            ("ul", false) => {
                ordered.push(None);
                out.push_str("\n\n");
            }
            ("ol", false) => {
                ordered.push(Some(0));
                out.push_str("\n\n");
            }
            ("ul" | "ol", true) => {
                ordered.pop();
                out.push_str("\n\n");
            }
            ("li", false) => {
                while out.ends_with([' ', '\t']) {
                    out.pop();
                }
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                match ordered.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        out.push_str(&format!("{n}. "));
                    }
                    _ => out.push_str("- "),
                }
            }
            ("li", true) | ("br" | "tr", _) => out.push('\n'),
            ("td" | "th", true) => out.push(' '),
            ("p" | "div" | "blockquote" | "section" | "table" | "hr", _) => out.push_str("\n\n"),
            (h, _) if h.len() == 2 && h.starts_with('h') => out.push_str("\n\n"),
            _ => {}
        }
        rest = &after[end + 1..];
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Decodes the HTML entities found in pasted fragments; unknown ones are left as they are.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "pound" => '£',
        "bull" => '•',
        "middot" => '·',
        _ => return None,
    })
}
