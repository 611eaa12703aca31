//! From a rendered page to a [`Document`]: the one place that reads the site's HTML back.
//!
//! The page is parsed with html5ever (through `scraper`), the HTML5 parsing algorithm browsers use, so whatever a
//! theme or a site's template override writes is read the way a reader's browser reads it. Only `<main>` is walked:
//! the header, navigation and footer repeat on every page and are not the report. What the walk relies on is
//! semantic HTML (headings, lists, tables with `<th>` and `scope`, `<svg role="img">` with `<title>` and `<desc>`);
//! the default theme's class names are used only where they add something HTML cannot say (the chart's visible
//! title and subtitle, the wide drawing of a chart, a list of cards, a block of download links). Anything it does
//! not know is walked through, so no text is ever dropped, except what the page hides from sighted readers
//! (`hidden`, `aria-hidden`, visually hidden words inside a link) or that only serves the page's own navigation
//! (the "Back to contents" links).

use scraper::{ElementRef, Html, Node, Selector};

use super::inline::{collapse, inline_element, inlines, is_inline, links_in, normalise};

use super::document::{
    Block, Cell, Document, Downloads, Figure, Heading, Inline, List, Row, Scope, Table, Term,
};

/// The content of the page's `<main>` (the whole `<body>` when it has none).
pub(crate) fn parse_main(html: &str) -> Document {
    let page = Html::parse_document(html);
    let root = select_first(&page, "main")
        .or_else(|| select_first(&page, "body"))
        .unwrap_or_else(|| page.root_element());
    let mut walk = Walk::default();
    walk.children(root);
    Document {
        blocks: walk.finish(),
    }
}

fn select_first<'a>(page: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    // The selectors are literals; a failure to parse one would be a bug caught by every test.
    let selector = Selector::parse(selector).ok()?;
    page.select(&selector).next()
}

/// Blocks being collected, with the inline content not yet closed into a paragraph.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    inline: Vec<Inline>,
}

impl Walk {
    fn finish(mut self) -> Vec<Block> {
        self.flush();
        merge_figures(self.blocks)
    }

    fn flush(&mut self) {
        let content = normalise(std::mem::take(&mut self.inline));
        if !content.is_empty() {
            self.blocks.push(Block::Paragraph(content));
        }
    }

    fn push(&mut self, block: Block) {
        self.flush();
        self.blocks.push(block);
    }

    fn children(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.inline.push(Inline::Text(t.to_string())),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef<'_>) {
        if hidden(el) || has_class(el, "rd-back-link") || has_class(el, "rd-formats") {
            return;
        }
        let name = el.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                let content = inlines(el);
                self.push(Block::Heading(Heading {
                    level,
                    id: el.value().id().map(str::to_string),
                    content,
                }));
            }
            "p" => {
                self.flush();
                self.inline = inlines(el);
                self.flush();
            }
            "ul" | "ol" if has_class(el, "rd-downloads") => {
                let label = el.value().attr("aria-label").unwrap_or("Download");
                let links = links_in(el);
                if !links.is_empty() {
                    self.push(Block::Downloads(Downloads {
                        label: label.trim().to_string(),
                        links,
                    }));
                }
            }
            "ul" | "ol" | "menu" => {
                let items: Vec<Vec<Block>> = child_elements(el, &["li"]).map(blocks).collect();
                let cards = has_class(el, "rd-cards")
                    || (!items.is_empty()
                        && items
                            .iter()
                            .all(|i| matches!(i.first(), Some(Block::Heading(_)))));
                self.push(Block::List(List {
                    ordered: name == "ol",
                    cards,
                    items,
                }));
            }
            "dl" => self.push(Block::Terms(terms(el))),
            "table" => self.push(Block::Table(table(el))),
            "blockquote" => self.push(Block::Quote(blocks(el))),
            "aside" => self.push(Block::Notice(blocks(el))),
            "div" if has_class(el, "rd-inset") || has_class(el, "rd-notice") => {
                self.anchor(el);
                self.push(Block::Notice(blocks(el)));
            }
            "div" if has_class(el, "rd-chart") => {
                if let Some(figure) = chart(el) {
                    self.push(Block::Figure(figure));
                } else {
                    self.children(el);
                }
            }
            "svg" => {
                if let Some(figure) = lone_svg(el) {
                    self.push(Block::Figure(figure));
                }
            }
            "br" => self.inline.push(Inline::LineBreak),
            "img" => {
                if let Some(alt) = el.value().attr("alt").filter(|a| !a.trim().is_empty()) {
                    self.inline.push(Inline::Text(alt.to_string()));
                }
            }
            "script" | "style" | "template" | "noscript" | "input" | "button" | "select"
            | "textarea" => {}
            _ if is_inline(name) => inline_element(el, &mut self.inline),
            _ => {
                // A container: section, div, nav, figure, article... Its id still names a place to link to.
                self.flush();
                self.anchor(el);
                self.children(el);
                self.flush();
            }
        }
    }

    /// A container's id becomes an anchor where its content starts.
    fn anchor(&mut self, el: ElementRef<'_>) {
        if let Some(id) = el.value().id() {
            self.push(Block::Anchor(id.to_string()));
        }
    }
}

