//! A [`Document`] written out as a fragment of plain, semantic HTML for a CMS editor (see [`super`] for what is kept
//! and what is dropped, and why).
//!
//! Every id is prefixed with the page's name; a place a link can go to that is not an element of its own (the
//! id of a `<section>`, read as an anchor) lands on the block that follows it, and links to it follow. Headings
//! move to the level the CMS page needs.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::formats::document::{
    plain, Block, Document, Figure, Heading, Inline, List, Row, Scope, Table, Term,
};

use super::charts::{Chart, Registry};
use super::html::{breakable, escape, escape_attr};

mod links;
use super::{Charts, Options, Site, ID_PREFIX};
use links::is_link_table;

/// Where links can go: what the writer needs to know about the rest of the export.
pub(super) struct Addresses<'a> {
    /// The export's settings.
    pub(super) site: &'a Site,
    /// The names of the site's pages.
    pub(super) pages: &'a BTreeSet<String>,
    /// For each page already written, its ids: the id in the page → the id in the fragment.
    pub(super) ids: &'a HashMap<String, HashMap<String, String>>,
}

/// A page written as a fragment.
pub(super) struct Written {
    /// The fragment.
    pub(super) html: String,
    /// The page's title: its `<h1>`.
    pub(super) title: String,
    /// The page's ids, each with the id it has in the fragment.
    pub(super) ids: HashMap<String, String>,
    /// The targets of links that could not be made full addresses.
    pub(super) unresolved: BTreeSet<String>,
    /// The charts the fragment shows.
    pub(super) charts: Vec<Chart>,
}

/// Writes `doc`, the page `name` at `path`, as a fragment.
pub(super) fn write(
    doc: &Document,
    name: &str,
    path: &str,
    addresses: &Addresses<'_>,
    options: &Options,
    registry: &mut Registry,
) -> Written {
    let mut w = Writer {
        out: String::new(),
        name,
        path,
        addresses,
        options,
        registry,
        pending: Vec::new(),
        ids: addresses.ids.get(name).cloned().unwrap_or_default(),
        found: HashMap::new(),
        title: None,
        unresolved: BTreeSet::new(),
        charts: Vec::new(),
    };
    w.blocks(without_caption(&doc.blocks, options));
    Written {
        html: w.out,
        title: w.title.unwrap_or_else(|| name.to_string()),
        ids: w.found,
        unresolved: w.unresolved,
        charts: w.charts,
    }
}

/// `blocks` without the page heading's caption (the paragraph just before the `<h1>`, "2025-26") when the `<h1>`
/// is left out for the CMS page's own title: alone at the top of a fragment it would read as a stray line. With a
/// first heading level of 1 the title stays, and so does its caption.
fn without_caption<'b>(blocks: &'b [Block], options: &Options) -> &'b [Block] {
    match blocks {
        [Block::Paragraph(_), Block::Heading(h), ..]
            if h.level == 1 && options.heading_level > 1 =>
        {
            &blocks[1..]
        }
        _ => blocks,
    }
}

struct Writer<'a> {
    out: String,
    name: &'a str,
    path: &'a str,
    addresses: &'a Addresses<'a>,
    options: &'a Options,
    registry: &'a mut Registry,
    /// Anchors waiting for the next block to carry them.
    pending: Vec<String>,
    /// This page's ids as pass one found them (empty in pass one).
    ids: HashMap<String, String>,
    /// This page's ids as this pass finds them.
    found: HashMap<String, String>,
    title: Option<String>,
    unresolved: BTreeSet<String>,
    charts: Vec<Chart>,
}

