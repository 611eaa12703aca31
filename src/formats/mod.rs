//! The report in other formats: `report.pdf` (tagged PDF/UA-1) and `report.txt` (plain text), made from the
//! rendered full-report page.
//!
//! This stage sits between [`crate::render`] and the checks and output. Its one input is `report.html` as the
//! theme rendered it: [`parse`] reads the page's `<main>` into a small [`document`] tree (headings, paragraphs,
//! lists, tables with their header cells, charts with their text alternative and table, notices), and [`text`] and
//! [`pdf`] write that tree out. So the page, the PDF and the text say the same thing by construction, a site's
//! template override shows in all three, and the PDF can never say something the page does not. [`links`] decides
//! what a link becomes in a file read away from the site. A later format (the CMS fragments) reads pages the same
//! way.
//!
//! A link to these formats from the page itself (a block with the class `rd-formats`) is left out of them.

pub(crate) mod document;
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

/// When the PDF is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PdfWhen {
    /// With the rest of the site: `build` and `check`.
    Now,
    /// Only when it is asked for: `serve`, so a save never waits for it.
    Later,
}

/// The report's other formats: the text, made at once, and the PDF's job.
#[derive(Debug)]
pub(crate) struct ReportFormats {
    /// `report.txt`.
    pub(crate) text: OutputFile,
    /// What makes `report.pdf`.
    pub(crate) pdf: pdf::Job,
}

/// The formats of the full-report page among `files`; `None` when the site has no such page (a theme that
/// dropped it), in which case there is nothing to make them from.
pub(crate) fn report_formats(report: &Report, files: &[OutputFile]) -> Option<ReportFormats> {
    let page = files.iter().find(|f| f.path == REPORT_PAGE)?;
    let html = String::from_utf8_lossy(&page.bytes);
    let doc = parse::parse_main(&html);
    let links = links::Links::new(&doc, REPORT_PAGE, report.site.base_url.as_deref());
    let text = text::write(&doc, &links);
    let landlord = &report.site.landlord.name;
    let title = report.site.title();
    let meta = pdf::Meta {
        title: format!("{title} - {landlord}"),
        author: landlord.clone(),
        language: report.site.language.clone(),
        footer: format!("{landlord}: {title}"),
    };
    Some(ReportFormats {
        text: OutputFile {
            path: REPORT_TEXT.into(),
            bytes: text.into_bytes(),
        },
        pdf: pdf::Job::new(&doc, &links, meta),
    })
}

/// Adds `report.txt` and, now or later as `when` says, `report.pdf` to the site's files. Returns the PDF's job
/// when it is to be made later, and any failure as a diagnostic.
pub(crate) fn add_report_formats(
    report: &Report,
    files: &mut Vec<OutputFile>,
    when: PdfWhen,
) -> (Option<pdf::Job>, Option<Diagnostic>) {
    let Some(formats) = report_formats(report, files) else {
        return (None, None);
    };
    files.push(formats.text);
    match when {
        PdfWhen::Later => (Some(formats.pdf), None),
        PdfWhen::Now => match formats.pdf.compile() {
            Ok(pdf) => {
                files.push(OutputFile {
                    path: REPORT_PDF.into(),
                    bytes: pdf.bytes,
                });
                (None, None)
            }
            Err(d) => (None, Some(d)),
        },
    }
}