/// Hidden from every reader: not rendered, or hidden from assistive technology as decoration.
pub(super) fn hidden(el: ElementRef<'_>) -> bool {
    let v = el.value();
    v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true")
}

pub(super) fn has_class(el: ElementRef<'_>, class: &str) -> bool {
    el.value().classes().any(|c| c == class)
}

fn child_elements<'a>(
    el: ElementRef<'a>,
    names: &'a [&'a str],
) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    el.children()
        .filter_map(ElementRef::wrap)
        .filter(move |c| names.contains(&c.value().name()))
}

/// The blocks inside an element (a list item, a cell).
fn blocks(el: ElementRef<'_>) -> Vec<Block> {
    let mut walk = Walk::default();
    walk.children(el);
    walk.finish()
}

fn terms(el: ElementRef<'_>) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    // `<dt>`/`<dd>` pairs, directly or inside a `<div>` per pair as the HTML standard allows.
    let mut items: Vec<ElementRef<'_>> = Vec::new();
    for child in el.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "div" => items.extend(child_elements(child, &["dt", "dd"])),
            "dt" | "dd" => items.push(child),
            _ => {}
        }
    }
    for item in items {
        if item.value().name() == "dt" {
            out.push(Term {
                term: inlines(item),
                description: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.description.extend(blocks(item));
        } else {
            out.push(Term {
                term: Vec::new(),
                description: blocks(item),
            });
        }
    }
    out
}

fn table(el: ElementRef<'_>) -> Table {
    let mut t = Table {
        id: el.value().id().map(str::to_string),
        caption: Vec::new(),
        head: Vec::new(),
        body: Vec::new(),
    };
    for child in el.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "caption" => t.caption = inlines(child),
            "thead" => t
                .head
                .extend(child_elements(child, &["tr"]).map(|r| row(r, true))),
            "tbody" | "tfoot" => t
                .body
                .extend(child_elements(child, &["tr"]).map(|r| row(r, false))),
            "tr" => t.body.push(row(child, false)),
            _ => {}
        }
    }
    t
}

fn row(el: ElementRef<'_>, in_head: bool) -> Row {
    let cells = child_elements(el, &["th", "td"])
        .enumerate()
        .map(|(i, c)| cell(c, in_head, i == 0))
        .collect();
    Row {
        id: el.value().id().map(str::to_string),
        cells,
    }
}

