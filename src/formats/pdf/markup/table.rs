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

/// Column widths: a column of short entries is as wide as its content; columns of running text share the rest
/// of the line by how much text they hold, so the Code's words and the evidence get the room.
fn column_widths(t: &Table, columns: usize) -> Vec<String> {
    let mut longest = vec![0usize; columns];
    let mut total = vec![0usize; columns];
    for row in t.head.iter().chain(&t.body) {
        let mut col = 0;
        for cell in &row.cells {
            if col >= columns {
                break;
            }
            if cell.colspan <= 1 {
                let len = text_length(&cell.blocks);
                longest[col] = longest[col].max(len);
                total[col] += len;
            }
            col += usize::from(cell.colspan.max(1));
        }
    }
    (0..columns)
        .map(|c| {
            if longest[c] <= 28 {
                "auto".to_string()
            } else {
                let rows = (t.head.len() + t.body.len()).max(1);
                let mean = total[c] / rows;
                format!("{}fr", (mean / 40).clamp(1, 6))
            }
        })
        .collect()
}

fn text_length(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(c) => plain(c).chars().count(),
            Block::Heading(h) => plain(&h.content).chars().count(),
            Block::List(l) => l.items.iter().map(|i| text_length(i)).sum(),
            Block::Notice(b) | Block::Quote(b) => text_length(b),
            _ => 0,
        })
        .sum()
}
