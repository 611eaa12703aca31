//! The [`Document`] laid out into a column of chunks, with the tag tree that says what each piece of it is.
//!
//! A chunk is what the paginator ([`super::paginate`]) never splits: a line of a paragraph, a table row, a
//! chart. Each holds what it draws ([`Op`]), placed from its own top left, and says whether it must stay on the
//! page of the chunk after it (a heading, a caption, a table's header row). Every piece of content is a leaf of
//! the tag tree ([`Node`]) built at the same time, in reading order: `H1`-`H6`, `P`, `L` > `LI` > `Lbl` +
//! `LBody`, `Table` > `Caption`, `THead`, `TBody` > `TR` > `TH` (with its scope) and `TD`, `Figure` with its
//! text alternative, `Link` with its annotation, `BlockQuote`, `Div` for a notice. Rules, underlines and a
//! notice's bar are drawn as artifacts: they carry no meaning a reader would miss.

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::tagging::{ListNumbering, Tag, TagKind};
use krilla::text::KrillaGlyph;

use super::super::document::{plain, Block, Document, Figure, Heading, Inline, Link, List};
use super::super::links::{named_suffix, Links, Resolved};
use super::fonts::{Shaper, Style};
use super::lines::{break_lines, Goes, Line, Span};

/// The text's colour, GOV.UK's near-black.
pub(super) const INK: Rgb = Rgb(0x0b, 0x0c, 0x0c);
/// A link's colour.
const LINK: Rgb = Rgb(0x1d, 0x4f, 0x91);
/// A secondary text's colour (a chart's subtitle).
const MUTED: Rgb = Rgb(0x50, 0x5a, 0x5f);
/// Rules and a notice's bar.
pub(super) const RULE: Rgb = Rgb(0x6f, 0x77, 0x7b);

/// The body text's size, in points.
pub(super) const BODY: f32 = 10.5;
/// A table's text size.
pub(super) const SMALL: f32 = 9.5;
/// Line height as a multiple of the text size.
const LEADING: f32 = 1.4;
/// Space between two blocks.
const GAP: f32 = 7.0;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rgb(pub(super) u8, pub(super) u8, pub(super) u8);

/// A leaf of the tag tree: the content of one [`Op`] (or a link's annotation), by number.
pub(super) type Leaf = usize;

/// A node of the tag tree, before the content it tags has been drawn.
#[derive(Debug, Clone)]
pub(super) enum Node {
    /// A structure element and its children.
    Group(TagKind, Vec<Node>),
    /// Drawn content or a link annotation.
    Leaf(Leaf),
}

/// What a piece of drawing is, for assistive technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marked {
    /// Content: a leaf of the tag tree.
    Content(Leaf),
    /// Not content: a table's header repeated on a later page.
    Artifact,
    /// Not content: the page's footer.
    Footer,
}

/// Something to draw, placed from its chunk's top left, in points.
#[derive(Debug, Clone)]
pub(super) enum Op {
    /// A run of glyphs.
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: String,
        glyphs: Vec<KrillaGlyph>,
        marked: Marked,
    },
    /// A filled rectangle (a rule, an underline, a notice's bar): always an artifact.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A chart.
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tree: Arc<usvg::Tree>,
        marked: Marked,
    },
    /// The area of a link, for its annotation.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        goes: Goes,
        alt: String,
        leaf: Leaf,
    },
}

