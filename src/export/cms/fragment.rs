//! A [`Document`] written out as a fragment of plain, semantic HTML for a CMS editor (see [`super`] for what is kept
//! and what is dropped, and why).
//!
//! Every id is prefixed with the page's name; a place a link can go to that is not an element of its own (the
//! id of a `<section>`, read as an anchor) lands on the block that follows it, and links to it follow. Headings
//! move to the level the CMS page needs.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::formats::document::{
    plain, Block, Cell, Document, Downloads, Figure, Heading, Inline, Link, List, Row, Scope,
    Table, Target, Term,
};

use super::charts::{Chart, Registry};
use super::{Charts, Options, Site, ID_PREFIX};

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
    w.blocks(&doc.blocks);
    Written {
        html: w.out,
        title: w.title.unwrap_or_else(|| name.to_string()),
        ids: w.found,
        unresolved: w.unresolved,
        charts: w.charts,
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

/// `text` with `&`, `<` and `>` escaped, for element content.
pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `text` escaped for a double-quoted attribute value.
pub(super) fn escape_attr(text: &str) -> String {
    escape(text).replace('"', "&quot;")
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

    /// Download links in a sentence ("Download this table as CSV or JSON."), each named by its file's kind. In a
    /// sentence they are inline targets, which WCAG 2.2 2.5.8 (Target Size) exempts; as a list of short links on a
    /// page with no stylesheet they would sit closer than 24 px.
    /// Other downloads (the report as a PDF and as text) keep their own words, each link in a paragraph of its
    /// own, for the same reason.
    fn downloads(&mut self, d: &Downloads) {
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
    fn link_table(&mut self, t: &Table, id: String) {
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

    /// Where a link goes from the CMS page: a full address or a place in this fragment; `None` when it can go
    /// nowhere (an anchor the page does not have, or a file of the site with no address, which is recorded).
    fn href(&mut self, target: &Target) -> Option<String> {
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
fn is_link_table(t: &Table) -> bool {
    !t.body.is_empty()
        && t.body.iter().all(|r| {
            let data: Vec<&Cell> = r.cells.iter().filter(|c| c.header.is_none()).collect();
            !data.is_empty() && data.iter().all(|c| lone_link(c).is_some())
        })
}

/// Text escaped, with a line-break opportunity (`<wbr>`) after each `/`, `.`, `@`, `_` and `-` of a word too long
/// to fit a phone's screen (an address, a Welsh place name), and after every 20 letters with none: with no
/// stylesheet to wrap it (the theme's `overflow-wrap`), it would push the page sideways (WCAG 2.2 1.4.10 Reflow).
/// `<wbr>` adds nothing to the text a screen reader reads or a reader copies.
pub(super) fn breakable(text: &str) -> String {
    const LONG: usize = 24;
    const RUN: usize = 20;
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().count() <= LONG {
            out.push_str(&escape(word));
            continue;
        }
        let mut run = 0;
        for c in word.chars() {
            out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
            run += 1;
            if matches!(c, '/' | '.' | '@' | '_' | '-') || run == RUN {
                out.push_str("<wbr>");
                run = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::parse::parse_main;

    /// `main` (the inside of a page's `<main>`) written as the fragment of page `name`, with `site` and the pages'
    /// ids found as the export finds them (two passes).
    fn written(main: &str, name: &str, site: &Site, options: &Options) -> Written {
        let doc = parse_main(&format!("<main>{main}</main>"));
        let pages: BTreeSet<String> = ["index", "performance"].map(String::from).into();
        let path = format!("{name}.html");
        let mut ids = HashMap::new();
        for _pass in 0..2 {
            let addresses = Addresses {
                site,
                pages: &pages,
                ids: &ids,
            };
            let w = write(
                &doc,
                name,
                &path,
                &addresses,
                options,
                &mut Registry::default(),
            );
            if ids.contains_key(name) {
                return w;
            }
            ids.insert(name.to_string(), w.ids);
        }
        unreachable!("the second pass returns")
    }

    fn site() -> Site {
        Site {
            title: "Report".into(),
            language: "en-GB".into(),
            base_url: Some("https://example.org/report".into()),
            pages: [(
                "performance".to_string(),
                "https://council.example/perf".to_string(),
            )]
            .into(),
            media: None,
        }
    }

    #[test]
    fn a_sections_id_lands_on_its_first_block_and_links_follow_it() {
        let main = r##"<p><a href="#ch01">CH01</a></p><h2>CH01</h2><section id="ch01"><p>Figures</p></section>"##;
        let w = written(main, "index", &site(), &Options::default());
        assert!(
            w.html
                .contains(r##"<a href="#redress-index-ch01">CH01</a>"##),
            "{}",
            w.html
        );
        assert!(
            w.html.contains(r#"<p id="redress-index-ch01">Figures</p>"#),
            "{}",
            w.html
        );
    }

    #[test]
    fn links_to_pages_use_their_cms_address_or_the_sites() {
        let main = r#"<p><a href="performance.html">Performance</a> <a href="learning.html#x">Learning</a> <a href="data/ch01.csv">CSV</a></p>"#;
        let w = written(main, "index", &site(), &Options::default());
        assert!(
            w.html
                .contains(r#"<a href="https://council.example/perf">Performance</a>"#),
            "{}",
            w.html
        );
        assert!(w
            .html
            .contains(r#"<a href="https://example.org/report/learning.html#x">Learning</a>"#));
        assert!(w
            .html
            .contains(r#"<a href="https://example.org/report/data/ch01.csv">CSV</a>"#));
        let offline = Site {
            base_url: None,
            ..site()
        };
        let w = written(main, "index", &offline, &Options::default());
        assert!(w.html.contains("Learning CSV</p>"), "{}", w.html);
        assert_eq!(
            w.unresolved.into_iter().collect::<Vec<_>>(),
            ["data/ch01.csv", "learning.html"]
        );
    }

    #[test]
    fn headings_move_to_the_level_asked_for() {
        let main = "<h1 id=\"top\">Title</h1><h2>Part</h2><h3>Detail</h3>";
        let level = |n| {
            let options = Options {
                heading_level: n,
                ..Options::default()
            };
            written(main, "index", &site(), &options).html
        };
        assert_eq!(
            level(1),
            "<h1 id=\"redress-index-top\">Title</h1>\n<h2>Part</h2>\n<h3>Detail</h3>\n"
        );
        assert_eq!(
            level(2),
            "<h2 id=\"redress-index-top\">Part</h2>\n<h3>Detail</h3>\n"
        );
        assert_eq!(
            level(3),
            "<h3 id=\"redress-index-top\">Part</h3>\n<h4>Detail</h4>\n"
        );
        assert_eq!(
            level(6),
            "<h6 id=\"redress-index-top\">Part</h6>\n<h6>Detail</h6>\n"
        );
    }

    #[test]
    fn long_words_may_break_after_punctuation_and_short_ones_are_left_alone() {
        assert_eq!(breakable("a <b> & c"), "a &lt;b&gt; &amp; c");
        assert_eq!(
            breakable("see https://www.example.org/complaints"),
            "see https:/<wbr>/<wbr>www.<wbr>example.<wbr>org/<wbr>complaints"
        );
        assert_eq!(
            breakable("Llanfairpwllgwyngyllgogerychwyrndrobwll"),
            "Llanfairpwllgwyngyll<wbr>gogerychwyrndrobwll"
        );
    }
}
