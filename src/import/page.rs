//! Reads a saved web page (.html, .htm) from its structure: each table row becomes a row of cells, and each
//! block of text outside tables (a heading, a paragraph, a list item, a term or definition) a row of its own, so
//! that the same middle of the importer reads a page as it reads a Word document.
//!
//! Many landlords publish their self-assessment as web pages, often one per section of the Code, as a table or
//! as a run of labelled blocks ("Code provision 1.2", "Comply", "Yes.", "Evidence", ...); the labelled blocks
//! are read by [`super::labelled`]. What a page wraps around its content is not the form: when the page marks
//! its main content (`<main>`, `role="main"`) only that is read, and navigation, banners, footers, asides,
//! breadcrumbs, cookie notices, skip links and share buttons are recognised by their elements and roles and
//! reported as page chrome, never read as answers. Hidden elements, scripts, styles and form controls are not
//! text a reader sees, and are left out the same way.
//!
//! Inside a cell or block, `<br>` is a line break, list items become `- ` lines (`1. ` in a numbered list) and
//! paragraphs are kept apart; a link to another site becomes a markdown link so its address is not lost; an
//! image's alternative text (a tick drawn as a picture, `alt="Yes"`) is read as its text. Every row carries the
//! source line it starts on.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

use super::dom::{parse, Dom};
use super::{Loc, Row};
use elements::{find, has_text, hidden, is_chrome, is_main, UNSEEN};
use links::{absolute, base_url};

mod elements;
mod links;

/// What a page holds: its rows, and the page chrome left out, with where each piece was.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) rows: Vec<Row>,
    pub(crate) chrome: Vec<Loc>,
}

/// Reads a page's text.
pub(crate) fn read(text: &str) -> Page {
    let dom = parse(text);
    let root = dom.html.tree.root();
    let base = base_url(root);
    let main = find(root, &|e: &Element| {
        e.name() == "main"
            || e.attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"))
    });
    let mut w = Walker {
        dom: &dom,
        base,
        page: Page::default(),
        block: Block::default(),
        tables: 0,
        // With a marked main content, everything outside it is the site's, not the form's.
        chrome_mode: main.is_some_and(|m| has_text(m)),
        list: Vec::new(),
    };
    w.walk(root);
    w.flush();
    w.page
}

/// The text being gathered for the current block.
#[derive(Debug, Default)]
struct Block {
    text: String,
    line: Option<usize>,
    heading: bool,
}

struct Walker<'a> {
    dom: &'a Dom,
    base: Option<String>,
    page: Page,
    block: Block,
    tables: usize,
    /// Outside the page's main content: text read here is page chrome.
    chrome_mode: bool,
    /// The lists open around the current node: `None` for a bulleted list, the count so far for a numbered one.
    list: Vec<Option<usize>>,
}

/// Elements that start a block of their own.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "address",
    "figcaption",
    "caption",
    "section",
    "article",
    "main",
    "body",
    "ul",
    "ol",
    "dl",
    "details",
    "summary",
    "fieldset",
    "legend",
    "figure",
    "hr",
    "center",
];

