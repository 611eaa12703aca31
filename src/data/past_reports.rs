//! `data/past-reports.toml` (optional): reports published before the site used redress, each a file kept under
//! `static/` or a link to where it is published.
//!
//! Years that `redress new-year` froze are found in `archive/` ([`super::frozen`]) and need no entry here.

use std::path::Path;

use anyhow::Result;
use serde::Deserialize;
use toml::Spanned;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PastReportsFile {
    /// One entry per report, in any order.
    #[serde(default)]
    pub(crate) reports: Vec<PastReportData>,
}

/// A report published before redress.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PastReportData {
    /// The year it reports on, "2023-24".
    pub(crate) year: Spanned<String>,
    /// Its title, as the link text.
    pub(crate) title: Spanned<String>,
    /// Where it is published, as a full address.
    pub(crate) url: Option<Spanned<String>>,
    /// Or its file under `static/` ("reports/complaints-2023-24.pdf"), published with the site.
    pub(crate) file: Option<Spanned<String>>,
}

/// A file under `static/`: its path there, `/`-separated, and its size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StaticFile {
    /// Path relative to `static/`.
    pub(crate) path: String,
    /// Size in bytes, for the link text ("PDF, 245 KB").
    pub(crate) bytes: u64,
}

/// Every file under `root/static/`, sorted (links are not followed, as the build does not publish them).
pub(crate) fn static_files(root: &Path) -> Result<Vec<StaticFile>> {
    let dir = root.join("static");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).min_depth(1).sort_by_file_name() {
        let entry =
            entry.map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", dir.display()))?;
        if entry.path_is_symlink() || !entry.file_type().is_file() {
            continue;
        }
        let bytes = entry
            .metadata()
            .map_err(|e| anyhow::anyhow!("failed to read `{}`: {e}", entry.path().display()))?
            .len();
        out.push(StaticFile {
            path: crate::fs::display_relative(&dir, entry.path()),
            bytes,
        });
    }
    Ok(out)
}
