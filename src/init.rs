//! `redress init`: a new site, filled with the example report, that builds as it is.
//!
//! The files are the example site at the root of the redress repository, embedded at compile time, so the example
//! a newcomer reads and the site `init` writes are the same files and cannot drift apart.

use std::path::Path;

use anyhow::{bail, Result};

/// The files of a new site: (path, contents).
pub(crate) const FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("../site.toml")),
    (
        "data/performance.toml",
        include_str!("../data/performance.toml"),
    ),
    (
        "data/self-assessment.toml",
        include_str!("../data/self-assessment.toml"),
    ),
    (
        "data/ombudsman.toml",
        include_str!("../data/ombudsman.toml"),
    ),
    (
        "data/improvements.toml",
        include_str!("../data/improvements.toml"),
    ),
    (
        "content/introduction.md",
        include_str!("../content/introduction.md"),
    ),
    (
        "content/analysis.md",
        include_str!("../content/analysis.md"),
    ),
    (
        "content/governing-body-response.md",
        include_str!("../content/governing-body-response.md"),
    ),
    (
        "content/member-responsible-for-complaints.md",
        include_str!("../content/member-responsible-for-complaints.md"),
    ),
    (
        "content/about-this-report.md",
        include_str!("../content/about-this-report.md"),
    ),
    (
        "private/complaints-2025-26.csv",
        include_str!("../private/complaints-2025-26.csv"),
    ),
    // The built site is redress's to rewrite; the complaints log holds personal data and belongs in neither the
    // repository nor the output (the example's is fictional).
    (".gitignore", "/public/\n/private/\n"),
];

/// Writes a new site into `dir`. Refuses, before writing anything, if any of its files already exists: init never
/// overwrites.
pub(crate) fn init(dir: &Path) -> Result<Vec<String>> {
    let existing: Vec<&str> = FILES
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| dir.join(p).exists())
        .collect();
    if !existing.is_empty() {
        bail!(
            "refusing to overwrite files in `{}`: {}\n\nhelp: run `redress init` with a new folder name, or move those files away",
            dir.display(),
            existing.join(", ")
        );
    }
    let mut written = Vec::new();
    for (path, text) in FILES {
        crate::fs::write(&dir.join(path), text)?;
        written.push(path.to_string());
    }
    Ok(written)
}
