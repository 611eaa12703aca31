//! `report.pdf`: the full report as a tagged PDF/UA-1 document, laid out by redress and written by krilla.
//!
//! redress lays out its own small [`Document`] tree: [`fonts`] shapes text in the embedded Open Sans,
//! [`lines`] breaks it into lines by measured widths, [`layout`] (with [`table`]) stacks headings, paragraphs,
//! lists, tables and charts into a column of chunks and builds the tag tree beside them, and [`paginate`] cuts
//! the column into A4 pages. [`Job::compile`] then draws the pages with `krilla` (the charts as vectors,
//! [`chart`]), and hands krilla the tag tree, a bookmark per heading, the links as annotations, the title and
//! language; krilla writes the PDF/UA-1 identifier and refuses to write a file that breaks the rules of PDF/UA-1
//! it can check (a figure without alternative text, a heading without a title, a missing glyph). The output is
//! a pure function of the job: no clock, no system fonts, a document identifier made from the title, so the same
//! inputs give the same bytes.
//!
//! A [`Job`] is a value: `build` and `check` compile it at once, `serve` keeps it and compiles it only when the
//! PDF is asked for. Typst was used here before, and rejected for its cost: see BENCHMARKS.md.

mod chart;
mod fonts;
mod layout;
mod lines;
mod paginate;
mod table;

use std::panic::{catch_unwind, AssertUnwindSafe};

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag, TagGroup, TagTree};
use krilla::{Document as PdfDocument, SerializeSettings};

use crate::diagnostics::Diagnostic;

use super::document::Document;
use super::links::Links;
use fonts::Shaper;
use layout::{Marked, Node, Op, Rgb};
use lines::Goes;
use paginate::{Page, BODY_HEIGHT, COLUMN, PAGE_HEIGHT, PAGE_WIDTH};

/// What the PDF needs beyond the page's content.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    /// The document title (PDF/UA-1 requires one, shown in the reader's title bar).
    pub(crate) title: String,
    /// Who published it.
    pub(crate) author: String,
    /// The language tag, e.g. `en-GB`.
    pub(crate) language: String,
    /// A line for the foot of every page, e.g. "Ashmere Homes: complaints report 2025-26".
    pub(crate) footer: String,
}

/// Everything needed to make the PDF, and nothing that changes between two builds of the same inputs.
#[derive(Clone)]
pub(crate) struct Job {
    meta: Meta,
    doc: Document,
    links: Links,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("title", &self.meta.title)
            .field("blocks", &self.doc.blocks.len())
            .finish()
    }
}

/// What a compiled PDF is: its bytes and its number of pages.
#[derive(Debug, Clone)]
pub(crate) struct Pdf {
    /// The file.
    pub(crate) bytes: Vec<u8>,
    /// Its pages.
    pub(crate) pages: usize,
}

impl Job {
    /// The job for `doc`.
    pub(crate) fn new(doc: &Document, links: &Links, meta: Meta) -> Job {
        Job {
            meta,
            doc: doc.clone(),
            links: links.clone(),
        }
    }

