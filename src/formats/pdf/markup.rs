//! A [`Document`] as Typst markup, the source Typst lays out into `report.pdf`.
//!
//! Every piece of text goes in as a Typst string (`#"..."`), never as markup, so nothing a landlord writes (an
//! asterisk, a `#`, a `<`) can be read as Typst syntax. The structure maps one to one onto Typst elements that its
//! PDF export tags for PDF/UA-1: headings (bookmarks, `H1`-`H6`), paragraphs, lists (`L`, `LI`, `Lbl`, `LBody`),
//! tables in a figure with their caption (`Table`, `Caption`, `TH` with a column or row scope, `TD`), each chart an
//! image with its text alternative (`Figure` with `/Alt`), links (`Link`), quotations (`BlockQuote`). Only the
//! look is set here (A4, Open Sans, sizes, rules): what the report says is the page's.

use std::fmt::Write as _;

use super::super::document::{Block, Document, Figure, Heading, Inline, Link, List};
use super::super::links::{named_suffix, Links, Resolved};
use super::world::FONT_FAMILY;

mod table;

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

/// The Typst source, and the files it reads (the charts, as `charts/<n>.svg`).
pub(crate) struct Markup {
    pub(crate) source: String,
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

/// Writes `doc` as Typst markup.
pub(crate) fn write(doc: &Document, links: &Links, meta: &Meta) -> Markup {
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        files: Vec::new(),
        links,
        level: 0,
    };
    w.preamble(meta);
    w.blocks(&doc.blocks);
    Markup {
        source: w.out,
        files: w.files,
    }
}

struct Writer<'a> {
    out: String,
    files: Vec<(String, Vec<u8>)>,
    links: &'a Links,
    /// The level of the last heading written, so that none skips a level (PDF/UA-1 forbids it).
    level: u8,
}

/// A Typst string literal.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text with a soft hyphen every so often in any word too long for a line (a 58-letter place name in a
/// landlord's name, say), so it can break rather than run off the page. A soft hyphen is invisible, and not in the
/// text a reader copies, unless the line breaks there; shorter words, and anything that is not all letters (an
/// address), are left as they are.
pub(crate) fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    const EVERY: usize = 12;
    if !text.split(' ').any(|w| long(w).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let words: Vec<String> = text
        .split(' ')
        .map(|w| {
            let Some(core) = long(w) else {
                return w.to_string();
            };
            let n = core.chars().count();
            let mut out = String::with_capacity(w.len() + n / EVERY * 2);
            for (i, c) in core.chars().enumerate() {
                if i > 0 && i % EVERY == 0 && n - i >= 4 {
                    out.push('\u{ad}');
                }
                out.push(c);
            }
            out.push_str(&w[core.len()..]);
            out
        })
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// A word, less any punctuation after it, that is all letters and longer than a line can hold.
fn long(word: &str) -> Option<&str> {
    const LONG: usize = 30;
    let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    (core.chars().count() > LONG && core.chars().all(char::is_alphabetic)).then_some(core)
}

/// Whether `id` can be written as a Typst label (`<id>`); redress's own ids always can.
fn label_safe(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// `en-GB` → `("en", Some("gb"))`, the language and region Typst takes; anything unreadable is English.
pub(crate) fn language(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts
        .next()
        .map(str::to_ascii_lowercase)
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()))
        .unwrap_or_else(|| "en".to_string());
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    (lang, region)
}