impl Writer<'_> {
    /// The ` id="…"` of a block whose own id is `own`, carrying any anchors that wait for it.
    fn id_attr(&mut self, own: Option<&str>) -> String {
        let pending = std::mem::take(&mut self.pending);
        let Some(first) = own.map(str::to_string).or_else(|| pending.first().cloned()) else {
            return String::new();
        };
        let id = format!("{ID_PREFIX}{}-{first}", self.name);
        for original in std::iter::once(&first).chain(&pending) {
            self.found.insert(original.clone(), id.clone());
        }
        format!(" id=\"{}\"", escape_attr(&id))
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Anchor(id) => self.pending.push(id.clone()),
            Block::Heading(h) => self.heading(h),
            Block::Paragraph(content) => {
                let id = self.id_attr(None);
                let _ = write!(self.out, "<p{id}>");
                self.inlines(content);
                self.out.push_str("</p>\n");
            }
            Block::List(l) => self.list(l),
            Block::Terms(terms) => self.terms(terms),
            Block::Table(t) => self.table(t, None),
            Block::Figure(f) => self.figure(f),
            Block::Notice(b) => {
                let id = self.id_attr(None);
                let _ = writeln!(self.out, "<div{id}>");
                self.blocks(b);
                self.out.push_str("</div>\n");
            }
            Block::Quote(b) => {
                let id = self.id_attr(None);
                let _ = writeln!(self.out, "<blockquote{id}>");
                self.blocks(b);
                self.out.push_str("</blockquote>\n");
            }
            Block::Downloads(d) => self.downloads(d),
        }
    }

    /// A heading at the level the CMS page needs. With a first level of 2 or more, the page's own title (its
    /// `<h1>`) is left out, for the CMS page's title to stand in its place; its id goes to the next block.
    fn heading(&mut self, h: &Heading) {
        let first = self.options.heading_level.clamp(1, 6);
        if h.level == 1 && self.title.is_none() {
            self.title = Some(plain(&h.content));
            if first > 1 {
                self.pending.extend(h.id.clone());
                return;
            }
        }
        let level = if first == 1 {
            h.level
        } else {
            (h.level.max(2) + first - 2).min(6)
        };
        let id = self.id_attr(h.id.as_deref());
        let _ = write!(self.out, "<h{level}{id}>");
        self.inlines(&h.content);
        let _ = writeln!(self.out, "</h{level}>");
    }

    fn list(&mut self, l: &List) {
        let tag = if l.ordered { "ol" } else { "ul" };
        let id = self.id_attr(None);
        let _ = writeln!(self.out, "<{tag}{id}>");
        // A list of lone links (a contents list) gives each link a paragraph of its own: with no stylesheet,
        // links on consecutive lines are 17 px high and 18 px apart, below WCAG 2.2 2.5.8's 24 px; a paragraph's
        // margins set them apart.
        let links_only = l.items.iter().all(|i| match i.as_slice() {
            [Block::Paragraph(content)] => matches!(content.as_slice(), [Inline::Link(_)]),
            _ => false,
        });
        for item in &l.items {
            self.out.push_str("<li>");
            if links_only {
                self.out.push('\n');
                self.blocks(item);
            } else {
                self.flow(item);
            }
            self.out.push_str("</li>\n");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    /// Blocks inside a list item or a cell: a lone paragraph is written as its text.
    fn flow(&mut self, blocks: &[Block]) {
        match blocks {
            [Block::Paragraph(content)] => self.inlines(content),
            _ => {
                self.out.push('\n');
                self.blocks(blocks);
            }
        }
    }

    fn terms(&mut self, terms: &[Term]) {
        let id = self.id_attr(None);
        let _ = writeln!(self.out, "<dl{id}>");
        for t in terms {
            self.out.push_str("<dt>");
            self.inlines(&t.term);
            self.out.push_str("</dt>\n<dd>");
            self.flow(&t.description);
            self.out.push_str("</dd>\n");
        }
        self.out.push_str("</dl>\n");
    }

    /// A table with its caption and every header cell's scope (WCAG 2.2 1.3.1). `id` names a chart's table.
    fn table(&mut self, t: &Table, id: Option<&str>) {
        let id = self.id_attr(t.id.as_deref().or(id));
        if is_link_table(t) {
            self.link_table(t, id);
            return;
        }
        let _ = writeln!(self.out, "<table{id}>");
        if !t.caption.is_empty() {
            self.out.push_str("<caption>");
            self.inlines(&t.caption);
            self.out.push_str("</caption>\n");
        }
        if !t.head.is_empty() {
            self.out.push_str("<thead>\n");
            self.rows(&t.head);
            self.out.push_str("</thead>\n");
        }
        self.out.push_str("<tbody>\n");
        self.rows(&t.body);
        self.out.push_str("</tbody>\n</table>\n");
    }

    fn rows(&mut self, rows: &[Row]) {
        for r in rows {
            let id = self.id_attr(r.id.as_deref());
            let _ = write!(self.out, "<tr{id}>");
            for c in &r.cells {
                let (tag, scope) = match c.header {
                    Some(Scope::Column) => ("th", " scope=\"col\""),
                    Some(Scope::Row) => ("th", " scope=\"row\""),
                    None => ("td", ""),
                };
                let _ = write!(self.out, "<{tag}{scope}");
                if c.colspan > 1 {
                    let _ = write!(self.out, " colspan=\"{}\"", c.colspan);
                }
                if c.rowspan > 1 {
                    let _ = write!(self.out, " rowspan=\"{}\"", c.rowspan);
                }
                self.out.push('>');
                self.flow(&c.blocks);
                let _ = write!(self.out, "</{tag}>");
            }
            self.out.push_str("</tr>\n");
        }
    }

    /// A chart: inline SVG with its title and description, or the image of it with its text alternative and a
    /// link to the table of its figures, which follows it. Its visible title and subtitle come first, in a
    /// paragraph. Not a `<figure>`: a browser indents one by 40 px on each side, which pushes the narrow drawing
    /// off a 320 px screen in a page with no stylesheet (WCAG 2.2 1.4.10).
    fn figure(&mut self, f: &Figure) {
        let chart = self.registry.add(self.name, self.charts.len(), f);
        let table_id = format!("{}-table", chart.name);
        let id = self.id_attr(f.id.as_deref());
        let _ = writeln!(self.out, "<div{id}>");
        let _ = write!(self.out, "<p><strong>{}</strong>", breakable(&f.title));
        if let Some(s) = &f.subtitle {
            let _ = write!(self.out, "<br>{}", breakable(s));
        }
        if self.options.charts == Charts::Image && f.table.is_some() {
            let target = format!("{ID_PREFIX}{}-{table_id}", self.name);
            let _ = write!(
                self.out,
                "<br><a href=\"#{}\">The figures in this chart, as a table</a>",
                escape_attr(&target)
            );
        }
        self.out.push_str("</p>\n");
        match self.options.charts {
            Charts::Svg => {
                self.out.push_str(&chart.svg);
                self.out.push('\n');
            }
            Charts::Image => {
                let media = self.addresses.site.media.as_deref().unwrap_or("");
                let _ = writeln!(
                    self.out,
                    "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
                    escape_attr(&format!("{media}/{}", chart.png)),
                    escape_attr(&f.alt),
                    chart.width,
                    chart.height
                );
            }
        }
        self.out.push_str("</div>\n");
        if let Some(t) = &f.table {
            self.table(t, Some(&table_id));
        }
        self.charts.push(chart);
    }

    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            self.inline(i);
        }
    }

    fn inline(&mut self, i: &Inline) {
        match i {
            Inline::Text(t) => self.out.push_str(&breakable(t)),
            Inline::Strong(c) => {
                self.out.push_str("<strong>");
                self.inlines(c);
                self.out.push_str("</strong>");
            }
            Inline::Emphasis(c) => {
                self.out.push_str("<em>");
                self.inlines(c);
                self.out.push_str("</em>");
            }
            Inline::Code(t) => {
                let _ = write!(self.out, "<code>{}</code>", escape(t));
            }
            Inline::LineBreak => self.out.push_str("<br>"),
            Inline::Link(l) => match self.href(&l.target) {
                Some(href) => {
                    let _ = write!(self.out, "<a href=\"{}\">", escape_attr(&href));
                    self.inlines(&l.content);
                    self.out.push_str("</a>");
                }
                None => self.inlines(&l.content),
            },
        }
    }
}

#[cfg(test)]
#[path = "fragment_tests.rs"]
mod tests;
