//! The column of chunks cut into A4 pages.
//!
//! Chunks go onto a page until the next one does not fit, then onto a new page; the space above a chunk is
//! dropped at the top of a page. A chunk that must stay with the next (a heading, a caption, a chart's title, a
//! table's header row) moves to a new page together with the chain it starts, when that chain would not fit but
//! would on a page of its own. A table row that starts a page below the table's first rows has the table's
//! caption and header rows drawn above it again, as artifacts (they are in the structure once). A chart is one
//! chunk, so it is never cut. Each page gets a footer with the report's name and "Page N of M", as artifacts.

use super::fonts::{Shaper, Style};
use super::layout::{Chunk, Laid, Look, Marked, Op, INK};
use super::lines::{break_lines, Span};

/// A4, in points.
pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
/// 2 cm either side and at the top, 2.4 cm at the foot (the footer sits in it).
pub(super) const MARGIN: f32 = 56.69;
const MARGIN_FOOT: f32 = 68.03;

/// The width of the column.
pub(super) const COLUMN: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The height of the column.
pub(super) const BODY_HEIGHT: f32 = PAGE_HEIGHT - MARGIN - MARGIN_FOOT;

/// A page: what it draws, in page coordinates (points from the top left), and where its places are.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub(super) ops: Vec<Op>,
    /// Ids of places on the page, and how far down.
    pub(super) anchors: Vec<(String, f32)>,
    /// Headings that start on the page: level, text and how far down.
    pub(super) bookmarks: Vec<(u8, String, f32)>,
}

/// Cuts the laid-out column into pages, each with its footer.
pub(super) fn paginate(laid: Laid, shaper: &mut Shaper, footer: &str) -> Vec<Page> {
    let Laid {
        chunks, repeats, ..
    } = laid;
    let mut chunks = chunks;
    let mut pages = vec![Page::default()];
    let mut y = 0.0f32;
    let mut previous_repeat = None;
    let mut i = 0;
    // Nothing but a repeated table header is on the page yet: never start another.
    let mut fresh = true;
    while i < chunks.len() {
        let c = &chunks[i];
        let space = if fresh { 0.0 } else { c.space_before };
        // A chunk no page can hold (a table row with pages of evidence) is cut between its lines, to fill
        // this page if it has room for a few lines, and the rest goes on.
        let header: f32 = c
            .repeat
            .and_then(|r| repeats.get(r))
            .map_or(0.0, |h| h.iter().map(|c| c.height).sum());
        let room = BODY_HEIGHT - y - space;
        if c.height > BODY_HEIGHT - header && room >= MIN_ROOM {
            if let Some((head, rest)) = split(c, room) {
                place(pages.last_mut(), &head, y + space);
                previous_repeat = rest.repeat;
                chunks[i] = rest;
                y = new_page(&mut pages, chunks[i].repeat, previous_repeat, &repeats);
                fresh = true;
                continue;
            }
        }
        let chain = chain_height(&chunks, i);
        if !fresh && y + space + chain > BODY_HEIGHT {
            let alone_fits = y + space + c.height <= BODY_HEIGHT;
            if chain <= BODY_HEIGHT || !alone_fits {
                y = new_page(&mut pages, c.repeat, previous_repeat, &repeats);
                fresh = true;
                continue;
            }
        }
        y += space;
        place(pages.last_mut(), c, y);
        y += c.height;
        fresh = false;
        previous_repeat = c.repeat;
        i += 1;
    }
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        footer_ops(page, shaper, footer, n + 1, total);
    }
    pages
}

/// Room a page must have left for a chunk too tall for any page to start on it rather than on the next.
const MIN_ROOM: f32 = 60.0;

