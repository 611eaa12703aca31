//! `report.txt`: the whole report as plain text, for email, for a resident who asks for another format, and for
//! pasting into a letter.
//!
//! Lines are at most [`WIDTH`] characters (a word longer than that, such as an address, gets a line of its own):
//! 78 is the line length the email standard recommends (RFC 5322, 2.1.1), so a mail client sends the text as it
//! is, it fits an 80-column terminal, and tables can only be laid out in aligned columns against a known width.
//! Headings are underlined (`=` for the first level, `-` for the second) and set apart by blank lines; lists keep
//! their bullets or numbers; emphasis is left unmarked, since asterisks are read out by screen readers.
//!
//! A table is laid out in columns, figures right-aligned so their digits line up, when it fits the width (its
//! headings may wrap within their columns). One that does not, such as the self-assessment with the Code's words
//! and the evidence for each provision, is written as one record per row: the row's heading, then each column's
//! heading with that row's value. A chart is its title (which states the finding), then the table of its figures.
//! A link's address is written after its text (see [`super::links`] for what an address can be).

use super::document::{Block, Cell, Document, Figure, Inline, List, Row, Scope, Table};
use super::links::{named_suffix, Links, Resolved};

/// The longest line, in characters.
pub(crate) const WIDTH: usize = 78;

/// The gap between two columns of a table.
const GAP: &str = "  ";

/// Writes `doc` as plain text.
pub(crate) fn write(doc: &Document, links: &Links) -> String {
    let w = Writer { links };
    let mut out = w.blocks(&doc.blocks, WIDTH).join("\n");
    out.push('\n');
    out
}

struct Writer<'a> {
    links: &'a Links,
}