impl Writer<'_> {
    fn preamble(&mut self, meta: &Meta) {
        let (lang, region) = language(&meta.language);
        let region = region.map_or_else(String::new, |r| format!(", region: {}", string(&r)));
        let _ = write!(
            self.out,
            r##"#set document(title: {title}, author: {author}, date: none)
#set text(font: {font}, size: 10.5pt, lang: {lang}{region}, fill: rgb("#0b0c0c"))
#set page(paper: "a4", margin: (x: 2cm, top: 2cm, bottom: 2.4cm), footer: context text(size: 8.5pt)[#{footer} #h(1fr) Page #counter(page).display() of #counter(page).final().first()])
#set par(leading: 0.7em, spacing: 1.1em)
#set heading(numbering: none)
#show heading: set block(above: 1.5em, below: 0.7em, sticky: true)
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 2): set text(size: 15pt)
#show heading.where(level: 3): set text(size: 12.5pt)
#show heading.where(level: 4): set text(size: 11pt)
#show link: set text(fill: rgb("#1d4f91"))
#show link: underline
#set list(indent: 0.4em, spacing: 0.8em)
#set enum(indent: 0.4em, spacing: 0.8em)
#set table(stroke: 0.5pt + rgb("#6f777b"), inset: (x: 5pt, y: 4pt))
#set figure(numbering: none, gap: 0.6em)
#set figure.caption(position: top)
#show figure: set align(start)
#show figure.where(kind: table): set block(breakable: true)
#show figure.caption: set align(start)
#show figure.where(kind: table): set figure.caption(separator: none)
#show figure.caption.where(kind: table): set text(weight: "bold")
#show figure.caption: set block(sticky: true)
#show quote: set block(inset: (left: 1em))

"##,
            title = string(&meta.title),
            author = string(&meta.author),
            font = string(FONT_FAMILY),
            lang = string(&lang),
            footer = string(&breakable(&meta.footer)),
        );
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
            self.out.push_str("\n\n");
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Anchor(id) => self.anchor(id),
            Block::Heading(h) => self.heading(h),
            Block::Paragraph(content) => self.inline(content),
            Block::List(list) => self.list(list),
            Block::Terms(terms) => {
                self.out.push_str("#terms(");
                for t in terms {
                    self.out.push_str("terms.item[");
                    self.inline(&t.term);
                    self.out.push_str("][");
                    self.blocks(&t.description);
                    self.out.push_str("], ");
                }
                self.out.push(')');
            }
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f),
            Block::Notice(blocks) => {
                self.out.push_str(
                    "#block(width: 100%, inset: (left: 10pt, y: 6pt), stroke: (left: 4pt + rgb(\"#6f777b\")))[",
                );
                self.blocks(blocks);
                self.out.push(']');
            }
            Block::Quote(blocks) => {
                self.out.push_str("#quote(block: true)[");
                self.blocks(blocks);
                self.out.push(']');
            }
            Block::Downloads(d) => {
                // A download is a file of the site: it can be followed only from where the site lives.
                if !self.links.site_is_addressable() {
                    return;
                }
                let _ = write!(
                    self.out,
                    "#text(size: 9.5pt)[#{}",
                    string(&format!("{}: ", d.label))
                );
                for (i, l) in d.links.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str("#\", \"");
                    }
                    self.link(l);
                }
                self.out.push(']');
            }
        }
    }

    /// An invisible mark a link can go to.
    fn anchor(&mut self, id: &str) {
        if label_safe(id) {
            let _ = write!(self.out, "#metadata(none) <{id}>");
        }
    }

    fn heading(&mut self, h: &Heading) {
        let level = h.level.clamp(1, 6).min(self.level + 1);
        self.level = level;
        let _ = write!(self.out, "#heading(level: {level})[");
        self.inline(&h.content);
        self.out.push(']');
        if let Some(id) = h.id.as_deref().filter(|id| label_safe(id)) {
            let _ = write!(self.out, " <{id}>");
        }
    }

    fn list(&mut self, list: &List) {
        let func = if list.ordered { "enum" } else { "list" };
        self.out.push('#');
        self.out.push_str(func);
        self.out.push('(');
        if list.cards {
            // Cards are a list in the page's structure, each with its own heading: no bullets, more space.
            self.out
                .push_str("marker: [], indent: 0pt, body-indent: 0pt, spacing: 1.6em, ");
        }
        for item in &list.items {
            self.out.push('[');
            self.blocks(item);
            self.out.push_str("], ");
        }
        self.out.push(')');
    }

    fn inline(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Text(t) | Inline::Code(t) => {
                    self.out.push('#');
                    self.out.push_str(&string(&breakable(t)));
                }
                Inline::Strong(c) => {
                    self.out.push_str("#strong[");
                    self.inline(c);
                    self.out.push(']');
                }
                Inline::Emphasis(c) => {
                    self.out.push_str("#emph[");
                    self.inline(c);
                    self.out.push(']');
                }
                Inline::Link(l) => self.link(l),
                Inline::LineBreak => self.out.push_str("#linebreak()"),
            }
        }
    }

    fn link(&mut self, link: &Link) {
        match self.links.resolve(&link.target) {
            Resolved::Anchor(id) if label_safe(&id) => {
                let _ = write!(self.out, "#link(<{id}>)[");
                self.inline(&link.content);
                self.out.push(']');
            }
            Resolved::Url(url) => {
                let _ = write!(self.out, "#link({})[", string(&url));
                self.inline(&link.content);
                self.out.push(']');
            }
            Resolved::Named(path) => {
                self.inline(&link.content);
                if let Some(suffix) = named_suffix(&link.content, &path) {
                    self.out.push('#');
                    self.out.push_str(&string(&suffix));
                }
            }
            Resolved::Anchor(_) | Resolved::None => self.inline(&link.content),
        }
    }

    fn figure(&mut self, f: &Figure) {
        let path = format!("charts/{}.svg", self.files.len() + 1);
        self.files.push((path.clone(), f.svg.clone().into_bytes()));
        self.out.push_str("#figure(caption: [#strong[");
        self.out.push('#');
        self.out.push_str(&string(&breakable(&f.title)));
        self.out.push(']');
        if let Some(s) = &f.subtitle {
            let _ = write!(self.out, "#linebreak()#{}", string(s));
        }
        let _ = write!(
            self.out,
            "], image({}, format: \"svg\", width: 70%, alt: {}))",
            string(&path),
            string(&f.alt)
        );
        if let Some(id) = f.id.as_deref().filter(|id| label_safe(id)) {
            let _ = write!(self.out, " <{id}>");
        }
        if let Some(t) = &f.table {
            self.out.push_str("\n\n");
            self.table(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_cannot_break_out_into_markup() {
        assert_eq!(
            string("a \"quote\" and \\ back"),
            r#""a \"quote\" and \\ back""#
        );
        assert_eq!(string("line\nnext"), r#""line\nnext""#);
        assert_eq!(
            string("*not bold* #not-code <not-label>"),
            "\"*not bold* #not-code <not-label>\""
        );
    }

    #[test]
    fn language_tags_become_typst_language_and_region() {
        assert_eq!(language("en-GB"), ("en".into(), Some("gb".into())));
        assert_eq!(language("cy"), ("cy".into(), None));
        assert_eq!(language("en-Latn-GB"), ("en".into(), Some("gb".into())));
        assert_eq!(language(""), ("en".into(), None));
    }

    #[test]
    fn only_words_too_long_for_a_line_get_soft_hyphens() {
        assert_eq!(breakable("Ashmere Homes"), "Ashmere Homes");
        let place = "Llanfairpwllgwyngyllgogerychwyrndrobwll";
        let name = format!("The {place} Trust, {place}.");
        let broken = breakable(&name);
        assert_eq!(broken.replace('\u{ad}', ""), name);
        assert_eq!(broken.matches('\u{ad}').count(), 4);
        let url = "https://www.example.org/a-very-long-address/with/many/parts";
        assert_eq!(breakable(url), url);
    }

    #[test]
    fn only_plain_ids_become_labels() {
        assert!(label_safe("provision-5-10"));
        assert!(label_safe("self_assessment_summary"));
        assert!(!label_safe("a b"));
        assert!(!label_safe("x>y"));
    }
}