impl Op {
    /// The same drawing moved by `dx`, `dy`.
    pub(super) fn moved(mut self, dx: f32, dy: f32) -> Op {
        match &mut self {
            Op::Text { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Op::Rect { x, y, .. } | Op::Svg { x, y, .. } | Op::Link { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
        self
    }

    /// The same drawing as an artifact (a table's header repeated on a later page), or nothing for a link.
    pub(super) fn as_artifact(&self) -> Option<Op> {
        let mut op = self.clone();
        match &mut op {
            Op::Text { marked, .. } | Op::Svg { marked, .. } => *marked = Marked::Artifact,
            Op::Rect { .. } => {}
            Op::Link { .. } => return None,
        }
        Some(op)
    }
}

/// A part of the column the paginator keeps whole.
#[derive(Debug, Clone, Default)]
pub(super) struct Chunk {
    /// Space above it, dropped at the top of a page.
    pub(super) space_before: f32,
    /// Its height.
    pub(super) height: f32,
    /// It stays on the page of the next chunk.
    pub(super) keep_with_next: bool,
    /// What it draws.
    pub(super) ops: Vec<Op>,
    /// Ids of places that start here, for links.
    pub(super) anchors: Vec<String>,
    /// A heading starts here: its level and text, for the bookmarks.
    pub(super) bookmark: Option<(u8, String)>,
    /// It is a table's body row: the table's header, to repeat at the top of a page it starts.
    pub(super) repeat: Option<usize>,
}

/// The document laid out.
pub(super) struct Laid {
    /// The column, in reading order.
    pub(super) chunks: Vec<Chunk>,
    /// Tables' captions and header rows, as chunks, for [`Chunk::repeat`].
    pub(super) repeats: Vec<Vec<Chunk>>,
    /// The children of the document's root tag.
    pub(super) tags: Vec<Node>,
    /// The number of leaves.
    pub(super) leaves: usize,
}

/// Why a document could not be laid out.
#[derive(Debug, Clone)]
pub(super) struct Unreadable {
    /// The chart's title.
    pub(super) chart: String,
    /// What the SVG reader said.
    pub(super) reason: String,
}

/// Lays out `doc` in a column `width` points wide.
pub(super) fn lay_out(
    doc: &Document,
    links: &Links,
    width: f32,
    max_chart_height: f32,
) -> Result<Laid, Unreadable> {
    let mut l = Layout {
        shaper: Shaper::new(),
        links,
        leaves: 0,
        level: 0,
        repeats: Vec::new(),
        max_chart_height,
        svg_options: super::chart::options(),
        text: Look::BODY,
    };
    let mut chunks = Vec::new();
    let tags = l.blocks(&doc.blocks, 0.0, width, &mut chunks)?;
    Ok(Laid {
        chunks,
        repeats: l.repeats,
        tags,
        leaves: l.leaves,
    })
}

/// Text's look: size, style, colour.
#[derive(Debug, Clone, Copy)]
pub(super) struct Look {
    pub(super) size: f32,
    pub(super) style: Style,
    pub(super) color: Rgb,
}

impl Look {
    pub(super) const BODY: Look = Look {
        size: BODY,
        style: Style {
            bold: false,
            italic: false,
        },
        color: INK,
    };

    fn line_height(self) -> f32 {
        self.size * LEADING
    }
}

/// How a paragraph's lines are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Start,
    End,
}

pub(super) struct Layout<'a> {
    pub(super) shaper: Shaper,
    links: &'a Links,
    leaves: usize,
    /// The last heading's level, so that none skips a level (PDF/UA-1 7.4.2).
    level: u8,
    pub(super) repeats: Vec<Vec<Chunk>>,
    max_chart_height: f32,
    svg_options: usvg::Options<'static>,
    /// The look of running text here: the body's, or a table cell's.
    pub(super) text: Look,
}

impl Layout<'_> {
    pub(super) fn leaf(&mut self) -> Leaf {
        self.leaves += 1;
        self.leaves - 1
    }

    /// Lays out `blocks` at `x`, `width` wide, appending chunks to `out`; returns their tags.
    pub(super) fn blocks(
        &mut self,
        blocks: &[Block],
        x: f32,
        width: f32,
        out: &mut Vec<Chunk>,
    ) -> Result<Vec<Node>, Unreadable> {
        let mut tags = Vec::new();
        let mut anchors = Vec::new();
        for b in blocks {
            if let Block::Anchor(id) = b {
                anchors.push(id.clone());
                continue;
            }
            let start = out.len();
            self.block(b, x, width, out, &mut tags)?;
            if let Some(first) = out.get_mut(start) {
                first.anchors.append(&mut anchors);
            }
        }
        if !anchors.is_empty() {
            // Anchors at the end of a block list: a place with nothing after it, at the end of the column.
            out.push(Chunk {
                anchors,
                ..Chunk::default()
            });
        }
        Ok(tags)
    }

