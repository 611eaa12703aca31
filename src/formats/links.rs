//! Where a link in a document can take a reader of a file that has left the site.
//!
//! A page's relative links (`performance.html`, `data/ch01.csv`) work inside the site, but a PDF or a text file is
//! emailed, printed and downloaded, and a relative link in it leads nowhere. So each format asks here: a link to a
//! place in the same document stays a link to that place (if the place is in the document); a link to another file
//! of the site becomes a full address when the site's address (`base_url` in site.toml) is known, and otherwise the
//! file's name, written out so a reader can find it on the site; a link elsewhere stays as it is.

use std::collections::HashSet;

use super::document::{Block, Document, Inline, Target};

/// What a link becomes in a document read away from the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// A place in this document, by its id.
    Anchor(String),
    /// A full address.
    Url(String),
    /// A file of the site that has no address here: its path, to write beside the link's text.
    Named(String),
    /// Nothing to follow: an anchor the document does not have. The link's text stays.
    None,
}

/// How links resolve for one document.
#[derive(Debug, Clone)]
pub(crate) struct Links {
    base_url: Option<String>,
    page: String,
    anchors: HashSet<String>,
}

impl Links {
    /// Links in `doc`, the page at `page` (its path from the site's root), for a site at `base_url` if known.
    pub(crate) fn new(doc: &Document, page: &str, base_url: Option<&str>) -> Links {
        let mut anchors = HashSet::new();
        collect_anchors(&doc.blocks, &mut anchors);
        Links {
            base_url: base_url
                .map(|u| u.trim().trim_end_matches('/').to_string())
                .filter(|u| !u.is_empty()),
            page: page.to_string(),
            anchors,
        }
    }

    /// Whether `id` names a place in the document.
    pub(crate) fn has_anchor(&self, id: &str) -> bool {
        self.anchors.contains(id)
    }

    /// Whether links to the site's other files can be followed (the site's address is known).
    pub(crate) fn site_is_addressable(&self) -> bool {
        self.base_url.is_some()
    }

    /// What `target` becomes.
    pub(crate) fn resolve(&self, target: &Target) -> Resolved {
        match target {
            Target::Anchor(id) if self.has_anchor(id) => Resolved::Anchor(id.clone()),
            Target::Anchor(_) => Resolved::None,
            Target::Site { path, fragment } => {
                if *path == self.page {
                    return match fragment {
                        Some(f) if self.has_anchor(f) => Resolved::Anchor(f.clone()),
                        _ => Resolved::None,
                    };
                }
                let fragment = fragment
                    .as_ref()
                    .map_or_else(String::new, |f| format!("#{f}"));
                match &self.base_url {
                    Some(base) => {
                        let path = if path == "index.html" { "" } else { path };
                        Resolved::Url(format!("{base}/{path}{fragment}"))
                    }
                    None => Resolved::Named(path.clone()),
                }
            }
            Target::External(url) => Resolved::Url(url.clone()),
        }
    }
}

fn collect_anchors(blocks: &[Block], out: &mut HashSet<String>) {
    for b in blocks {
        match b {
            Block::Anchor(id) => {
                out.insert(id.clone());
            }
            Block::Heading(h) => {
                out.extend(h.id.clone());
            }
            Block::List(l) => l.items.iter().for_each(|i| collect_anchors(i, out)),
            Block::Terms(t) => t.iter().for_each(|t| collect_anchors(&t.description, out)),
            Block::Table(t) => collect_table(t, out),
            Block::Figure(f) => {
                out.extend(f.id.clone());
                if let Some(t) = &f.table {
                    collect_table(t, out);
                }
            }
            Block::Notice(b) | Block::Quote(b) => collect_anchors(b, out),
            Block::Paragraph(_) | Block::Downloads(_) => {}
        }
    }
}

fn collect_table(t: &super::document::Table, out: &mut HashSet<String>) {
    out.extend(t.id.clone());
    for row in t.head.iter().chain(&t.body) {
        out.extend(row.id.clone());
        for cell in &row.cells {
            collect_anchors(&cell.blocks, out);
        }
    }
}

/// The text a link to a file of the site is written with when the site has no address: "the performance page
/// (performance.html)". Nothing is added when the link's text already names the file.
pub(crate) fn named_suffix(content: &[Inline], path: &str) -> Option<String> {
    let text = super::document::plain(content);
    (!text.contains(path)).then(|| format!(" ({path})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::document::Heading;

    fn doc() -> Document {
        Document {
            blocks: vec![
                Block::Anchor("part-performance".into()),
                Block::Heading(Heading {
                    level: 2,
                    id: Some("ch01".into()),
                    content: vec![],
                }),
            ],
        }
    }

    fn site(path: &str, fragment: Option<&str>) -> Target {
        Target::Site {
            path: path.into(),
            fragment: fragment.map(str::to_string),
        }
    }

    #[test]
    fn anchors_in_the_document_stay_links_and_others_become_text() {
        let links = Links::new(&doc(), "report.html", None);
        assert_eq!(
            links.resolve(&Target::Anchor("ch01".into())),
            Resolved::Anchor("ch01".into())
        );
        assert_eq!(
            links.resolve(&Target::Anchor("nowhere".into())),
            Resolved::None
        );
        assert_eq!(
            links.resolve(&site("report.html", Some("part-performance"))),
            Resolved::Anchor("part-performance".into())
        );
    }

    #[test]
    fn other_pages_get_the_sites_address_when_it_is_known() {
        let links = Links::new(
            &doc(),
            "report.html",
            Some("https://example.org/complaints/"),
        );
        assert_eq!(
            links.resolve(&site("performance.html", Some("ch02"))),
            Resolved::Url("https://example.org/complaints/performance.html#ch02".into())
        );
        assert_eq!(
            links.resolve(&site("index.html", None)),
            Resolved::Url("https://example.org/complaints/".into())
        );
        let offline = Links::new(&doc(), "report.html", None);
        assert_eq!(
            offline.resolve(&site("data/ch01.csv", None)),
            Resolved::Named("data/ch01.csv".into())
        );
    }

    #[test]
    fn external_links_stay_as_they_are() {
        let links = Links::new(&doc(), "report.html", None);
        let url = "https://www.housing-ombudsman.org.uk/";
        assert_eq!(
            links.resolve(&Target::External(url.into())),
            Resolved::Url(url.into())
        );
    }
}