/// Starts a page: with the table's caption and header rows (as artifacts) when the chunk that will start it is a
/// body row of the same table as the chunk before it. Returns how far down the page is filled.
fn new_page(
    pages: &mut Vec<Page>,
    repeat: Option<usize>,
    previous: Option<usize>,
    repeats: &[Vec<Chunk>],
) -> f32 {
    pages.push(Page::default());
    let mut y = 0.0;
    if let Some(r) = repeat.filter(|r| previous == Some(*r)) {
        for h in repeats.get(r).into_iter().flatten() {
            place(pages.last_mut(), h, y);
            y += h.height;
        }
    }
    y
}

/// Cuts `c` at the lowest point at most `room` down that crosses no line of text and no drawing: the part
/// above, `room` or less high, and the rest. `None` when there is no such point.
fn split(c: &Chunk, room: f32) -> Option<(Chunk, Chunk)> {
    // The vertical extent of each op that must not be cut.
    let extents: Vec<(f32, f32)> = c
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Text { baseline, size, .. } => {
                Some((baseline - size * 0.95, baseline + size * 0.25))
            }
            Op::Svg { y, h, .. } => Some((*y, y + h)),
            _ => None,
        })
        .collect();
    let crosses = |cut: f32| {
        extents
            .iter()
            .any(|(top, bottom)| *top < cut && cut < *bottom)
    };
    let cut = extents
        .iter()
        .map(|(_, bottom)| *bottom)
        .filter(|b| *b > 0.0 && *b <= room && !crosses(*b))
        .fold(0.0f32, f32::max);
    // Too little to be worth a piece (and the rest must come out shorter than the whole).
    if cut < 10.0 {
        return None;
    }
    let below = |op: &Op| match op {
        Op::Text { baseline, size, .. } => baseline - size * 0.95 >= cut,
        Op::Svg { y, .. } | Op::Rect { y, .. } | Op::Link { y, .. } => *y >= cut,
    };
    // The rest starts a little below the top of its page, as a cell's text does.
    let lift = cut - 3.0;
    let (rest, head): (Vec<Op>, Vec<Op>) = c.ops.iter().cloned().partition(below);
    let head = Chunk {
        height: cut,
        ops: head,
        keep_with_next: false,
        ..c.clone()
    };
    let rest = Chunk {
        space_before: 0.0,
        height: c.height - lift,
        ops: rest.into_iter().map(|op| op.moved(0.0, -lift)).collect(),
        anchors: Vec::new(),
        bookmark: None,
        ..c.clone()
    };
    Some((head, rest))
}

/// The height of chunk `i` and of every chunk it must stay with.
fn chain_height(chunks: &[Chunk], i: usize) -> f32 {
    let mut h = chunks[i].height;
    let mut j = i;
    while chunks[j].keep_with_next && j + 1 < chunks.len() {
        j += 1;
        h += chunks[j].space_before + chunks[j].height;
    }
    h
}

fn place(page: Option<&mut Page>, c: &Chunk, y: f32) {
    let Some(page) = page else { return };
    let top = MARGIN + y;
    page.ops
        .extend(c.ops.iter().cloned().map(|op| op.moved(MARGIN, top)));
    page.anchors
        .extend(c.anchors.iter().map(|a| (a.clone(), top)));
    if let Some((level, title)) = &c.bookmark {
        page.bookmarks.push((*level, title.clone(), top));
    }
}