impl Walker<'_> {
    fn walk(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(t) => {
                if self.block.line.is_none() && !t.trim().is_empty() {
                    self.block.line = Some(self.dom.line(node));
                }
                push_collapsed(&mut self.block.text, t);
            }
            Node::Element(e) => self.element(node, e),
            Node::Document | Node::Fragment => self.children(node),
            _ => {}
        }
    }

    fn children(&mut self, node: NodeRef<'_, Node>) {
        for child in node.children() {
            self.walk(child);
        }
    }

    fn element(&mut self, node: NodeRef<'_, Node>, e: &Element) {
        let name = e.name();
        if UNSEEN.contains(&name) || hidden(e) {
            return;
        }
        if self.chrome_mode && is_main(e) {
            self.flush();
            self.chrome_mode = false;
            self.children(node);
            self.flush();
            self.chrome_mode = true;
            return;
        }
        if is_chrome(node, e) {
            self.flush();
            if has_text(node) {
                self.page.chrome.push(Loc::Line(self.dom.line(node)));
            }
            return;
        }
        match name {
            "br" => self.block.text.push('\n'),
            "img" => {
                if let Some(alt) = e.attr("alt").map(str::trim).filter(|a| !a.is_empty()) {
                    if self.block.line.is_none() {
                        self.block.line = Some(self.dom.line(node));
                    }
                    self.block.text.push(' ');
                    self.block.text.push_str(alt);
                    self.block.text.push(' ');
                }
            }
            "table" if !self.chrome_mode && !layout_table(node) => {
                self.flush();
                self.table(node);
            }
            "a" => self.link(node, e),
            "ul" | "ol" => {
                self.flush();
                self.list.push((name == "ol").then_some(0));
                self.children(node);
                self.flush();
                self.list.pop();
            }
            "li" => {
                self.flush();
                let marker = match self.list.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".to_string(),
                };
                self.block.text.push_str(&marker);
                self.children(node);
                self.flush();
            }
            _ if BLOCKS.contains(&name)
                || name == "table"
                || name == "tr"
                || name == "td"
                || name == "th" =>
            {
                self.flush();
                self.block.heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    /// A link: its text, and its address when it leads off the page (`[Complaints Policy](https://...)`).
    fn link(&mut self, node: NodeRef<'_, Node>, e: &Element) {
        let start = self.block.text.len();
        self.children(node);
        let href = e
            .attr("href")
            .and_then(|h| absolute(h.trim(), self.base.as_deref()));
        let (Some(href), true) = (href, self.block.text.len() >= start) else {
            return;
        };
        let text = self.block.text[start..].trim().to_string();
        if text.is_empty() || text.contains('\n') || text == href || href.ends_with(&text) {
            return;
        }
        self.block.text.truncate(start);
        if !self.block.text.is_empty() && !self.block.text.ends_with([' ', '\n']) {
            self.block.text.push(' ');
        }
        self.block.text.push_str(&format!("[{text}]({href})"));
    }

    /// Ends the current block: a row of one cell (or page chrome, outside the main content).
    fn flush(&mut self) {
        let block = std::mem::take(&mut self.block);
        let text = tidy(&block.text);
        if text.is_empty() {
            return;
        }
        let loc = Loc::Line(block.line.unwrap_or(1));
        if self.chrome_mode {
            self.page.chrome.push(loc);
        } else {
            self.page.rows.push(Row {
                loc,
                cells: vec![text],
                table: None,
                heading: block.heading,
                given: None,
            });
        }
    }

    /// A data table: one row per `<tr>`, cells in order, a cell spanning columns followed by empty cells and a
    /// cell spanning rows leaving an empty cell in the rows below, so later cells stay under their headings.
    fn table(&mut self, node: NodeRef<'_, Node>) {
        self.tables += 1;
        let table = self.tables;
        let mut spans: Vec<usize> = Vec::new();
        for child in node.children() {
            let Some(e) = child.value().as_element() else {
                continue;
            };
            if e.name() == "caption" {
                self.children(child);
                self.block.heading = true;
                self.flush();
            }
        }
        for tr in rows_of(node) {
            let mut cells: Vec<String> = Vec::new();
            let mut column = 0;
            let take_spans =
                |cells: &mut Vec<String>, column: &mut usize, spans: &mut Vec<usize>| {
                    while spans.get(*column).is_some_and(|s| *s > 0) {
                        spans[*column] -= 1;
                        cells.push(String::new());
                        *column += 1;
                    }
                };
            for td in tr.children() {
                let Some(e) = td.value().as_element() else {
                    continue;
                };
                if !matches!(e.name(), "td" | "th") || hidden(e) {
                    continue;
                }
                take_spans(&mut cells, &mut column, &mut spans);
                cells.push(self.cell_text(td));
                let colspan = span(e, "colspan").min(50);
                let rowspan = span(e, "rowspan").min(500);
                for c in column..column + colspan {
                    if spans.len() <= c {
                        spans.resize(c + 1, 0);
                    }
                    spans[c] = rowspan - 1;
                }
                cells.extend(std::iter::repeat_n(String::new(), colspan - 1));
                column += colspan;
            }
            take_spans(&mut cells, &mut column, &mut spans);
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            self.page.rows.push(Row {
                loc: Loc::Line(self.dom.line(tr)),
                cells,
                table: Some(table),
                heading: false,
                given: None,
            });
        }
    }

    /// The text of a cell: its blocks kept apart by blank lines, list items by line breaks.
    fn cell_text(&mut self, td: NodeRef<'_, Node>) -> String {
        let mut inner = Walker {
            dom: self.dom,
            base: self.base.clone(),
            page: Page::default(),
            block: Block::default(),
            tables: 0,
            chrome_mode: false,
            list: Vec::new(),
        };
        inner.children(td);
        inner.flush();
        self.page.chrome.extend(inner.page.chrome);
        let mut out = String::new();
        let mut last_item = false;
        for row in inner.page.rows {
            let text = row.cells.join(" ");
            let item = text.starts_with("- ")
                || text
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
            if !out.is_empty() {
                out.push_str(if item && last_item { "\n" } else { "\n\n" });
            }
            out.push_str(&text);
            last_item = item;
        }
        out
    }
}

/// The `<tr>`s of a table, in order, including those in `<thead>`, `<tbody>` and `<tfoot>`, but not those of a
/// table nested in a cell.
fn rows_of<'a>(table: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    let mut out = Vec::new();
    for child in table.children() {
        match child.value().as_element().map(Element::name) {
            Some("tr") => out.push(child),
            Some("thead" | "tbody" | "tfoot") => out.extend(
                child
                    .children()
                    .filter(|c| c.value().as_element().is_some_and(|e| e.name() == "tr")),
            ),
            _ => {}
        }
    }
    out
}

