//! Checks of the rendered site as a whole, after [`crate::model`] has judged the data and [`crate::render`] has made
//! the pages: the links between pages ([`links`]) and, on request only, the links to other sites ([`external`]).
//!
//! The data rules (arithmetic, the self-assessment, the parts the Code requires) live in [`crate::model`], beside
//! the structures they judge. What is here needs the finished pages, so it runs on the files in memory, before
//! anything is written: [`crate::check_site`] is what `build`, `check` and `serve` all run, so the three report the
//! same problems. Nothing here writes a file, and nothing here touches the network unless [`external`] is called.

pub(crate) mod external;
mod html;
pub(crate) mod links;

use crate::diagnostics::{Diagnostics, SourceFile};
use crate::render::OutputFile;

/// Everything reading, checking and rendering a site found, with nothing written.
#[derive(Debug)]
pub(crate) struct CheckedSite {
    /// Every problem found.
    pub(crate) diagnostics: Diagnostics,
    /// The site's files, ready to write; empty when there are errors.
    pub(crate) files: Vec<OutputFile>,
    /// `build.output` from site.toml, when it was read.
    pub(crate) configured_output: Option<String>,
    /// What the link check saw, including the external links (empty when the site could not be rendered).
    pub(crate) links: links::LinkReport,
    /// The marker's line that lets the next build reuse `report.pdf` (see [`crate::formats::cache`]).
    pub(crate) pdf_cache_note: Option<String>,
}

/// The input files a link can have been written in, copied before the model takes the input apart: the content
/// pages, the data files and site.toml, in the order a broken link is looked for.
pub(crate) fn input_sources(input: &crate::data::SiteInput) -> Vec<SourceFile> {
    let mut out: Vec<SourceFile> = Vec::new();
    out.extend(input.content.iter().map(|p| p.source.clone()));
    for src in [
        input.performance.as_ref().map(|(_, s)| s),
        input.self_assessment.as_ref().map(|(_, s)| s),
        input.ombudsman.as_ref().map(|(_, s)| s),
        input.improvements.as_ref().map(|(_, s)| s),
        input.config_source.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        out.push(src.clone());
    }
    out
}