/// The footer: the report's name on the left (its first line, if it is long), "Page N of M" on the right.
fn footer_ops(page: &mut Page, shaper: &mut Shaper, footer: &str, n: usize, total: usize) {
    let look = Look {
        size: 8.5,
        ..Look::BODY
    };
    let baseline = PAGE_HEIGHT - MARGIN_FOOT + 30.0;
    let number = format!("Page {n} of {total}");
    let number_width = shaper.shape(Style::default(), &number).width * look.size;
    let span = |text: &str| Span {
        text: text.to_string(),
        style: Style::default(),
        link: None,
        line_break: false,
    };
    let name = break_lines(
        shaper,
        &[span(footer)],
        look.size,
        COLUMN - number_width - 24.0,
    );
    let number = break_lines(shaper, &[span(&number)], look.size, COLUMN);
    for (line, x) in [
        (name.first(), MARGIN),
        (number.first(), PAGE_WIDTH - MARGIN - number_width),
    ] {
        for run in line.into_iter().flat_map(|l| &l.runs) {
            page.ops.push(Op::Text {
                x: x + run.x,
                baseline,
                size: look.size,
                style: run.style,
                color: INK,
                text: run.text.clone(),
                glyphs: run.glyphs.clone(),
                marked: Marked::Footer,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::document::{Block, Cell, Document, Inline, Row, Scope, Table};
    use crate::formats::links::Links;

    fn cell(text: &str, header: Option<Scope>) -> Cell {
        Cell {
            header,
            numeric: false,
            colspan: 1,
            rowspan: 1,
            blocks: vec![Block::Paragraph(vec![Inline::Text(text.into())])],
        }
    }

    fn pages_of(blocks: Vec<Block>) -> Vec<Page> {
        let doc = Document { blocks };
        let links = Links::new(&doc, "report.html", None);
        let laid = super::super::layout::lay_out(&doc, &links, COLUMN, BODY_HEIGHT * 0.6).unwrap();
        paginate(laid, &mut Shaper::new(), "A landlord: a report")
    }

    fn texts(page: &Page) -> Vec<(String, f32, Marked)> {
        page.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text {
                    text,
                    baseline,
                    marked,
                    ..
                } => Some((text.clone(), *baseline, *marked)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_between_lines_and_the_header_repeats() {
        let evidence = "We keep every letter and every call note. ".repeat(400);
        let table = Table {
            id: None,
            caption: vec![Inline::Text("Evidence".into())],
            head: vec![Row {
                id: None,
                cells: vec![
                    cell("Provision", Some(Scope::Column)),
                    cell("Evidence", Some(Scope::Column)),
                ],
            }],
            body: vec![Row {
                id: None,
                cells: vec![cell("5.1", Some(Scope::Row)), cell(&evidence, None)],
            }],
        };
        let pages = pages_of(vec![Block::Table(table)]);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let foot = PAGE_HEIGHT - MARGIN_FOOT;
        let mut words = 0;
        for (n, page) in pages.iter().enumerate() {
            let texts = texts(page);
            for (text, baseline, marked) in &texts {
                if *marked != Marked::Footer {
                    assert!(
                        *baseline < foot,
                        "page {}: {text:?} runs into the foot",
                        n + 1
                    );
                    if matches!(marked, Marked::Content(_)) {
                        words += text.matches("letter").count();
                    }
                }
            }
            // Every page after the first starts with the caption and header again, as artifacts.
            if n > 0 {
                let first = &texts[0];
                assert!(
                    first.0.starts_with("Evidence") && first.2 == Marked::Artifact,
                    "{first:?}"
                );
            }
        }
        // Every line of the cell is drawn once as content: nothing lost at a cut, nothing twice.
        assert_eq!(words, 400);
    }

    #[test]
    fn a_heading_is_not_left_at_the_foot_of_a_page() {
        let para = || Block::Paragraph(vec![Inline::Text("Words. ".repeat(60))]);
        let mut blocks: Vec<Block> = (0..9).map(|_| para()).collect();
        blocks.push(Block::Heading(crate::formats::document::Heading {
            level: 1,
            id: None,
            content: vec![Inline::Text("Late heading".into())],
        }));
        blocks.push(para());
        let pages = pages_of(blocks);
        let page = pages
            .iter()
            .position(|p| texts(p).iter().any(|t| t.0.starts_with("Late")))
            .unwrap();
        let after = texts(&pages[page]);
        let at = after.iter().position(|t| t.0.starts_with("Late")).unwrap();
        assert!(
            after[at + 1..]
                .iter()
                .any(|t| t.0.starts_with("Words") && t.2 != Marked::Footer),
            "the heading on page {} has none of its text after it",
            page + 1
        );
    }
}
