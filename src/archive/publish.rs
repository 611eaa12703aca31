//! Publishing the frozen years: every build copies each `archive/<year>/` that `redress new-year` wrote into the
//! output as `archive/<year>/`, byte for byte.
//!
//! The files are never rendered again and their links are not checked as the live site's are: they are the report
//! of their year as it was published, and a later version of redress, a new theme or this year's data must not
//! change them. They are link targets like any other file, so the past reports page's links to them are checked.

use std::collections::BTreeSet;

use crate::data::frozen::{FrozenYear, ARCHIVE};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::OutputFile;

/// The folder of the built site, `/`-terminated, that a frozen year is published in: `archive/2024-25/`.
pub(crate) fn folder(year: &FrozenYear) -> String {
    format!("{ARCHIVE}/{}/", year.label)
}

/// Adds each frozen year's files to the build. A file of the site that would land in a frozen year's folder (from
/// `static/archive/...`) is an error, since one of the two would be lost.
pub(crate) fn publish(
    frozen: Vec<FrozenYear>,
    files: &mut Vec<OutputFile>,
    diags: &mut Diagnostics,
) {
    let taken: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut added = Vec::new();
    for year in frozen {
        let folder = folder(&year);
        if let Some(clash) = taken.iter().find(|p| p.starts_with(&folder)) {
            diags.push(
                Diagnostic::error(format!(
                    "`static/{clash}` would be published inside the frozen {} report",
                    year.label
                ))
                .help(format!("`{folder}` holds the {} report as it was published; move the file out of static/{folder}", year.label)),
            );
            continue;
        }
        added.extend(year.files.into_iter().map(|(rel, bytes)| OutputFile {
            path: format!("{folder}{rel}"),
            bytes,
        }));
    }
    files.extend(added);
}