    fn block(
        &mut self,
        block: &Block,
        x: f32,
        width: f32,
        out: &mut Vec<Chunk>,
        tags: &mut Vec<Node>,
    ) -> Result<(), Unreadable> {
        match block {
            Block::Anchor(_) => {}
            Block::Heading(h) => tags.push(self.heading(h, x, width, out)),
            Block::Paragraph(content) => {
                let children = self.paragraph(content, self.text, Align::Start, x, width, GAP, out);
                tags.push(Node::Group(Tag::P.into(), children));
            }
            Block::List(list) => tags.push(self.list(list, x, width, out)?),
            Block::Terms(terms) => {
                let mut items = Vec::new();
                for t in terms {
                    let term =
                        self.paragraph(&t.term, bold(self.text), Align::Start, x, width, GAP, out);
                    if let Some(c) = out.last_mut() {
                        c.keep_with_next = true;
                    }
                    let start = out.len();
                    let body = self.blocks(&t.description, x + 14.0, width - 14.0, out)?;
                    tighten(out, start, 2.0);
                    items.push(Node::Group(
                        Tag::LI.into(),
                        vec![
                            Node::Group(Tag::Lbl.into(), term),
                            Node::Group(Tag::LBody.into(), body),
                        ],
                    ));
                }
                tags.push(Node::Group(Tag::L(ListNumbering::None).into(), items));
            }
            Block::Table(t) => tags.push(self.table(t, x, width, out)),
            Block::Figure(f) => self.figure(f, x, width, out, tags)?,
            Block::Notice(blocks) => {
                let start = out.len();
                let inner = self.blocks(blocks, x + 14.0, width - 14.0, out)?;
                let mut first = true;
                for c in &mut out[start..] {
                    // The bar runs the chunk's height, and up through the space above it inside the notice.
                    let up = if first { 0.0 } else { c.space_before };
                    c.ops.push(Op::Rect {
                        x,
                        y: -up - 2.0,
                        w: 4.0,
                        h: c.height + up + 4.0,
                        color: RULE,
                    });
                    first = false;
                }
                if let Some(c) = out.get_mut(start) {
                    c.space_before = c.space_before.max(GAP + 4.0);
                }
                tags.push(Node::Group(Tag::Div.into(), inner));
            }
            Block::Quote(blocks) => {
                let inner = self.blocks(blocks, x + 14.0, width - 14.0, out)?;
                tags.push(Node::Group(Tag::BlockQuote.into(), inner));
            }
            Block::Downloads(d) => {
                // A download is a file of the site: it can be followed only from where the site lives.
                if !self.links.site_is_addressable() {
                    return Ok(());
                }
                let mut content = vec![Inline::Text(format!("{}: ", d.label))];
                for (i, l) in d.links.iter().enumerate() {
                    if i > 0 {
                        content.push(Inline::Text(", ".into()));
                    }
                    content.push(Inline::Link(l.clone()));
                }
                let look = Look {
                    size: SMALL.min(self.text.size),
                    ..self.text
                };
                let children = self.paragraph(&content, look, Align::Start, x, width, 4.0, out);
                tags.push(Node::Group(Tag::P.into(), children));
            }
        }
        Ok(())
    }