    /// Lays out and writes the PDF. A failure is a diagnostic, never a panic: a panic in a library is caught too.
    pub(crate) fn compile(&self) -> Result<Pdf, Box<Diagnostic>> {
        match catch_unwind(AssertUnwindSafe(|| self.compile_inner())) {
            Ok(r) => r,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(failure(format!(
                    "the PDF writer stopped unexpectedly: {what}"
                )))
            }
        }
    }

    fn compile_inner(&self) -> Result<Pdf, Box<Diagnostic>> {
        if !fonts::available() {
            return Err(failure("the embedded fonts could not be read".into()));
        }
        let laid =
            layout::lay_out(&self.doc, &self.links, COLUMN, BODY_HEIGHT * 0.6).map_err(|e| {
                failure(format!(
                    "the chart \"{}\" could not be read ({})",
                    e.chart, e.reason
                ))
            })?;
        let tags = laid.tags.clone();
        let leaves = laid.leaves;
        let mut shaper = Shaper::new();
        let pages = paginate::paginate(laid, &mut shaper, &self.meta.footer);
        let count = pages.len();
        let bytes = self.write(&pages, tags, leaves)?;
        Ok(Pdf {
            bytes,
            pages: count,
        })
    }

    /// Draws the pages with krilla and writes the file.
    fn write(
        &self,
        pages: &[Page],
        tags: Vec<Node>,
        leaves: usize,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| failure(format!("PDF/UA-1 is not available: {e:?}")))?;
        let settings = SerializeSettings {
            configuration,
            enable_tagging: true,
            ..SerializeSettings::default()
        };
        let mut pdf = PdfDocument::new_with(settings);
        // Where each id of the document is, for links to it: the page and how far down.
        let places: std::collections::HashMap<&str, (usize, f32)> = pages
            .iter()
            .enumerate()
            .flat_map(|(n, p)| p.anchors.iter().map(move |(id, y)| (id.as_str(), (n, *y))))
            .rev()
            .collect();
        let mut ids: Vec<Option<Identifier>> = vec![None; leaves];
        let page_size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| failure("the page size is not valid".into()))?;
        for page in pages {
            let mut p = pdf.start_page_with(page_size.clone());
            let mut surface = p.surface();
            for op in &page.ops {
                draw(&mut surface, op, &mut ids);
            }
            surface.finish();
            for op in &page.ops {
                let Op::Link {
                    x,
                    y,
                    w,
                    h,
                    goes,
                    alt,
                    leaf,
                } = op
                else {
                    continue;
                };
                let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.1), h.max(0.1)) else {
                    continue;
                };
                let target = match goes {
                    Goes::Url(url) => Target::Action(Action::Link(LinkAction::new(url.clone()))),
                    Goes::Anchor(id) => match places.get(id.as_str()) {
                        Some((n, y)) => Target::Destination(Destination::Xyz(XyzDestination::new(
                            *n,
                            Point::from_xy(0.0, *y),
                        ))),
                        None => continue,
                    },
                };
                let annotation =
                    Annotation::new_link(LinkAnnotation::new(rect, target), Some(alt.clone()));
                ids[*leaf] = Some(p.add_tagged_annotation(annotation));
            }
            p.finish();
        }
        let mut tree = TagTree::new().with_lang(Some(self.meta.language.clone()));
        for node in tags {
            if let Some(n) = tag_node(node, &ids) {
                tree.push(n);
            }
        }
        pdf.set_tag_tree(tree);
        pdf.set_outline(outline(pages));
        pdf.set_metadata(
            Metadata::new()
                .title(self.meta.title.clone())
                .authors(vec![self.meta.author.clone()])
                .language(self.meta.language.clone())
                .creator(format!("redress {}", env!("CARGO_PKG_VERSION")))
                // A stable identity: the same report keeps its document ID from build to build.
                .document_id(format!("redress {}", self.meta.title)),
        );
        pdf.finish()
            .map_err(|e| failure(format!("the PDF writer refused it: {e:?}")))
    }
}

/// The tag tree node for krilla, with each leaf the identifier its content was drawn with. A leaf that was
/// never drawn (nothing on any page) is left out, and so is a group left empty.
fn tag_node(node: Node, ids: &[Option<Identifier>]) -> Option<krilla::tagging::Node> {
    match node {
        Node::Leaf(leaf) => ids.get(leaf).cloned().flatten().map(Into::into),
        Node::Group(kind, children) => {
            let children: Vec<_> = children
                .into_iter()
                .filter_map(|c| tag_node(c, ids))
                .collect();
            (!children.is_empty()).then(|| TagGroup::with_children(kind, children).into())
        }
    }
}

