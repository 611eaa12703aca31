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
}
