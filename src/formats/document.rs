//! A small document tree: what a rendered page says, without how the theme draws it.
//!
//! [`super::parse`] builds it from a page's `<main>`; [`super::text`] and [`super::pdf`] write it out, and so can
//! the CMS export's fragments (`crate::export::cms`). It keeps exactly the structure a reader needs and an
//! accessible document must carry: headings with their levels and ids (for bookmarks and links), paragraphs of
//! inline text with links and emphasis, lists, tables with their caption and which cells are headers of which
//! row or column (WCAG 2.2 1.3.1 Info and Relationships), charts with their text alternative (1.1.1 Non-text
//! Content) beside their table of figures, and notices. Classes, layout and script are gone; nothing here knows
//! HTML or any output format.

/// A page's content, in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Document {
    /// The blocks of the page's `<main>`.
    pub(crate) blocks: Vec<Block>,
}

/// A block of content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A place a link can go to: the `id` of a section or other container, where its content starts.
    Anchor(String),
    /// A heading, `<h1>` to `<h6>`.
    Heading(Heading),
    /// A paragraph of inline content (also any run of inline content that sits directly in a block).
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list.
    List(List),
    /// Terms and their descriptions (`<dl>`).
    Terms(Vec<Term>),
    /// A table of figures or text.
    Table(Table),
    /// A chart with its table of figures.
    Figure(Figure),
    /// Content set apart from the text around it (an inset or a notice).
    Notice(Vec<Block>),
    /// A quotation.
    Quote(Vec<Block>),
    /// Links to download the data behind the table or list before it.
    Downloads(Downloads),
}

/// A heading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Heading {
    /// 1 to 6.
    pub(crate) level: u8,
    /// Its `id`, or the id of the section it titles, so links to either land on it.
    pub(crate) id: Option<String>,
    /// Its text.
    pub(crate) content: Vec<Inline>,
}

/// A list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct List {
    /// Numbered (`<ol>`) rather than bulleted.
    pub(crate) ordered: bool,
    /// Each item is a heading and text of its own (a list of cards), so it reads better without bullets.
    pub(crate) cards: bool,
    /// The items, each a sequence of blocks.
    pub(crate) items: Vec<Vec<Block>>,
}

/// A term and its description.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    /// The term (`<dt>`).
    pub(crate) term: Vec<Inline>,
    /// The description (`<dd>`).
    pub(crate) description: Vec<Block>,
}

/// A table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// Its `id`, or the id of the figure it belongs to.
    pub(crate) id: Option<String>,
    /// The caption; every table the theme renders has one.
    pub(crate) caption: Vec<Inline>,
    /// The header rows (`<thead>`).
    pub(crate) head: Vec<Row>,
    /// The body rows, with any footer rows after them.
    pub(crate) body: Vec<Row>,
}

impl Table {
    /// The number of columns: the widest row, counting spans.
    pub(crate) fn columns(&self) -> usize {
        self.head
            .iter()
            .chain(&self.body)
            .map(|r| r.cells.iter().map(|c| usize::from(c.colspan.max(1))).sum())
            .max()
            .unwrap_or(0)
    }

    /// For each of `columns` columns, whether it holds figures: every non-empty body cell in it is numeric (and
    /// there is one), and no body cell in it is a header. The PDF and the text right-align these, heading
    /// included, so digits line up.
    pub(crate) fn numeric_columns(&self, columns: usize) -> Vec<bool> {
        let mut numeric = vec![true; columns];
        let mut seen = vec![false; columns];
        for row in &self.body {
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
}

/// A table row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// Its `id` (a provision's row, say), so links to it land on it.
    pub(crate) id: Option<String>,
    /// The cells, in order.
    pub(crate) cells: Vec<Cell>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// `Some` for a header cell (`<th>`), with what it is the header of.
    pub(crate) header: Option<Scope>,
    /// The cell holds a figure, to be right-aligned so digits line up.
    pub(crate) numeric: bool,
    /// Columns spanned (1 or more).
    pub(crate) colspan: u16,
    /// Rows spanned (1 or more).
    pub(crate) rowspan: u16,
    /// The content.
    pub(crate) blocks: Vec<Block>,
}

/// What a header cell labels (the HTML `scope` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The cells below it (`scope="col"`, and a header cell in `<thead>` with no scope).
    Column,
    /// The cells beside it (`scope="row"`, and a header cell in the body with no scope).
    Row,
}