impl Writer<'_> {
    /// Blocks, one blank line between each two.
    fn blocks(&self, blocks: &[Block], width: usize) -> Vec<String> {
        let mut out = Vec::new();
        for b in blocks {
            let lines = self.block(b, width);
            if lines.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(String::new());
            }
            out.extend(lines);
        }
        out
    }

    fn block(&self, block: &Block, width: usize) -> Vec<String> {
        match block {
            Block::Anchor(_) => Vec::new(),
            Block::Heading(h) => {
                let mut lines = wrap(&self.inline(&h.content), width);
                let rule = match h.level {
                    1 => Some('='),
                    2 => Some('-'),
                    _ => None,
                };
                if let Some(c) = rule {
                    let len = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                    lines.push(c.to_string().repeat(len));
                }
                lines
            }
            Block::Paragraph(content) => wrap(&self.inline(content), width),
            Block::List(list) => self.list(list, width),
            Block::Terms(terms) => {
                let mut out = Vec::new();
                for t in terms {
                    if !out.is_empty() {
                        out.push(String::new());
                    }
                    out.extend(wrap(&self.inline(&t.term), width));
                    out.extend(indent(
                        self.blocks(&t.description, narrower(width, 4)),
                        "    ",
                    ));
                }
                out
            }
            Block::Table(t) => self.table(t, width),
            Block::Figure(f) => self.figure(f, width),
            Block::Notice(blocks) | Block::Quote(blocks) => {
                indent(self.blocks(blocks, narrower(width, 4)), "    ")
            }
            Block::Downloads(d) => {
                if !self.links.site_is_addressable() {
                    return Vec::new();
                }
                let items: Vec<String> = d.links.iter().map(|l| self.link(l)).collect();
                wrap(&format!("{}: {}", d.label, items.join(", ")), width)
            }
        }
    }

    fn list(&self, list: &List, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        // Items of more than one paragraph read better with space between them.
        let spaced = list.cards || list.items.iter().any(|i| i.len() > 1);
        for (n, item) in list.items.iter().enumerate() {
            let marker = if list.cards {
                String::new()
            } else if list.ordered {
                format!("{}. ", n + 1)
            } else {
                "- ".to_string()
            };
            let hang = marker.chars().count();
            let lines = self.blocks(item, narrower(width, hang));
            if lines.is_empty() {
                continue;
            }
            if spaced && !out.is_empty() {
                out.push(String::new());
            }
            for (i, line) in lines.into_iter().enumerate() {
                let prefix = if i == 0 {
                    marker.clone()
                } else {
                    " ".repeat(hang)
                };
                out.push(trim_end(format!("{prefix}{line}")));
            }
        }
        out
    }

    fn figure(&self, f: &Figure, width: usize) -> Vec<String> {
        let mut out = wrap(&format!("Chart: {}", f.title), width);
        if let Some(s) = &f.subtitle {
            out.extend(wrap(s, width));
        }
        match &f.table {
            Some(t) => {
                out.push(String::new());
                out.extend(self.table(t, width));
            }
            // Without a table, the chart's text alternative is where its figures are.
            None => {
                out.push(String::new());
                out.extend(wrap(&f.alt, width));
            }
        }
        out
    }

    /// Inline content as one string; line breaks stay as `\n`.
    fn inline(&self, content: &[Inline]) -> String {
        let mut out = String::new();
        for i in content {
            match i {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Strong(c) | Inline::Emphasis(c) => out.push_str(&self.inline(c)),
                Inline::Link(l) => out.push_str(&self.link(l)),
                Inline::LineBreak => out.push('\n'),
            }
        }
        out
    }

    fn link(&self, link: &super::document::Link) -> String {
        let text = self.inline(&link.content);
        match self.links.resolve(&link.target) {
            Resolved::Url(url) => {
                let shown = url
                    .strip_prefix("mailto:")
                    .or_else(|| url.strip_prefix("tel:"))
                    .unwrap_or(&url);
                if text.contains(shown) {
                    text
                } else if text.is_empty() {
                    shown.to_string()
                } else {
                    format!("{text} ({shown})")
                }
            }
            Resolved::Named(path) => match named_suffix(&link.content, &path) {
                Some(suffix) => format!("{text}{suffix}"),
                None => text,
            },
            Resolved::Anchor(_) | Resolved::None => text,
        }
    }

    fn table(&self, t: &Table, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        let caption = self.inline(&t.caption);
        if !caption.trim().is_empty() {
            out.extend(wrap(&format!("Table: {caption}"), width));
            out.push(String::new());
        }
        let columns = t.columns();
        if columns == 0 {
            return out;
        }
        let head: Vec<Vec<String>> = t.head.iter().map(|r| self.row(r, columns)).collect();
        let body: Vec<Vec<String>> = t.body.iter().map(|r| self.row(r, columns)).collect();
        let numeric = t.numeric_columns(columns);
        let body_width: Vec<usize> = (0..columns)
            .map(|c| body.iter().map(|r| chars(&r[c])).max().unwrap_or(0))
            .collect();
        let natural: Vec<usize> = (0..columns)
            .map(|c| {
                head.iter()
                    .map(|r| chars(&r[c]))
                    .max()
                    .unwrap_or(0)
                    .max(body_width[c])
            })
            .collect();
        let fits = |w: &[usize]| w.iter().sum::<usize>() + GAP.len() * (columns - 1) <= width;
        if fits(&natural) {
            out.extend(columns_layout(&head, &body, &natural, &numeric));
            return out;
        }
        // Let the headings wrap, each column at least as wide as its longest word.
        let narrow: Vec<usize> = (0..columns)
            .map(|c| {
                let word = head
                    .iter()
                    .flat_map(|r| r[c].split(' '))
                    .map(chars)
                    .max()
                    .unwrap_or(0);
                word.max(body_width[c])
            })
            .collect();
        if fits(&narrow) {
            out.extend(columns_layout(&head, &body, &narrow, &numeric));
            return out;
        }
        // One column of running text (a section's name) may wrap in the room the others leave, if that is enough
        // for a readable line.
        let widest = (0..columns)
            .filter(|c| !numeric[*c])
            .max_by_key(|c| narrow[*c]);
        if let Some(wide) = widest {
            let others: usize = (0..columns).filter(|c| *c != wide).map(|c| narrow[c]).sum();
            let room = width.saturating_sub(others + GAP.len() * (columns - 1));
            if room >= 30 {
                let mut widths = narrow.clone();
                widths[wide] = room.min(narrow[wide]);
                out.extend(columns_layout(&head, &body, &widths, &numeric));
                return out;
            }
        }
        out.extend(self.records(t, columns, width));
        out
    }

    /// A row's cells as single lines, one per column (a cell spanning columns fills the first, the rest are empty).
    fn row(&self, row: &Row, columns: usize) -> Vec<String> {
        let mut out = Vec::with_capacity(columns);
        for cell in &row.cells {
            out.push(self.cell_line(cell));
            for _ in 1..cell.colspan {
                out.push(String::new());
            }
        }
        out.resize(columns, String::new());
        out.truncate(columns);
        out
    }

    fn cell_line(&self, cell: &Cell) -> String {
        self.blocks(&cell.blocks, usize::MAX / 2)
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One record per body row: its heading, then "column heading: value" for each other cell.
    fn records(&self, t: &Table, columns: usize, width: usize) -> Vec<String> {
        let labels: Vec<String> = t
            .head
            .last()
            .map(|r| self.row(r, columns))
            .unwrap_or_else(|| vec![String::new(); columns]);
        let mut out = Vec::new();
        for row in &t.body {
            if !out.is_empty() {
                out.push(String::new());
            }
            let mut col = 0;
            for (i, cell) in row.cells.iter().enumerate() {
                let label = labels.get(col).map_or("", String::as_str);
                col += usize::from(cell.colspan.max(1));
                let is_title = i == 0 && cell.header == Some(Scope::Row);
                if is_title {
                    let value = self.cell_line(cell);
                    let title = if !label.is_empty() && chars(label) <= 20 {
                        format!("{label} {value}")
                    } else {
                        value
                    };
                    out.extend(wrap(&title, width));
                    continue;
                }
                let lines = self.blocks(&cell.blocks, narrower(width, 4));
                if lines.is_empty() {
                    continue;
                }
                let label = if label.is_empty() {
                    String::new()
                } else if label.ends_with(['?', ':', '.']) {
                    format!("{label} ")
                } else {
                    format!("{label}: ")
                };
                let one = format!("  {label}{}", lines[0]);
                if lines.len() == 1 && chars(&one) <= width {
                    out.push(one);
                } else {
                    out.extend(indent(wrap(label.trim_end(), narrower(width, 2)), "  "));
                    out.extend(indent(lines, "    "));
                }
            }
        }
        out
    }
}

