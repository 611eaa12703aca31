//! `content/*.md`: prose pages with TOML front matter between `+++` lines.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::date::Date;
use super::toml_doc;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Front matter keys.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    /// Page title (the h1).
    pub(crate) title: String,
    /// A one-sentence summary, used in navigation and the meta description.
    pub(crate) description: Option<String>,
    /// Position among extra pages (lower first, then by file name): in the full report and on the index of other
    /// pages.
    pub(crate) order: Option<i64>,
    /// The heading an extra page is listed under on the index of other pages (`group = "Case studies"`). A page
    /// with a group is a page of the website beside the report; a page without one is part of the report.
    pub(crate) group: Option<Spanned<String>>,
    /// Date the text was agreed: required for the governing body's response (Code 8.2).
    pub(crate) date: Option<Spanned<Date>>,
    /// Who signed it.
    pub(crate) signed: Option<String>,
    /// Set by `redress new-year` on a file carried over from an earlier year (`carried_over = "2025-26"`): a
    /// warning until it is reviewed for the report year and the key removed.
    pub(crate) carried_over: Option<Spanned<String>>,
}

/// One content page, parsed but not yet rendered.
#[derive(Debug, Clone)]
pub(crate) struct ContentPage {
    /// File stem: `governing-body-response`.
    pub(crate) slug: String,
    /// Front matter.
    pub(crate) front: FrontMatter,
    /// The markdown after the front matter.
    pub(crate) body: String,
    /// The file, for diagnostics.
    pub(crate) source: SourceFile,
}

/// Splits and parses one file. Front matter errors keep their true line numbers: the TOML is parsed from a copy of
/// the file with the opening `+++` blanked and the body cut off, so offsets match the original.
pub(crate) fn parse(source: SourceFile, diags: &mut Diagnostics) -> Option<ContentPage> {
    let slug = std::path::Path::new(&source.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = source.text.trim_start_matches('\u{feff}');
    let bom = source.text.len() - text.len();
    let Some(after_open) = text.strip_prefix("+++") else {
        diags.push(
            Diagnostic::error("this page has no front matter")
                .at(&source, bom..bom + text.find('\n').unwrap_or(text.len()).min(80))
                .help("start the file with a line `+++`, then `title = \"...\"`, then another `+++` line"),
        );
        return None;
    };
    let open_end = bom + 3 + after_open.find('\n').map_or(after_open.len(), |i| i + 1);
    let rest = &source.text[open_end..];
    let close = rest
        .match_indices("+++")
        .find(|(i, _)| *i == 0 || rest.as_bytes()[i - 1] == b'\n')
        .map(|(i, _)| i);
    let Some(close) = close else {
        diags.push(
            Diagnostic::error("the front matter is not closed")
                .at(&source, bom..bom + 3)
                .label("opened here")
                .help("add a line `+++` after the front matter"),
        );
        return None;
    };
    let blanked: String = source.text[..open_end]
        .chars()
        .map(|c| if c == '\n' { c } else { ' ' })
        .collect();
    let fm_text = format!("{blanked}{}", &rest[..close]);
    let fm_source = SourceFile::new(source.name.clone(), source.path.clone(), fm_text);
    let front: FrontMatter = toml_doc::load(&fm_source, diags)?;
    let body_start = open_end + close + 3;
    let body = source.text[body_start..]
        .trim_start_matches(['\r', '\n'])
        .to_string();
    Some(ContentPage {
        slug,
        front,
        body,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_errors_keep_their_line() {
        let f = SourceFile::new(
            "content/x.md",
            "x",
            "+++\ntitle = \"X\"\ndate = 2026-13-01\n+++\nBody\n",
        );
        let mut diags = Diagnostics::new();
        assert!(parse(f, &mut diags).is_none());
        let d = &diags.sorted()[0];
        assert_eq!(d.location.as_ref().unwrap().line, 3, "{d:?}");
    }

    #[test]
    fn splits_front_matter_and_body() {
        let f = SourceFile::new(
            "content/x.md",
            "x",
            "+++\ntitle = \"X\"\n+++\n\nBody +++ text\n",
        );
        let mut diags = Diagnostics::new();
        let page = parse(f, &mut diags).unwrap();
        assert_eq!(page.front.title, "X");
        assert_eq!(page.body, "Body +++ text\n");
        assert_eq!(page.slug, "x");
    }
}