/// A chart and the table of its figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// Its `id`.
    pub(crate) id: Option<String>,
    /// The chart's title, which states its finding.
    pub(crate) title: String,
    /// What is measured, where and when.
    pub(crate) subtitle: Option<String>,
    /// The chart's text alternative: its title and its description (the SVG's `<title>` and `<desc>`), which
    /// give every figure in a sentence.
    pub(crate) alt: String,
    /// The chart as an SVG document (the widest drawing the page has).
    pub(crate) svg: String,
    /// The narrowest drawing, when the page has more than one (drawn for a phone's width): a page with no
    /// stylesheet to choose between them, such as a CMS fragment, shows this one, which fits any screen at the
    /// page's text size.
    pub(crate) narrow_svg: Option<String>,
    /// The same figures as a table.
    pub(crate) table: Option<Table>,
}

/// Download links.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Downloads {
    /// What they are, e.g. "Download this table".
    pub(crate) label: String,
    /// One link per file.
    pub(crate) links: Vec<Link>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// Text, with HTML's white space already collapsed.
    Text(String),
    /// Strong importance (`<strong>`, `<b>`).
    Strong(Vec<Inline>),
    /// Emphasis (`<em>`, `<i>`).
    Emphasis(Vec<Inline>),
    /// Code or a literal value.
    Code(String),
    /// A link.
    Link(Link),
    /// A forced line break (`<br>`).
    LineBreak,
}

/// A link.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    /// Where it goes.
    pub(crate) target: Target,
    /// Its text.
    pub(crate) content: Vec<Inline>,
}

/// Where a link goes, classified once so each format can decide what a reader of it can follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A place in the same page (`#id`).
    Anchor(String),
    /// Another file of the site, by its path from the site's root (`performance.html`, `data/ch01.csv`), with a
    /// fragment if it has one.
    Site {
        /// The path, `/`-separated, from the site's root.
        path: String,
        /// The part after `#`.
        fragment: Option<String>,
    },
    /// Anywhere else: a full URL, `mailto:` or `tel:`.
    External(String),
}

/// The plain text of inline content, as a reader would read it out.
pub(crate) fn plain(content: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(content, &mut out);
    out
}

fn push_plain(content: &[Inline], out: &mut String) {
    for i in content {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) => push_plain(c, out),
            Inline::Link(l) => push_plain(&l.content, out),
            Inline::LineBreak => out.push('\n'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_reads_through_emphasis_and_links() {
        let content = vec![
            Inline::Text("We ".into()),
            Inline::Strong(vec![Inline::Text("met".into())]),
            Inline::Text(" the ".into()),
            Inline::Link(Link {
                target: Target::Anchor("code".into()),
                content: vec![Inline::Emphasis(vec![Inline::Text("Code".into())])],
            }),
        ];
        assert_eq!(plain(&content), "We met the Code");
    }

    #[test]
    fn columns_count_spans() {
        let cell = |colspan| Cell {
            header: None,
            numeric: false,
            colspan,
            rowspan: 1,
            blocks: vec![],
        };
        let table = Table {
            id: None,
            caption: vec![],
            head: vec![Row {
                id: None,
                cells: vec![cell(2), cell(1)],
            }],
            body: vec![Row {
                id: None,
                cells: vec![cell(1)],
            }],
        };
        assert_eq!(table.columns(), 3);
    }
}
