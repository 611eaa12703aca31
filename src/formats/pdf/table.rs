//! Tables: columns sized by what they hold, one chunk per row, the caption and header rows repeated on every page
//! the table runs onto, and the structure a screen reader navigates by (`Table` > `Caption`, `THead`, `TBody` >
//! `TR` > `TH` with its scope, `TD`).
//!
//! Column widths: when every column fits on one line at its natural width, each gets that width. Otherwise each
//! starts at its longest word (so no word runs into the next cell) and the rest of the line is shared out by how
//! much more each would take on one line: the Code's words and the evidence get the room, a column of figures
//! stays narrow. Figures are right-aligned so their digits line up.

use std::num::NonZeroU32;

use krilla::tagging::{TableHeaderScope, Tag};

use super::super::document::{Block, Cell, Scope, Table};
use super::fonts::Style;
use super::layout::{bold, shift, stack, Align, Chunk, Layout, Look, Node, Op, RULE, SMALL};
use super::lines::{measure, Span};

/// A cell's padding either side and above and below.
const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 3.5;

impl Layout<'_> {
    pub(super) fn table(&mut self, t: &Table, x: f32, width: f32, out: &mut Vec<Chunk>) -> Node {
        let columns = t.columns();
        let mut children = Vec::new();
        let start = out.len();
        let look = Look {
            size: SMALL,
            ..Look::BODY
        };
        if !t.caption.is_empty() {
            let caption = self.paragraph(
                &t.caption,
                bold(Look::BODY),
                Align::Start,
                x,
                width,
                12.0,
                out,
            );
            children.push(Node::Group(Tag::Caption.into(), caption));
        }
        if columns == 0 {
            for c in &mut out[start..] {
                c.keep_with_next = false;
            }
            return Node::Group(Tag::Table.into(), children);
        }
        let numeric = t.numeric_columns(columns);
        let widths = self.column_widths(t, columns, width, look);
        let mut occupied = vec![0u16; columns];
        let mut head = Vec::new();
        for row in &t.head {
            let (chunk, tr) = self.row(row, &numeric, &widths, x, look, true, &mut occupied);
            out.push(chunk);
            head.push(tr);
        }
        // The caption and header rows stay with the first body row, and are drawn again (as artifacts) at the
        // top of each later page the table reaches.
        let repeat: Vec<Chunk> = out[start..]
            .iter()
            .map(|c| Chunk {
                space_before: 0.0,
                ops: c.ops.iter().filter_map(Op::as_artifact).collect(),
                anchors: Vec::new(),
                bookmark: None,
                keep_with_next: false,
                ..c.clone()
            })
            .collect();
        for c in &mut out[start..] {
            c.keep_with_next = true;
        }
        self.repeats.push(repeat);
        let repeat = self.repeats.len() - 1;
        if !head.is_empty() {
            children.push(Node::Group(Tag::THead.into(), head));
        }
        let mut body = Vec::new();
        for row in &t.body {
            let (mut chunk, tr) = self.row(row, &numeric, &widths, x, look, false, &mut occupied);
            chunk.repeat = Some(repeat);
            out.push(chunk);
            body.push(tr);
        }
        if !body.is_empty() {
            children.push(Node::Group(Tag::TBody.into(), body));
        }
        if let Some(first) = out.get_mut(start) {
            first.anchors.extend(t.id.clone());
            first.space_before = first.space_before.max(12.0);
        }
        Node::Group(Tag::Table.into(), children)
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        row: &super::super::document::Row,
        numeric: &[bool],
        widths: &[f32],
        x: f32,
        look: Look,
        in_head: bool,
        occupied: &mut [u16],
    ) -> (Chunk, Node) {
        let mut ops = Vec::new();
        let mut cells = Vec::new();
        let mut height: f32 = 0.0;
        let mut anchors: Vec<String> = row.id.iter().cloned().collect();
        let mut col = 0;
        for cell in &row.cells {
            // Columns still taken by a cell spanning rows from above.
            while col < widths.len() && occupied[col] > 0 {
                col += 1;
            }
            if col >= widths.len() {
                break;
            }
            let span = usize::from(cell.colspan.max(1)).min(widths.len() - col);
            let cell_x: f32 = x + widths[..col].iter().sum::<f32>();
            let cell_w: f32 = widths[col..col + span].iter().sum();
            let right = numeric.get(col).copied().unwrap_or(false);
            let look = if cell.header.is_some() {
                bold(look)
            } else {
                look
            };
            let (cell_ops, h, cell_anchors, content) =
                self.cell(cell, look, right, cell_w - 2.0 * PAD_X);
            ops.extend(shift(cell_ops, cell_x + PAD_X, PAD_Y));
            anchors.extend(cell_anchors);
            height = height.max(h + 2.0 * PAD_Y);
            cells.push(self.cell_tag(cell, in_head, content));
            for o in &mut occupied[col..col + span] {
                *o = cell.rowspan.max(1);
            }
            col += span;
        }
        for o in occupied.iter_mut() {
            *o = o.saturating_sub(1);
        }
        let full: f32 = widths.iter().sum();
        let thick = if in_head { 1.2 } else { 0.5 };
        ops.push(Op::Rect {
            x,
            y: height - thick,
            w: full,
            h: thick,
            color: RULE,
        });
        let chunk = Chunk {
            height,
            ops,
            anchors,
            ..Chunk::default()
        };
        (chunk, Node::Group(Tag::TR.into(), cells))
    }

    /// A cell's content laid out in its column: the ops, the height, the anchors in it and its tags.
    fn cell(
        &mut self,
        cell: &Cell,
        look: Look,
        right: bool,
        width: f32,
    ) -> (Vec<Op>, f32, Vec<String>, Vec<Node>) {
        let mut chunks = Vec::new();
        let mut tags = Vec::new();
        let outer = std::mem::replace(&mut self.text, look);
        // A cell's paragraphs are in the table's size and the cell's weight; anything else is laid out as blocks.
        for b in &cell.blocks {
            match b {
                Block::Paragraph(content) => {
                    let align = if right { Align::End } else { Align::Start };
                    let (lines, goes) = self.lines(content, look, width);
                    let kids =
                        self.place_lines(&lines, &goes, look, align, 0.0, width, 4.0, &mut chunks);
                    tags.push(Node::Group(Tag::P.into(), kids));
                }
                other => {
                    // Errors come only from charts, which a cell does not hold.
                    if let Ok(t) = self.blocks(std::slice::from_ref(other), 0.0, width, &mut chunks)
                    {
                        tags.extend(t);
                    }
                }
            }
        }
        // A cell holding a single paragraph tags its runs directly in the cell.
        if let [Node::Group(_, kids)] = tags.as_mut_slice() {
            if cell.blocks.len() == 1 && matches!(cell.blocks[0], Block::Paragraph(_)) {
                tags = std::mem::take(kids);
            }
        }
        self.text = outer;
        let (ops, height, anchors) = stack(chunks);
        (ops, height, anchors, tags)
    }

    fn cell_tag(&self, cell: &Cell, in_head: bool, content: Vec<Node>) -> Node {
        let rows = NonZeroU32::new(u32::from(cell.rowspan.max(1))).filter(|n| n.get() > 1);
        let cols = NonZeroU32::new(u32::from(cell.colspan.max(1))).filter(|n| n.get() > 1);
        let kind = match cell.header {
            Some(scope) => {
                // A header cell in `<thead>` heads its column, whatever it says; elsewhere it says which.
                let scope = match (in_head, scope) {
                    (true, _) | (false, Scope::Column) => TableHeaderScope::Column,
                    (false, Scope::Row) => TableHeaderScope::Row,
                };
                Tag::TH(scope)
                    .with_row_span(rows)
                    .with_col_span(cols)
                    .into()
            }
            None => Tag::TD.with_row_span(rows).with_col_span(cols).into(),
        };
        Node::Group(kind, content)
    }

    fn column_widths(&mut self, t: &Table, columns: usize, width: f32, look: Look) -> Vec<f32> {
        let mut word = vec![0.0f32; columns];
        let mut line = vec![0.0f32; columns];
        for row in t.head.iter().chain(&t.body) {
            let mut col = 0;
            for cell in &row.cells {
                if col >= columns {
                    break;
                }
                if cell.colspan <= 1 {
                    let style = if cell.header.is_some() {
                        Style::default().bold()
                    } else {
                        look.style
                    };
                    let spans = cell_spans(&cell.blocks, style);
                    let (w, l) = measure(&mut self.shaper, &spans, look.size);
                    word[col] = word[col].max(w + 2.0 * PAD_X);
                    line[col] = line[col].max(l + 2.0 * PAD_X);
                }
                col += usize::from(cell.colspan.max(1));
            }
        }
        if line.iter().sum::<f32>() <= width {
            return line;
        }
        let spare = (width - word.iter().sum::<f32>()).max(0.0);
        let wants: Vec<f32> = (0..columns)
            .map(|c| (line[c].min(width) - word[c]).max(0.0))
            .collect();
        let wanted: f32 = wants.iter().sum();
        let mut widths: Vec<f32> = (0..columns)
            .map(|c| {
                word[c]
                    + if wanted > 0.0 {
                        spare * wants[c] / wanted
                    } else {
                        0.0
                    }
            })
            .collect();
        // Longest words that do not fit even alone: every column shrinks in proportion (long words then break).
        let total: f32 = widths.iter().sum();
        if total > width {
            widths.iter_mut().for_each(|w| *w *= width / total);
        }
        widths
    }
}

/// A cell's text as spans, for measuring.
fn cell_spans(blocks: &[Block], style: Style) -> Vec<Span> {
    let mut text = String::new();
    collect_text(blocks, &mut text);
    vec![Span {
        text,
        style,
        link: None,
        line_break: false,
    }]
}

fn collect_text(blocks: &[Block], out: &mut String) {
    for b in blocks {
        let t = match b {
            Block::Paragraph(c) => super::super::document::plain(c),
            Block::Heading(h) => super::super::document::plain(&h.content),
            Block::List(l) => {
                l.items.iter().for_each(|i| collect_text(i, out));
                continue;
            }
            Block::Notice(b) | Block::Quote(b) => {
                collect_text(b, out);
                continue;
            }
            _ => continue,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.replace('\n', " "));
    }
}
