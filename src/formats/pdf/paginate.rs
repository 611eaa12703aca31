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
    let mut pages = vec![Page::default()];
    let mut y = 0.0f32;
    let mut previous_repeat = None;
    for i in 0..chunks.len() {
        let c = &chunks[i];
        let space = if y == 0.0 { 0.0 } else { c.space_before };
        let chain = chain_height(&chunks, i);
        if y > 0.0 && y + space + chain > BODY_HEIGHT {
            let alone_fits = y + space + c.height <= BODY_HEIGHT;
            if chain <= BODY_HEIGHT || !alone_fits {
                pages.push(Page::default());
                y = 0.0;
                if let Some(r) = c.repeat.filter(|r| previous_repeat == Some(*r)) {
                    for h in repeats.get(r).into_iter().flatten() {
                        place(pages.last_mut(), h, y);
                        y += h.height;
                    }
                }
            }
        }
        let space = if y == 0.0 { 0.0 } else { c.space_before };
        y += space;
        place(pages.last_mut(), c, y);
        y += c.height;
        previous_repeat = c.repeat;
    }
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        footer_ops(page, shaper, footer, n + 1, total);
    }
    pages
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