fn cell(el: ElementRef<'_>, in_head: bool, first: bool) -> Cell {
    let v = el.value();
    let header = (v.name() == "th").then(|| match v.attr("scope") {
        Some("col" | "colgroup") => Scope::Column,
        Some("row" | "rowgroup") => Scope::Row,
        // HTML's own rule for a header cell without a scope: in the head it labels its column; in the body, the
        // first cell labels its row.
        _ if in_head => Scope::Column,
        _ if first => Scope::Row,
        _ => Scope::Column,
    });
    let span = |name: &str| {
        v.attr(name)
            .and_then(|s| s.trim().parse::<u16>().ok())
            .unwrap_or(1)
            .clamp(1, 1000)
    };
    let blocks = blocks(el);
    let text = el.text().collect::<String>();
    Cell {
        header,
        numeric: looks_numeric(&text),
        colspan: span("colspan"),
        rowspan: span("rowspan"),
        blocks,
    }
}

/// A figure, so that it is aligned on its digits: "1,187", "92.0%", "-3.1", "£48,250.00", "n/a".
pub(crate) fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    if t.eq_ignore_ascii_case("n/a") {
        return true;
    }
    let t = t.strip_prefix(['-', '+', '\u{2212}']).unwrap_or(t);
    let t = t.strip_prefix('£').unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t);
    !t.is_empty()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// A chart drawn by the default theme: its visible title and subtitle, and its widest drawing.
fn chart(el: ElementRef<'_>) -> Option<Figure> {
    let paragraph = |class: &str| {
        el.children()
            .filter_map(ElementRef::wrap)
            .find(|c| has_class(*c, class))
            .map(|c| crate::formats::document::plain(&inlines(c)))
    };
    let svgs: Vec<ElementRef<'_>> = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "svg")
        .collect();
    let svg = svgs
        .iter()
        .find(|s| s.value().classes().any(|c| c.ends_with("--wide")))
        .or(svgs.last())?;
    let mut figure = lone_svg(*svg)?;
    if let Some(title) = paragraph("rd-chart__title").filter(|t| !t.is_empty()) {
        figure.title = title;
    }
    figure.subtitle = paragraph("rd-chart__subtitle").filter(|t| !t.is_empty());
    Some(figure)
}

/// An SVG image with a text alternative; a drawing without one is decoration and left out.
fn lone_svg(svg: ElementRef<'_>) -> Option<Figure> {
    let child_text = |name: &str| {
        svg.children()
            .filter_map(ElementRef::wrap)
            .find(|c| c.value().name() == name)
            .map(|c| collapse(&c.text().collect::<String>()))
            .filter(|t| !t.is_empty())
    };
    let aria_label = svg.value().attr("aria-label").map(collapse);
    let title = child_text("title").or(aria_label)?;
    let alt = match child_text("desc") {
        Some(desc) => format!("{}{} {desc}", title, sentence_end(&title)),
        None => title.clone(),
    };
    // In HTML an inline SVG needs no namespace declarations; as a file of its own it does.
    let mut text = svg.html();
    if !text.contains("xmlns=") {
        text = text.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    if text.contains("xlink:") && !text.contains("xmlns:xlink=") {
        text = text.replacen(
            "<svg",
            "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
            1,
        );
    }
    Some(Figure {
        id: None,
        title,
        subtitle: None,
        alt,
        svg: text,
        table: None,
    })
}

/// The full stop a sentence needs before another follows, unless it already ends in one.
fn sentence_end(s: &str) -> &'static str {
    if s.ends_with(['.', '!', '?', ':']) {
        ""
    } else {
        "."
    }
}

/// Each chart is followed by the table of its figures; the pair becomes one [`Figure`]. A chart drawn twice (for
/// narrow and wide screens) outside the default theme's markup is kept once.
fn merge_figures(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let Some(Block::Figure(f)) = out.last_mut() {
            match block {
                Block::Table(t) if f.table.is_none() => {
                    f.table = Some(t);
                    continue;
                }
                Block::Figure(ref g) if g.alt == f.alt && f.table.is_none() => {
                    f.svg.clone_from(&g.svg);
                    continue;
                }
                _ => {}
            }
        }
        // An anchor just before a chart names the chart.
        if let Block::Figure(mut f) = block {
            if let Some(Block::Anchor(id)) = out.last() {
                f.id = Some(id.clone());
                out.pop();
            }
            out.push(Block::Figure(f));
            continue;
        }
        out.push(block);
    }
    out
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
