//! Markdown to HTML with comrak, safe by default.
//!
//! Raw HTML in the input is dropped unless the site opts in with `build.unsafe_html`, because text pasted from Word
//! or a CMS can carry scripts and inline styles that would break the page's accessibility or security. GFM tables
//! are allowed for prose, but the report's data tables come from templates, which give them captions and scopes.

use comrak::{markdown_to_html, Options};

/// Renders block markdown.
pub(crate) fn to_html(text: &str, unsafe_html: bool) -> String {
    markdown_to_html(text, &options(unsafe_html))
}

/// Renders block markdown whose `#` headings stand at level `top`: a content file's `##` sections (its page title is
/// the `#`) become `h{top + 1}`. Text placed under a heading of its own (a part of the full report, the analysis on
/// the performance page) is given the level below that heading, so the page's outline stays in order for screen
/// readers (WCAG 2.2 1.3.1, 2.4.6) and for the PDF's bookmarks. Levels past 6 stay at 6.
pub(crate) fn to_html_at(text: &str, unsafe_html: bool, top: u8) -> String {
    let shift = top.clamp(1, 6) - 1;
    if shift == 0 {
        return to_html(text, unsafe_html);
    }
    let arena = comrak::Arena::new();
    let options = options(unsafe_html);
    let root = comrak::parse_document(&arena, text, &options);
    for node in root.descendants() {
        if let comrak::nodes::NodeValue::Heading(ref mut h) = node.data.borrow_mut().value {
            h.level = (h.level + shift).min(6);
        }
    }
    let mut out = String::new();
    // Writing into a String cannot fail; the fallback keeps this panic-free all the same.
    if comrak::format_html(root, &options, &mut out).is_err() {
        return to_html(text, unsafe_html);
    }
    out
}

/// Renders a short piece of markdown expected to be one paragraph, without the wrapping `<p>`, for table cells and
/// labels. Longer text keeps its block structure.
pub(crate) fn to_inline_html(text: &str, unsafe_html: bool) -> String {
    let html = to_html(text, unsafe_html);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

fn options(unsafe_html: bool) -> Options<'static> {
    let mut o = Options::default();
    o.extension.strikethrough = true;
    o.extension.table = true;
    o.extension.autolink = true;
    o.render.r#unsafe = unsafe_html;
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_raw_html_unless_allowed() {
        let md = "Hello <script>alert(1)</script> *world*";
        assert!(!to_html(md, false).contains("<script>"));
        assert!(to_html(md, true).contains("<script>"));
        assert_eq!(to_inline_html("a *b*", false), "a <em>b</em>");
    }

    #[test]
    fn headings_move_to_the_level_they_stand_at() {
        let md = "# Part\n\n## Section\n\n###### Deep\n\ntext";
        let html = to_html_at(md, false, 2);
        assert!(html.contains("<h2>Part</h2>"), "{html}");
        assert!(html.contains("<h3>Section</h3>"), "{html}");
        assert!(html.contains("<h6>Deep</h6>"), "{html}");
        assert_eq!(to_html_at(md, false, 1), to_html(md, false));
    }
}
