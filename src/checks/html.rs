//! A small HTML scanner: the links (`href`, `src`) and anchors (`id`, `<a name>`) of a rendered page.
//!
//! The link check reads every page redress renders, and a site of a thousand content pages has a thousand links in
//! each page's navigation, so this is a single forward pass over the text, not a DOM. It understands what can hide
//! or disguise an attribute: comments, `<!DOCTYPE>`, quoted and unquoted values, the raw text of `<script>`,
//! `<style>`, `<textarea>` and `<title>` (where `href="..."` is just text), and character references in values
//! (Tera escapes `/` as `&#x2F;`). It must never panic, whatever the page holds: every slice is cut at an ASCII
//! delimiter, which is always a character boundary in UTF-8.

use std::borrow::Cow;

/// A link found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link<'a> {
    /// The attribute's value, with character references decoded (borrowed from the page when there were none).
    pub(crate) value: Cow<'a, str>,
    /// The element's `rel`, lower case, when it has one (`canonical`, `stylesheet`).
    pub(crate) rel: Option<String>,
}

/// What a page links to and what it can be linked by. Values borrow from the page's text where they can: a site of
/// a thousand pages has a million links, and copying each would cost more than reading it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scan<'a> {
    /// Every `href` and `src`, in document order.
    pub(crate) links: Vec<Link<'a>>,
    /// Every `id`, and every `name` of an `<a>` (the old way to make an anchor).
    pub(crate) ids: Vec<Cow<'a, str>>,
}

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// Scans a page.
pub(crate) fn scan(html: &str) -> Scan<'_> {
    let mut out = Scan::default();
    let mut attrs = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = find_byte(bytes, b'<', i) {
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = find_byte(bytes, b'>', lt + 1).map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let name_end = lt
            + 1
            + rest[1..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .count();
        if name_end == lt + 1 || !bytes[lt + 1].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let element = &html[lt + 1..name_end];
        i = attributes(html, name_end, &mut attrs);
        let rel = attrs
            .iter()
            .find(|(n, _)| *n == Attr::Rel)
            .map(|(_, v)| v.to_ascii_lowercase());
        for (name, value) in attrs.drain(..) {
            match name {
                Attr::Link => out.links.push(Link {
                    value,
                    rel: rel.clone(),
                }),
                Attr::Id => out.ids.push(value),
                Attr::Name if element.eq_ignore_ascii_case("a") => out.ids.push(value),
                Attr::Name | Attr::Rel => {}
            }
        }
        if let Some(raw) = RAW_TEXT.iter().find(|r| element.eq_ignore_ascii_case(r)) {
            i = end_of_raw_text(html, i, raw);
        }
    }
    out
}

/// The next `byte` at or after `from`.
fn find_byte(bytes: &[u8], byte: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == byte)
        .map(|p| from + p)
}

/// The attributes the scan keeps; all others are stepped over without copying them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    /// `href` or `src`.
    Link,
    /// `id`.
    Id,
    /// `name` (an anchor on `<a>`).
    Name,
    /// `rel`.
    Rel,
}

impl Attr {
    fn from_name(name: &str) -> Option<Attr> {
        [
            ("href", Attr::Link),
            ("src", Attr::Link),
            ("id", Attr::Id),
            ("name", Attr::Name),
            ("rel", Attr::Rel),
        ]
        .into_iter()
        .find(|(n, _)| name.eq_ignore_ascii_case(n))
        .map(|(_, a)| a)
    }
}

/// Reads attributes from just after a tag's name to its `>` into `attrs` (the ones the scan keeps, values decoded).
/// Returns the offset just past the tag.
fn attributes<'a>(html: &'a str, mut i: usize, attrs: &mut Vec<(Attr, Cow<'a, str>)>) -> usize {
    let bytes = html.as_bytes();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return i;
        }
        if bytes[i] == b'>' {
            return i + 1;
        }
        let start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        // A stray quote or similar can leave the name empty; step over it so the loop always advances.
        if i == start {
            i += 1;
            continue;
        }
        let kind = Attr::from_name(&html[start..i]);
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= bytes.len() || bytes[j] != b'=' {
            if let Some(kind) = kind {
                attrs.push((kind, Cow::Borrowed("")));
            }
            continue;
        }
        j += 1;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let (raw, next) = match bytes.get(j) {
            Some(q @ (b'"' | b'\'')) => match find_byte(bytes, *q, j + 1) {
                Some(close) => (&html[j + 1..close], close + 1),
                None => (&html[j + 1..], bytes.len()),
            },
            _ => {
                let mut k = j;
                while k < bytes.len() && !bytes[k].is_ascii_whitespace() && bytes[k] != b'>' {
                    k += 1;
                }
                (&html[j..k], k)
            }
        };
        if let Some(kind) = kind {
            attrs.push((kind, decode_entities(raw)));
        }
        i = next;
    }
}

/// The offset just past `</element ...>`, or the end of the text when it is never closed.
fn end_of_raw_text(html: &str, from: usize, element: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(lt) = find_byte(bytes, b'<', i) {
        let after = lt + 2 + element.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && html
                .get(lt + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(element))
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            return find_byte(bytes, b'>', after).map_or(bytes.len(), |e| e + 1);
        }
        i = lt + 1;
    }
    bytes.len()
}

/// Decodes the character references an attribute value can hold: the five named ones HTML escapers write and any
/// numeric one. Anything else is left as written.
pub(crate) fn decode_entities(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[1..].find(';').map(|s| s + 1).filter(|s| *s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => name.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                code.and_then(char::from_u32)
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn links(html: &str) -> Vec<String> {
        scan(html)
            .links
            .into_iter()
            .map(|l| l.value.into_owned())
            .collect()
    }

    #[test]
    fn finds_hrefs_srcs_and_ids_in_any_quoting() {
        let s = scan(
            "<!DOCTYPE html><a href=\"a.html\" id=one>x</a><img src='i.png'><A HREF=b.html#c NAME=two><div id = \"three\">",
        );
        let values: Vec<&str> = s.links.iter().map(|l| l.value.as_ref()).collect();
        assert_eq!(values, ["a.html", "i.png", "b.html#c"]);
        assert_eq!(s.ids, ["one", "two", "three"]);
    }

    #[test]
    fn decodes_character_references_as_tera_writes_them() {
        assert_eq!(
            links("<a href=\"https:&#x2F;&#x2F;example.org&#x2F;?a=1&amp;b=2\">"),
            ["https://example.org/?a=1&b=2"]
        );
        assert_eq!(decode_entities("a&b &unknown; &#38;"), "a&b &unknown; &");
    }

    #[test]
    fn ignores_comments_and_raw_text() {
        assert!(links("<!-- <a href=\"x.html\"> --><script>let s = '<a href=\"y.html\">';</script><title>a <a href=z></title>").is_empty());
        assert_eq!(
            links("<script src=\"s.js\"></script><a href=\"after.html\">"),
            ["s.js", "after.html"]
        );
    }

    #[test]
    fn keeps_rel_for_canonical_links() {
        let s = scan("<link rel=\"Canonical\" href=\"https://x.example/\">");
        assert_eq!(s.links[0].rel.as_deref(), Some("canonical"));
    }

    #[test]
    fn text_that_looks_like_markup_is_not_a_link() {
        assert!(links("1 < 2 and <3 href=\"x\"> and a &lt;a href=&quot;x&quot;&gt;").is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn never_panics(text in "(<|>|\"|'|=|&|#|;|/|!|-|a|href|id|script| |é|x)*") {
            let _ = scan(&text);
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,200}") {
            let _ = scan(&text);
            let _ = decode_entities(&text);
        }
    }
}