/// A table used to lay out a page rather than to hold data: no row has two cells with text, or a cell holds
/// another table. Its cells are read as blocks of the page.
fn layout_table(table: NodeRef<'_, Node>) -> bool {
    let rows = rows_of(table);
    let nested = rows.iter().any(|tr| {
        tr.descendants()
            .skip(1)
            .any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
    });
    let two_cells = rows.iter().any(|tr| {
        tr.children()
            .filter(|td| {
                td.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "td" | "th"))
                    && has_text(*td)
            })
            .count()
            >= 2
    });
    nested || !two_cells
}

fn span(e: &Element, name: &str) -> usize {
    e.attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}

/// Appends a text node's text with runs of HTML white space collapsed to one space, as a browser shows it.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Trims each line of a block and drops empty ones at either end.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &Page) -> Vec<String> {
        page.rows.iter().map(|r| r.cells.join(" | ")).collect()
    }

    #[test]
    fn reads_the_main_content_and_reports_the_chrome() {
        let page = read(
            "<!doctype html><html><head><title>Self-assessment</title><script>var x = 1;</script></head>\n\
             <body><a class=\"govuk-skip-link\" href=\"#main\">Skip to main content</a>\n\
             <header><nav><ul><li>Home</li><li>About us</li></ul></nav></header>\n\
             <main id=\"main\"><h1>Section 1</h1><p>Code provision 1.2</p>\n\
             <p><strong>Comply:</strong> Yes.</p><div class=\"share\">Share this page</div></main>\n\
             <footer>Last modified on 3 March 2025</footer></body></html>",
        );
        assert_eq!(
            texts(&page),
            ["Section 1", "Code provision 1.2", "Comply: Yes."]
        );
        assert!(page.rows[0].heading && !page.rows[1].heading);
        assert_eq!(page.rows[2].loc, Loc::Line(5));
        // The skip link, the banner with its menu, the share buttons and the footer.
        assert_eq!(
            page.chrome,
            [Loc::Line(2), Loc::Line(3), Loc::Line(5), Loc::Line(6)]
        );
    }

    #[test]
    fn reads_tables_with_spans_lists_links_and_pictures() {
        let page = read(
            "<base href=\"https://example.org/complaints/self-assessment.html\">\
             <table><caption>Section 1</caption>\
             <tr><th>Code provision</th><th>Comply</th><th>Evidence</th></tr>\
             <tr><td rowspan=\"2\">1.2</td><td><img src=\"tick.png\" alt=\"Yes\"></td>\
             <td><p>Our <a href=\"/policy.pdf\">Complaints Policy</a>,</p><ul><li>section 2</li><li>section 3</li></ul></td></tr>\
             <tr><td colspan=\"2\">continued<br>here</td></tr></table>",
        );
        assert_eq!(page.rows[0].cells, ["Section 1"]);
        assert_eq!(page.rows[1].cells, ["Code provision", "Comply", "Evidence"]);
        assert_eq!(
            page.rows[2].cells,
            [
                "1.2",
                "Yes",
                "Our [Complaints Policy](https://example.org/policy.pdf),\n\n- section 2\n- section 3"
            ]
        );
        assert_eq!(page.rows[3].cells, ["", "continued\nhere", ""]);
        assert_eq!(page.rows[3].table, Some(1));
    }

    #[test]
    fn a_layout_table_is_read_as_blocks() {
        let page = read("<table><tr><td><p>Code provision 1.2</p><p>Comply</p></td></tr></table>");
        assert_eq!(texts(&page), ["Code provision 1.2", "Comply"]);
        assert!(page.rows.iter().all(|r| r.table.is_none()));
    }

    #[test]
    fn relative_links_need_a_base() {
        assert_eq!(
            absolute("policy.pdf", Some("https://a.org/x/y.html")).as_deref(),
            Some("https://a.org/x/policy.pdf")
        );
        assert_eq!(
            absolute("/p", Some("https://a.org")).as_deref(),
            Some("https://a.org/p")
        );
        assert_eq!(absolute("p", None), None);
        assert_eq!(absolute("#top", Some("https://a.org")), None);
        assert_eq!(
            absolute("mailto:a@b.org", None).as_deref(),
            Some("mailto:a@b.org")
        );
    }
}
