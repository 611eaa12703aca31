//! Tables as Typst tables: a figure with the table's caption, header rows in `table.header` (repeated on each
//! page, and tagged as column headers), a row's header cell as `pdf.header-cell(scope: "row")`, figures
//! right-aligned, and column widths from how much text each column holds.

use std::fmt::Write as _;

use crate::formats::document::{plain, Block, Cell, Row, Scope, Table};

use super::{label_safe, Writer};

impl Writer<'_> {
    pub(super) fn table(&mut self, t: &Table) {
        let columns = t.columns();
        if columns == 0 {
            return;
        }
        let numeric = numeric_columns(t, columns);
        let widths = column_widths(t, columns);
        let has_caption = !t.caption.is_empty();
        if has_caption {
            self.out.push_str("#figure(kind: table, caption: [");
            self.inline(&t.caption);
            self.out.push_str("], ");
        } else {
            self.out.push('#');
        }
        let _ = write!(self.out, "table(columns: ({}), ", widths.join(", "));
        if !t.head.is_empty() {
            self.out.push_str("table.header(");
            for row in &t.head {
                self.row(row, &numeric, true);
            }
            self.out.push_str("), ");
        }
        for row in &t.body {
            self.row(row, &numeric, false);
        }
        self.out.push(')');
        if has_caption {
            self.out.push(')');
        }
        if let Some(id) = t.id.as_deref().filter(|id| label_safe(id)) {
            let _ = write!(self.out, " <{id}>");
        }
    }

    fn row(&mut self, row: &Row, numeric: &[bool], in_head: bool) {
        let mut col = 0;
        for (i, cell) in row.cells.iter().enumerate() {
            let right = numeric.get(col).copied().unwrap_or(false);
            col += usize::from(cell.colspan.max(1));
            let anchor = if i == 0 { row.id.as_deref() } else { None };
            self.cell(cell, right, in_head, anchor);
        }
    }

    fn cell(&mut self, cell: &Cell, right: bool, in_head: bool, anchor: Option<&str>) {
        let mut args = Vec::new();
        if cell.colspan > 1 {
            args.push(format!("colspan: {}", cell.colspan));
        }
        if cell.rowspan > 1 {
            args.push(format!("rowspan: {}", cell.rowspan));
        }
        if right {
            args.push("align: end".to_string());
        }
        // Cells in `table.header` are column headers already; any other header cell says what it labels.
        let scope = match cell.header {
            Some(Scope::Row) => Some("row"),
            Some(Scope::Column) if !in_head => Some("column"),
            _ => None,
        };
        if let Some(scope) = scope {
            let _ = write!(self.out, "pdf.header-cell(scope: \"{scope}\", ");
        }
        let _ = write!(self.out, "table.cell({})[", args.join(", "));
        if let Some(id) = anchor {
            self.anchor(id);
        }
        let bold = cell.header.is_some();
        if bold {
            self.out.push_str("#text(weight: \"bold\")[");
        }
        self.blocks(&cell.blocks);
        if bold {
            self.out.push(']');
        }
        self.out.push(']');
        if scope.is_some() {
            self.out.push(')');
        }
        self.out.push_str(", ");
    }
}

/// Columns whose body cells are all figures: right-aligned, heading included, so digits line up.
fn numeric_columns(t: &Table, columns: usize) -> Vec<bool> {
    let mut numeric = vec![true; columns];
    let mut seen = vec![false; columns];
    for row in &t.body {
        let mut col = 0;
        for cell in &row.cells {
            if col >= columns {
                break;
            }
            if cell.header.is_some() {
                numeric[col] = false;
            } else if !cell.blocks.is_empty() {
                seen[col] = true;
                numeric[col] &= cell.numeric;
            }
            col += usize::from(cell.colspan.max(1));
        }
    }
    numeric.iter().zip(&seen).map(|(n, s)| *n && *s).collect()
}

/// The width of the page's text, in points: A4 less the 2 cm margins.
const LINE: f64 = 482.0;
/// An estimate of one character's width in points (Open Sans at 10.5 pt, a little over its average, so that an
/// estimate errs towards room to spare), and a cell's padding either side.
const CHAR: f64 = 6.0;
const PADDING: f64 = 10.0;

/// Column widths. A table whose columns fit the line as they are gets `auto` columns, as wide as their content.
/// Otherwise each column starts at the width of its longest word (so no word runs into the next cell) and the rest
/// of the line is shared out by how much more each column would take on one line, so the Code's words and the
/// evidence get the room and a column of figures stays narrow. Typst would otherwise squeeze a column of running
/// text to nothing beside wide headings.
fn column_widths(t: &Table, columns: usize) -> Vec<String> {
    let mut word = vec![0.0f64; columns];
    let mut line = vec![0.0f64; columns];
    for row in t.head.iter().chain(&t.body) {
        let mut col = 0;
        for cell in &row.cells {
            if col >= columns {
                break;
            }
            if cell.colspan <= 1 {
                let text = cell_text(&cell.blocks);
                // Header cells are bold, a little wider.
                let scale = if cell.header.is_some() { 1.08 } else { 1.0 };
                let longest_word = text
                    .split_whitespace()
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0);
                word[col] = word[col].max(longest_word as f64 * CHAR * scale + PADDING);
                line[col] = line[col].max(text.chars().count() as f64 * CHAR * scale + PADDING);
            }
            col += usize::from(cell.colspan.max(1));
        }
    }
    if line.iter().sum::<f64>() <= LINE {
        return vec!["auto".to_string(); columns];
    }
    let spare = (LINE - word.iter().sum::<f64>()).max(0.0);
    let wants: Vec<f64> = (0..columns)
        .map(|c| (line[c].min(LINE) - word[c]).max(0.0))
        .collect();
    let wanted: f64 = wants.iter().sum();
    (0..columns)
        .map(|c| {
            let share = if wanted > 0.0 {
                spare * wants[c] / wanted
            } else {
                0.0
            };
            format!("{}fr", (word[c] + share).round().max(1.0))
        })
        .collect()
}

/// A cell's text on one line.
fn cell_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(c) => plain(c),
            Block::Heading(h) => plain(&h.content),
            Block::List(l) => l
                .items
                .iter()
                .map(|i| cell_text(i))
                .collect::<Vec<_>>()
                .join(" "),
            Block::Notice(b) | Block::Quote(b) => cell_text(b),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