/// A table in aligned columns: the headings, a rule, then the rows; a cell wider than its column wraps within it,
/// and rows are then set apart by blank lines so a wrapped row does not run into the next.
fn columns_layout(
    head: &[Vec<String>],
    body: &[Vec<String>],
    widths: &[usize],
    numeric: &[bool],
) -> Vec<String> {
    let mut out = Vec::new();
    for row in head {
        out.extend(row_lines(row, widths, numeric));
    }
    if !head.is_empty() {
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push(rule.join(GAP));
    }
    let rows: Vec<Vec<String>> = body.iter().map(|r| row_lines(r, widths, numeric)).collect();
    let spaced = rows.iter().any(|r| r.len() > 1);
    for (i, lines) in rows.into_iter().enumerate() {
        if spaced && i > 0 {
            out.push(String::new());
        }
        out.extend(lines);
    }
    out
}

/// One row, each cell wrapped to its column's width, as many lines as its tallest cell.
fn row_lines(row: &[String], widths: &[usize], numeric: &[bool]) -> Vec<String> {
    let wrapped: Vec<Vec<String>> = row
        .iter()
        .zip(widths)
        .map(|(text, w)| wrap(text, *w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
    (0..height)
        .map(|line| {
            let cells: Vec<String> = wrapped
                .iter()
                .map(|w| w.get(line).cloned().unwrap_or_default())
                .collect();
            line_of(&cells, widths, numeric)
        })
        .collect()
}

fn line_of(cells: &[String], widths: &[usize], numeric: &[bool]) -> String {
    let mut parts = Vec::with_capacity(cells.len());
    for ((text, w), right) in cells.iter().zip(widths).zip(numeric) {
        let pad = w.saturating_sub(chars(text));
        parts.push(if *right {
            format!("{}{text}", " ".repeat(pad))
        } else {
            format!("{text}{}", " ".repeat(pad))
        });
    }
    trim_end(parts.join(GAP))
}

/// The width left after an indent, never so narrow that words stand one to a line.
fn narrower(width: usize, by: usize) -> usize {
    width.saturating_sub(by).max(24)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn trim_end(s: String) -> String {
    let len = s.trim_end().len();
    let mut s = s;
    s.truncate(len);
    s
}

fn indent(lines: Vec<String>, prefix: &str) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| {
            if l.is_empty() {
                l
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect()
}

/// Greedy word wrap at `width` characters; `\n` starts a new line. A word longer than the width is not broken.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for segment in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in segment.split(' ').filter(|w| !w.is_empty()) {
            let n = chars(word);
            if len > 0 && len + 1 + n > width {
                out.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.push_str(word);
            len += n;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