    fn heading(&mut self, h: &Heading, x: f32, width: f32, out: &mut Vec<Chunk>) -> Node {
        let level = h.level.clamp(1, 6).min(self.level + 1);
        self.level = level;
        let size = match level {
            1 => 20.0,
            2 => 15.0,
            3 => 12.5,
            4 => 11.0,
            _ => BODY,
        };
        let look = Look {
            size,
            style: Style::default().bold(),
            color: INK,
        };
        let start = out.len();
        let children = self.paragraph(&h.content, look, Align::Start, x, width, size * 1.1, out);
        let title = plain(&h.content);
        for c in &mut out[start..] {
            c.keep_with_next = true;
        }
        if let Some(first) = out.get_mut(start) {
            first.anchors.extend(h.id.clone());
            first.bookmark = Some((level, title.clone()));
        }
        let level = NonZeroU16::new(u16::from(level)).unwrap_or(NonZeroU16::MIN);
        Node::Group(Tag::Hn(level, Some(title)).into(), children)
    }

    fn list(
        &mut self,
        list: &List,
        x: f32,
        width: f32,
        out: &mut Vec<Chunk>,
    ) -> Result<Node, Unreadable> {
        let numbering = match (list.cards, list.ordered) {
            (true, _) => ListNumbering::None,
            (false, true) => ListNumbering::Decimal,
            (false, false) => ListNumbering::Disc,
        };
        let indent = if list.cards {
            0.0
        } else {
            self.text.size * 1.5
        };
        let mut items = Vec::new();
        for (n, item) in list.items.iter().enumerate() {
            let start = out.len();
            let body = self.blocks(item, x + indent, width - indent, out)?;
            let mut children = Vec::new();
            if list.cards {
                if let Some(c) = out.get_mut(start) {
                    c.space_before = c.space_before.max(GAP * 2.0);
                }
            } else {
                tighten(out, start, if n == 0 { GAP } else { 3.0 });
                let label = if list.ordered {
                    format!("{}.", n + 1)
                } else {
                    "•".to_string()
                };
                if let Some(first) = out.get_mut(start) {
                    let leaf = self.leaf();
                    let shaped = self.shaper.shape(self.text.style, &label);
                    let baseline = first
                        .ops
                        .iter()
                        .find_map(|op| match op {
                            Op::Text { baseline, .. } => Some(*baseline),
                            _ => None,
                        })
                        .unwrap_or(self.text.size);
                    first.ops.push(Op::Text {
                        x,
                        baseline,
                        size: self.text.size,
                        style: self.text.style,
                        color: self.text.color,
                        text: label,
                        glyphs: shaped.glyphs.clone(),
                        marked: Marked::Content(leaf),
                    });
                    children.push(Node::Group(Tag::Lbl.into(), vec![Node::Leaf(leaf)]));
                }
            }
            children.push(Node::Group(Tag::LBody.into(), body));
            items.push(Node::Group(Tag::LI.into(), children));
        }
        Ok(Node::Group(Tag::L(numbering).into(), items))
    }

