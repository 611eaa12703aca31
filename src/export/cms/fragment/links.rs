//! Links in a fragment: where each goes from a CMS page ([`Writer::href`]), and links written so that each is a
//! target a finger can hit on a page with no stylesheet (WCAG 2.2 2.5.8 Target Size): downloads in a sentence, a
//! table of lone links as a list of sentences.

use std::fmt::Write as _;

use crate::formats::document::{Block, Cell, Downloads, Inline, Link, Table, Target};

use super::super::html::escape;
use super::Writer;

impl Writer<'_> {
    /// Download links in a sentence ("Download this table as CSV or JSON."), each named by its file's kind. In a
    /// sentence they are inline targets, which WCAG 2.2 2.5.8 (Target Size) exempts; as a list of short links on a
    /// page with no stylesheet they would sit closer than 24 px.
    /// Other downloads (the report as a PDF and as text) keep their own words, each link in a paragraph of its
    /// own, for the same reason.
    pub(super) fn downloads(&mut self, d: &Downloads) {
        let id = self.id_attr(None);
        let data = d.links.iter().all(|l| match &l.target {
            Target::Site { path, .. } => path.ends_with(".csv") || path.ends_with(".json"),
            _ => false,
        });
        if data {
            let _ = write!(self.out, "<p{id}>{} as ", escape(&d.label));
            self.links_in_a_sentence(&d.links, true);
            self.out.push_str(".</p>\n");
            return;
        }
        let _ = writeln!(self.out, "<p{id}>{}:</p>\n<ul>", escape(&d.label));
        for l in &d.links {
            self.out.push_str("<li><p>");
            self.inline(&Inline::Link(l.clone()));
            self.out.push_str("</p></li>\n");
        }
        self.out.push_str("</ul>\n");
    }

    /// `links` joined as "A, B or C"; with `by_kind`, each named by its file's kind ("CSV") when it has one.
    fn links_in_a_sentence(&mut self, links: &[Link], by_kind: bool) {
        for (i, l) in links.iter().enumerate() {
            if i > 0 {
                self.out
                    .push_str(if i + 1 == links.len() { " or " } else { ", " });
            }
            let kind = match &l.target {
                Target::Site { path, .. } if by_kind => path
                    .rsplit_once('.')
                    .map(|(_, ext)| ext.to_ascii_uppercase())
                    .filter(|e| e != "HTML"),
                _ => None,
            };
            let link = match kind {
                Some(kind) => Link {
                    target: l.target.clone(),
                    content: vec![Inline::Text(kind)],
                },
                None => l.clone(),
            };
            self.inline(&Inline::Link(link));
        }
    }

    /// A table whose every body cell is a lone link (the data page's table of downloads), written as a list with
    /// each row's links in a sentence: in table cells, on a page with no stylesheet, the links would be 17 px high
    /// and 19 px apart, below WCAG 2.2 2.5.8's 24 px; in a sentence they are inline targets, which it exempts.
    pub(super) fn link_table(&mut self, t: &Table, id: String) {
        let _ = write!(self.out, "<p{id}>");
        self.inlines(&t.caption);
        self.out.push_str(":</p>\n<ul>\n");
        for r in &t.body {
            self.out.push_str("<li>");
            let mut links = Vec::new();
            for c in &r.cells {
                match (c.header, lone_link(c)) {
                    (None, Some(l)) => links.push(l.clone()),
                    _ => {
                        if let [Block::Paragraph(content)] = c.blocks.as_slice() {
                            self.inlines(content);
                            self.out.push_str(": ");
                        }
                    }
                }
            }
            self.links_in_a_sentence(&links, false);
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n");
    }

    /// Where a link goes from the CMS page: a full address or a place in this fragment; `None` when it can go
    /// nowhere (an anchor the page does not have, or a file of the site with no address, which is recorded).
    pub(super) fn href(&mut self, target: &Target) -> Option<String> {
        match target {
            Target::Anchor(id) => self.ids.get(id).map(|i| format!("#{i}")),
            Target::External(url) => Some(url.clone()),
            Target::Site { path, fragment } if path == self.path => fragment
                .as_ref()
                .and_then(|f| self.ids.get(f))
                .map(|i| format!("#{i}")),
            Target::Site { path, fragment } => {
                let site = self.addresses.site;
                let page = path
                    .strip_suffix(".html")
                    .filter(|n| self.addresses.pages.contains(*n));
                if let Some(url) = page.and_then(|p| site.pages.get(p)) {
                    // The page is in the CMS: its ids are the fragment's.
                    let fragment = fragment
                        .as_ref()
                        .and_then(|f| self.addresses.ids.get(page?)?.get(f))
                        .map_or_else(String::new, |i| format!("#{i}"));
                    return Some(format!("{url}{fragment}"));
                }
                match &site.base_url {
                    Some(base) => {
                        let file = if path == "index.html" { "" } else { path };
                        let fragment = fragment
                            .as_ref()
                            .map_or_else(String::new, |f| format!("#{f}"));
                        Some(format!("{base}/{file}{fragment}"))
                    }
                    None => {
                        self.unresolved.insert(path.clone());
                        None
                    }
                }
            }
        }
    }
}

/// The link a cell holds and nothing else.
fn lone_link(c: &Cell) -> Option<&Link> {
    match c.blocks.as_slice() {
        [Block::Paragraph(content)] => match content.as_slice() {
            [Inline::Link(l)] => Some(l),
            _ => None,
        },
        _ => None,
    }
}

/// A table whose body cells (other than its row headers) are all lone links.
pub(super) fn is_link_table(t: &Table) -> bool {
    !t.body.is_empty()
        && t.body.iter().all(|r| {
            let data: Vec<&Cell> = r.cells.iter().filter(|c| c.header.is_none()).collect();
            !data.is_empty() && data.iter().all(|c| lone_link(c).is_some())
        })
}
