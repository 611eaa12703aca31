//! The report in other formats: `report.pdf` (tagged PDF/UA-1) and `report.txt` (plain text), made from the
//! rendered full-report page.
//!
//! This stage sits between [`crate::render`] and the checks and output. Its one input is `report.html` as the
//! theme rendered it: [`parse`] reads the page's `<main>` into a small [`document`] tree (headings, paragraphs,
//! lists, tables with their header cells, charts with their text alternative and table, notices), and [`text`] and
//! [`pdf`] write that tree out. So the page, the PDF and the text say the same thing by construction, a site's
//! template override shows in all three, and the PDF can never say something the page does not. [`links`] decides
//! what a link becomes in a file read away from the site. The CMS export (`crate::export::cms`, a later stage) reads
//! every page into the same tree and writes it back out as plain HTML fragments.
//!
//! A link to these formats from the page itself (a block with the class `rd-formats`) is left out of them.

pub(crate) mod cache;
pub(crate) mod document;
mod inline;
pub(crate) mod links;
pub(crate) mod parse;
pub(crate) mod pdf;
pub(crate) mod text;

use crate::diagnostics::Diagnostic;
use crate::model::Report;
use crate::render::OutputFile;

/// The page the formats are made from.
pub(crate) const REPORT_PAGE: &str = "report.html";
/// The PDF's path in the site.
pub(crate) const REPORT_PDF: &str = "report.pdf";
/// The plain text's path in the site.
pub(crate) const REPORT_TEXT: &str = "report.txt";

/// When the formats are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// With the rest of the site: `build` and `check`.
    Now,
    /// Only when they are asked for: `serve`, so a save never waits for them.
    Later,
}

/// What the formats need from the report besides its page: cheap to make and to keep.
#[derive(Debug, Clone)]
pub(crate) struct Formats {
    base_url: Option<String>,
    meta: pdf::Meta,
}

impl Formats {
    /// The formats of `report`'s full-report page.
    pub(crate) fn new(report: &Report) -> Formats {
        let landlord = &report.site.landlord.name;
        let title = report.site.title();
        Formats {
            base_url: report.site.base_url.clone(),
            meta: pdf::Meta {
                title: format!("{title} - {landlord}"),
                author: landlord.clone(),
                language: report.site.language.clone(),
                footer: format!("{landlord}: {title}"),
            },
        }
    }

    /// The key `report.pdf` made from `page` is cached by (see [`cache`]).
    pub(crate) fn key(&self, page: &[u8]) -> String {
        let m = &self.meta;
        let base = self.base_url.as_deref().unwrap_or("");
        cache::key(page, &[&m.title, &m.author, &m.language, &m.footer, base])
    }

    /// Reads the rendered full-report page: `report.txt` at once, and the job that makes `report.pdf`.
    pub(crate) fn make(&self, page: &[u8]) -> (Vec<u8>, pdf::Job) {
        let html = String::from_utf8_lossy(page);
        let doc = parse::parse_main(&html);
        let links = links::Links::new(&doc, REPORT_PAGE, self.base_url.as_deref());
        let text = text::write(&doc, &links);
        let job = pdf::Job::new(&doc, &links, self.meta.clone());
        (text.into_bytes(), job)
    }
}

/// What [`add_report_formats`] did.
#[derive(Debug, Default)]
pub(crate) struct Added {
    /// What makes the formats later ([`When::Later`]).
    pub(crate) later: Option<Formats>,
    /// Why the PDF could not be made.
    pub(crate) failure: Option<Diagnostic>,
    /// The line for the output folder's marker that lets the next build reuse this PDF (see [`cache`]).
    pub(crate) cache_note: Option<String>,
}

/// Adds `report.txt` and `report.pdf` to the site's files now, or, with [`When::Later`], returns what makes them
/// when they are asked for. With `last`, what the last build left in the output folder, its `report.pdf` is reused
/// when it was made from the same inputs (see [`cache`]). A PDF that cannot be made is a diagnostic. Nothing is
/// made when the site has no full-report page (a theme that dropped it).
pub(crate) fn add_report_formats(
    report: &Report,
    files: &mut Vec<OutputFile>,
    when: When,
    last: Option<&cache::LastBuild>,
) -> Added {
    let formats = Formats::new(report);
    let Some(page) = files.iter().find(|f| f.path == REPORT_PAGE) else {
        return Added::default();
    };
    if when == When::Later {
        return Added {
            later: Some(formats),
            ..Added::default()
        };
    }
    let key = formats.key(&page.bytes);
    let reused = last.and_then(|last| cache::reuse(last, &key));
    let (text, pdf) = match reused {
        Some(cache::Reused {
            pdf,
            text: Some(text),
        }) => (text, Ok(pdf)),
        Some(cache::Reused { pdf, text: None }) => (formats.make(&page.bytes).0, Ok(pdf)),
        None => {
            let (text, job) = formats.make(&page.bytes);
            (text, job.compile().map(|pdf| pdf.bytes))
        }
    };
    let note = pdf.as_ref().ok().map(|pdf| cache::note(&key, pdf, &text));
    files.push(OutputFile {
        path: REPORT_TEXT.into(),
        bytes: text,
    });
    match pdf {
        Ok(bytes) => {
            files.push(OutputFile {
                path: REPORT_PDF.into(),
                bytes,
            });
            Added {
                cache_note: note,
                ..Added::default()
            }
        }
        Err(d) => Added {
            failure: Some(*d),
            ..Added::default()
        },
    }
}