    /// Lays out inline content as lines, one chunk each, and returns the tags of its content: each run a leaf,
    /// each link a `Link` holding its annotations and its runs.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paragraph(
        &mut self,
        content: &[Inline],
        look: Look,
        align: Align,
        x: f32,
        width: f32,
        space_before: f32,
        out: &mut Vec<Chunk>,
    ) -> Vec<Node> {
        let (lines, goes) = self.lines(content, look, width);
        self.place_lines(&lines, &goes, look, align, x, width, space_before, out)
    }

    /// Inline content broken into lines, and where its links go.
    pub(super) fn lines(
        &mut self,
        content: &[Inline],
        look: Look,
        width: f32,
    ) -> (Vec<Line>, Vec<(Goes, String)>) {
        let mut spans = Vec::new();
        let mut goes = Vec::new();
        self.spans(content, look.style, None, &mut spans, &mut goes);
        (
            break_lines(&mut self.shaper, &spans, look.size, width.max(1.0)),
            goes,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn place_lines(
        &mut self,
        lines: &[Line],
        goes: &[(Goes, String)],
        look: Look,
        align: Align,
        x: f32,
        width: f32,
        space_before: f32,
        out: &mut Vec<Chunk>,
    ) -> Vec<Node> {
        let mut children: Vec<Node> = Vec::new();
        // Where each link's `Link` element sits among the children.
        let mut link_at: Vec<Option<usize>> = vec![None; goes.len()];
        let height = look.line_height();
        for (i, line) in lines.iter().enumerate() {
            let mut chunk = Chunk {
                space_before: if i == 0 { space_before } else { 0.0 },
                height,
                ..Chunk::default()
            };
            let shift = match align {
                Align::Start => 0.0,
                Align::End => (width - line.width).max(0.0),
            };
            // The baseline sits so that the line's ascent and descent share the leading.
            let baseline = height * 0.5 + look.size * 0.36;
            for run in &line.runs {
                let leaf = self.leaf();
                let color = if run.link.is_some() { LINK } else { look.color };
                chunk.ops.push(Op::Text {
                    x: x + shift + run.x,
                    baseline,
                    size: look.size,
                    style: run.style,
                    color,
                    text: run.text.clone(),
                    glyphs: run.glyphs.clone(),
                    marked: Marked::Content(leaf),
                });
                let Some(link) = run.link else {
                    children.push(Node::Leaf(leaf));
                    continue;
                };
                chunk.ops.push(Op::Rect {
                    x: x + shift + run.x,
                    y: baseline + look.size * 0.12,
                    w: run.width,
                    h: (look.size * 0.06).max(0.5),
                    color,
                });
                let annot = self.leaf();
                let (target, alt) = goes[link].clone();
                chunk.ops.push(Op::Link {
                    x: x + shift + run.x,
                    y: 0.0,
                    w: run.width,
                    h: height,
                    goes: target,
                    alt,
                    leaf: annot,
                });
                let at = *link_at[link].get_or_insert_with(|| {
                    children.push(Node::Group(Tag::Link.into(), Vec::new()));
                    children.len() - 1
                });
                if let Some(Node::Group(_, kids)) = children.get_mut(at) {
                    kids.push(Node::Leaf(annot));
                    kids.push(Node::Leaf(leaf));
                }
            }
            out.push(chunk);
        }
        children
    }

    /// Inline content flattened into spans, and its links resolved for a file away from the site.
    fn spans(
        &self,
        content: &[Inline],
        style: Style,
        link: Option<usize>,
        out: &mut Vec<Span>,
        goes: &mut Vec<(Goes, String)>,
    ) {
        for i in content {
            match i {
                Inline::Text(t) | Inline::Code(t) => out.push(Span {
                    text: t.clone(),
                    style,
                    link,
                    line_break: false,
                }),
                Inline::Strong(c) => self.spans(c, style.bold(), link, out, goes),
                Inline::Emphasis(c) => self.spans(
                    c,
                    Style {
                        italic: true,
                        ..style
                    },
                    link,
                    out,
                    goes,
                ),
                Inline::LineBreak => match out.last_mut() {
                    Some(last) => last.line_break = true,
                    None => out.push(Span {
                        text: String::new(),
                        style,
                        link,
                        line_break: true,
                    }),
                },
                Inline::Link(l) => self.link(l, style, link, out, goes),
            }
        }
    }

    fn link(
        &self,
        l: &Link,
        style: Style,
        outer: Option<usize>,
        out: &mut Vec<Span>,
        goes: &mut Vec<(Goes, String)>,
    ) {
        let target = match self.links.resolve(&l.target) {
            Resolved::Anchor(id) => Some(Goes::Anchor(id)),
            Resolved::Url(url) => Some(Goes::Url(url)),
            Resolved::Named(path) => {
                self.spans(&l.content, style, outer, out, goes);
                if let Some(suffix) = named_suffix(&l.content, &path) {
                    out.push(Span {
                        text: suffix,
                        style,
                        link: outer,
                        line_break: false,
                    });
                }
                None
            }
            Resolved::None => {
                self.spans(&l.content, style, outer, out, goes);
                None
            }
        };
        if let Some(target) = target {
            // A link inside a link (invalid HTML, but possible) is read as the outer one.
            if outer.is_some() {
                return self.spans(&l.content, style, outer, out, goes);
            }
            goes.push((target, plain(&l.content)));
            let index = goes.len() - 1;
            self.spans(&l.content, style, Some(index), out, goes);
        }
    }

    fn figure(
        &mut self,
        f: &Figure,
        x: f32,
        width: f32,
        out: &mut Vec<Chunk>,
        tags: &mut Vec<Node>,
    ) -> Result<(), Unreadable> {
        let tree = usvg::Tree::from_str(&f.svg, &self.svg_options).map_err(|e| Unreadable {
            chart: f.title.clone(),
            reason: e.to_string(),
        })?;
        let start = out.len();
        let title = self.paragraph(
            &[Inline::Text(f.title.clone())],
            bold(Look::BODY),
            Align::Start,
            x,
            width,
            GAP * 2.0,
            out,
        );
        tags.push(Node::Group(Tag::P.into(), title));
        if let Some(s) = &f.subtitle {
            let look = Look {
                size: SMALL,
                color: MUTED,
                ..Look::BODY
            };
            let sub = self.paragraph(
                &[Inline::Text(s.clone())],
                look,
                Align::Start,
                x,
                width,
                0.0,
                out,
            );
            tags.push(Node::Group(Tag::P.into(), sub));
        }
        for c in &mut out[start..] {
            c.keep_with_next = true;
        }
        if let Some(first) = out.get_mut(start) {
            first.anchors.extend(f.id.clone());
        }
        // The chart most of the column's width (its text then reads at about the body's size), less if that
        // would make it taller than a page can take.
        let size = tree.size();
        let mut w = width * 0.85;
        let mut h = w * size.height() / size.width();
        if h > self.max_chart_height {
            w *= self.max_chart_height / h;
            h = self.max_chart_height;
        }
        let leaf = self.leaf();
        out.push(Chunk {
            space_before: 4.0,
            height: h,
            ops: vec![Op::Svg {
                x,
                y: 0.0,
                w,
                h,
                tree: Arc::new(tree),
                marked: Marked::Content(leaf),
            }],
            ..Chunk::default()
        });
        let figure = Tag::Figure(Some(f.alt.clone()));
        tags.push(Node::Group(figure.into(), vec![Node::Leaf(leaf)]));
        if let Some(t) = &f.table {
            tags.push(self.table(t, x, width, out));
        }
        Ok(())
    }
}

/// Bold, as `look` is otherwise.
pub(super) fn bold(look: Look) -> Look {
    Look {
        style: look.style.bold(),
        ..look
    }
}

/// The first chunk from `start` on gets at most `space` above it.
fn tighten(out: &mut [Chunk], start: usize, space: f32) {
    if let Some(c) = out.get_mut(start) {
        c.space_before = c.space_before.min(space);
    }
}

/// Chunks stacked into one box (a table cell's content): their ops, moved to where they sit, and the height.
pub(super) fn stack(chunks: Vec<Chunk>) -> (Vec<Op>, f32, Vec<String>) {
    let mut ops = Vec::new();
    let mut anchors = Vec::new();
    let mut y = 0.0;
    for (i, c) in chunks.into_iter().enumerate() {
        if i > 0 {
            y += c.space_before;
        }
        ops.extend(c.ops.into_iter().map(|op| op.moved(0.0, y)));
        anchors.extend(c.anchors);
        y += c.height;
    }
    (ops, y, anchors)
}

/// Moves ops down by `dy` and right by `dx`.
pub(super) fn shift(ops: Vec<Op>, dx: f32, dy: f32) -> impl Iterator<Item = Op> {
    ops.into_iter().map(move |op| op.moved(dx, dy))
}
