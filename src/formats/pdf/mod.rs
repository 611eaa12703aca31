//! `report.pdf`: the full report as a tagged PDF/UA-1 document, laid out by Typst.
//!
//! [`markup`] writes the [`Document`] as Typst markup; [`Job::compile`] lays it out
//! with the `typst` crate and exports it with `typst-pdf`, which tags the structure (headings, paragraphs, lists,
//! tables with header cells and their scope, figures with their text alternative, links), writes the document
//! title and language, a bookmark per heading, and the PDF/UA-1 identifier, and refuses to write a PDF that breaks
//! PDF/UA-1's rules it can check (a skipped heading level, an image without alternative text). The output is a pure
//! function of the job: no clock, no system fonts, a document identifier made from the job's title, so the same
//! inputs give the same bytes.
//!
//! Making the PDF is the slow part of a build (see BENCHMARKS.md), so a [`Job`] is a value: `build` and `check`
//! compile it at once, `serve` keeps it and compiles it only when the PDF is asked for.

mod markup;
mod world;

use std::panic::{catch_unwind, AssertUnwindSafe};

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::WorldExt;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diagnostics::Diagnostic;

pub(crate) use markup::Meta;

use super::document::Document;
use super::links::Links;

/// Everything needed to make the PDF, and nothing that changes between two builds of the same inputs.
#[derive(Clone)]
pub(crate) struct Job {
    meta: Meta,
    source: String,
    files: Vec<(String, Vec<u8>)>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("title", &self.meta.title)
            .field("source_bytes", &self.source.len())
            .field("files", &self.files.len())
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
        let markup = markup::write(doc, links, &meta);
        Job {
            meta,
            source: markup.source,
            files: markup.files,
        }
    }

    /// The Typst source, for tests and for looking into a failure.
    #[cfg(test)]
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Lays out and exports the PDF. A failure is a diagnostic, never a panic: Typst's own panics are caught too.
    pub(crate) fn compile(&self) -> Result<Pdf, Box<Diagnostic>> {
        let result = catch_unwind(AssertUnwindSafe(|| self.compile_inner()));
        // Typst keeps memoised results between compilations; in a long `serve` session only recent ones help.
        typst::comemo::evict(4);
        match result {
            Ok(r) => r,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(failure(format!("Typst stopped unexpectedly: {what}")))
            }
        }
    }

    fn compile_inner(&self) -> Result<Pdf, Box<Diagnostic>> {
        let world = world::ReportWorld::new(&self.source, &self.files);
        let warned = typst::compile::<PagedDocument>(&world);
        let document = warned
            .output
            .map_err(|errors| failure(describe(&world, &self.source, &errors)))?;
        let standards = PdfStandards::new(&[PdfStandard::Ua_1])
            .map_err(|e| failure(format!("PDF/UA-1 is not available: {}", e.message())))?;
        let options = PdfOptions {
            // A stable identity: the same report keeps its document ID from build to build.
            ident: Smart::Custom(format!("redress {}", self.meta.title)),
            creator: Smart::Custom(Some(format!(
                "redress {} (Typst 0.15)",
                env!("CARGO_PKG_VERSION")
            ))),
            timestamp: None,
            standards,
            tagged: true,
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&document, &options)
            .map_err(|errors| failure(describe(&world, &self.source, &errors)))?;
        Ok(Pdf {
            bytes,
            pages: document.pages().len(),
        })
    }
}

/// The diagnostic for a PDF that could not be made.
fn failure(detail: String) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(format!("report.pdf could not be made: {detail}")).help(
        "report.pdf is made from report.html; if a template override changed that page, check the change, \
         otherwise this is a fault in redress: please report it with this message",
    ))
}

/// Typst's errors in words, each with the heading of the part of the report it was laying out.
fn describe(world: &world::ReportWorld, source: &str, errors: &[SourceDiagnostic]) -> String {
    let mut parts = Vec::new();
    for e in errors.iter().filter(|e| e.severity == Severity::Error) {
        let mut part = e.message.to_string();
        for hint in &e.hints {
            part.push_str(&format!(" ({})", hint.v));
        }
        if let Some(heading) = world
            .range(e.span)
            .and_then(|r| heading_before(source, r.start))
        {
            part.push_str(&format!(", in the part headed \"{heading}\""));
        }
        parts.push(part);
    }
    if parts.is_empty() {
        "Typst gave no reason".to_string()
    } else {
        parts.join("; ")
    }
}

/// The text of the last heading written before byte `at` of the markup, to say where in the report a problem is
/// (the markup itself is redress's, not the user's, so quoting it would not help).
fn heading_before(source: &str, at: usize) -> Option<String> {
    const START: &str = ")[#\"";
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let head = source[..at].rfind("#heading(level: ")?;
    let rest = &source[head..];
    let text = &rest[rest.find(START)? + START.len()..];
    let end = text.find("\"]")?;
    Some(text[..end].replace("\\\"", "\"").replace("\\\\", "\\"))
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

    #[test]
    fn the_embedded_fonts_load() {
        assert_eq!(world::font_count(), 4);
    }

    #[test]
    fn a_skipped_heading_level_is_closed_up_rather_than_refused() {
        let doc = Document {
            blocks: vec![heading(1, "Report"), heading(3, "Deep")],
        };
        let links = Links::new(&doc, "report.html", None);
        let job = Job::new(&doc, &links, meta());
        assert!(job.source().contains("#heading(level: 2)[#\"Deep\"]"));
        let pdf = job.compile().expect("a PDF");
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        assert_eq!(pdf.pages, 1);
    }

    #[test]
    fn text_that_looks_like_typst_is_printed_not_run() {
        let doc = Document {
            blocks: vec![
                heading(1, "Report"),
                Block::Paragraph(vec![Inline::Text(
                    "#panic(\"no\") *not bold* $x$ <label> @ref \\ ] [".into(),
                )]),
            ],
        };
        let links = Links::new(&doc, "report.html", None);
        let pdf = Job::new(&doc, &links, meta()).compile().expect("a PDF");
        assert!(pdf.bytes.len() > 1000);
    }
}