fn draw(surface: &mut Surface<'_>, op: &Op, ids: &mut [Option<Identifier>]) {
    let (marked, what) = match op {
        Op::Text { marked, .. } | Op::Svg { marked, .. } => (*marked, true),
        Op::Rect { .. } => (Marked::Artifact, false),
        Op::Link { .. } => return,
    };
    let id = match (marked, what) {
        (Marked::Content(_), _) => {
            let tag = match op {
                Op::Svg { .. } => ContentTag::Other,
                _ => ContentTag::Span(SpanTag::empty()),
            };
            Some(surface.start_tagged(tag))
        }
        (Marked::Footer, _) => {
            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::Footer,
                None,
            )));
            None
        }
        (Marked::Artifact, true) => {
            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::PaginationOther,
                None,
            )));
            None
        }
        (Marked::Artifact, false) => {
            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::Layout,
                None,
            )));
            None
        }
    };
    match op {
        Op::Text {
            x,
            baseline,
            size,
            style,
            color,
            text,
            glyphs,
            ..
        } => {
            surface.set_fill(Some(fill(*color)));
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                glyphs,
                Shaper::font(*style),
                text,
                *size,
                false,
            );
        }
        Op::Rect { x, y, w, h, color } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                if let Some(path) = path.finish() {
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_path(&path);
                }
            }
        }
        Op::Svg {
            x, y, w, h, tree, ..
        } => {
            if let Some(size) = Size::from_wh(*w, *h) {
                chart::draw(surface, tree, *x, *y, size);
            }
        }
        Op::Link { .. } => {}
    }
    surface.end_tagged();
    if let (Some(id), Marked::Content(leaf)) = (id, marked) {
        if let Some(slot) = ids.get_mut(leaf) {
            *slot = Some(id);
        }
    }
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// The bookmarks: one per heading, nested by level.
fn outline(pages: &[Page]) -> Outline {
    // The open branch: each level's node, to which deeper headings are added.
    let mut stack: Vec<(u8, OutlineNode)> = Vec::new();
    let mut outline = Outline::new();
    let close = |stack: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline, level: u8| {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let Some((_, node)) = stack.pop() else { break };
            match stack.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for (n, page) in pages.iter().enumerate() {
        for (level, title, y) in &page.bookmarks {
            close(&mut stack, &mut outline, *level);
            let node = OutlineNode::new(
                title.clone(),
                XyzDestination::new(n, Point::from_xy(0.0, *y)),
            );
            stack.push((*level, node));
        }
    }
    close(&mut stack, &mut outline, 0);
    outline
}

/// The diagnostic for a PDF that could not be made.
fn failure(detail: String) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(format!("report.pdf could not be made: {detail}")).help(
        "report.pdf is made from report.html; if a template override changed that page, check the change, \
         otherwise this is a fault in redress: please report it with this message",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::document::{Block, Heading, Inline};

    fn meta() -> Meta {
        Meta {
            title: "A report".into(),
            author: "A landlord".into(),
            language: "en-GB".into(),
            footer: "A landlord: a report".into(),
        }
    }

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading(Heading {
            level,
            id: None,
            content: vec![Inline::Text(text.into())],
        })
    }

    fn compile(blocks: Vec<Block>) -> Pdf {
        let doc = Document { blocks };
        let links = Links::new(&doc, "report.html", None);
        Job::new(&doc, &links, meta()).compile().expect("a PDF")
    }

    #[test]
    fn a_skipped_heading_level_is_closed_up_rather_than_refused() {
        let pdf = compile(vec![heading(1, "Report"), heading(3, "Deep")]);
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        assert_eq!(pdf.pages, 1);
        let raw = String::from_utf8_lossy(&pdf.bytes);
        assert!(raw.contains("/H2"), "the level-3 heading is written as H2");
        assert!(!raw.contains("/H3"));
    }

    #[test]
    fn a_long_document_runs_onto_numbered_pages_and_compiles_the_same_twice() {
        let para = Block::Paragraph(vec![Inline::Text("All work and no play. ".repeat(40))]);
        let blocks: Vec<Block> = std::iter::once(heading(1, "Report"))
            .chain(std::iter::repeat_n(para, 30))
            .collect();
        let one = compile(blocks.clone());
        assert!(one.pages > 3, "{} pages", one.pages);
        assert!(
            one.bytes == compile(blocks).bytes,
            "two compilations differ"
        );
    }

    #[test]
    fn a_character_the_font_lacks_is_not_a_failure() {
        let pdf = compile(vec![
            heading(1, "Report"),
            Block::Paragraph(vec![Inline::Text("Smile \u{1F600} and \u{4E2D}".into())]),
        ]);
        assert_eq!(pdf.pages, 1);
    }
}
