//! Writing the built site safely.
//!
//! The site is written into a fresh staging folder beside the output folder and swapped in only when every file
//! was written, so a failed build leaves the previous output exactly as it was. redress marks each output folder
//! with a `.redress-output` file listing every file it wrote. It replaces a folder only when that marker is present
//! and every file in the folder is on its list: a folder it did not create, or a file someone added to it by hand
//! (a `CNAME`, say), is never deleted or overwritten. Static files that must be published belong in the site's
//! `static/` folder, which is copied into every build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::render::OutputFile;

/// Name of the marker file in an output folder.
pub(crate) const MARKER: &str = ".redress-output";

const MARKER_HEADER: &str = "# This folder is written by redress. Each build replaces it whole.\n# Files listed below were written by redress; anything else here stops the next build from replacing the folder.\n";

/// Why the output folder cannot be replaced: its own error type, because the CLI gives each case its own hint.
#[derive(Debug)]
#[non_exhaustive]
pub(crate) enum OutputError {
    /// The folder exists, is not empty and was not created by redress.
    Foreign(PathBuf),
    /// The folder was created by redress but holds files redress did not write.
    ForeignFiles(PathBuf, Vec<String>),
    /// The output path is not a folder, or is a symlink.
    NotAFolder(PathBuf),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Foreign(p) => write!(
                f,
                "refusing to replace `{}`: it is not empty and redress did not create it\n\nhelp: choose another folder with --output, or move its files away first; redress never deletes files it did not write",
                p.display()
            ),
            OutputError::ForeignFiles(p, files) => write!(
                f,
                "refusing to replace `{}`: it holds files redress did not write: {}\n\nhelp: move them into the site's static/ folder (copied into every build) or elsewhere, then build again",
                p.display(),
                files.join(", ")
            ),
            OutputError::NotAFolder(p) => write!(
                f,
                "refusing to write to `{}`: it is a file or a link, not a folder\n\nhelp: choose another output folder with --output",
                p.display()
            ),
        }
    }
}

impl std::error::Error for OutputError {}

/// Checks that `out` may be replaced: absent, empty, or a redress output folder holding only redress's files.
pub(crate) fn check_replaceable(out: &Path) -> Result<(), OutputError> {
    if crate::fs::is_symlink(out) || (out.exists() && !out.is_dir()) {
        return Err(OutputError::NotAFolder(out.to_path_buf()));
    }
    if !out.exists() {
        return Ok(());
    }
    let marker = out.join(MARKER);
    let Ok(text) = std::fs::read_to_string(&marker) else {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        return if empty {
            Ok(())
        } else {
            Err(OutputError::Foreign(out.to_path_buf()))
        };
    };
    let listed: BTreeSet<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let mut foreign = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = crate::fs::display_relative(out, entry.path());
        if rel != MARKER && !listed.contains(rel.as_str()) {
            foreign.push(rel);
        }
    }
    if foreign.is_empty() {
        Ok(())
    } else {
        Err(OutputError::ForeignFiles(out.to_path_buf(), foreign))
    }
}

/// Writes `files` into `out`, atomically from a reader's point of view: staged first, then swapped in. `notes`
/// are comment lines for the marker (the key of `report.pdf`, for the next build to reuse it).
pub(crate) fn write_site(out: &Path, files: &[OutputFile], notes: &[String]) -> Result<()> {
    check_replaceable(out)?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::fs::create_dir_all(parent)?;
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.redress-staging-{}", std::process::id()));
    let old = parent.join(format!(".{name}.redress-old-{}", std::process::id()));
    if staging.exists() {
        crate::fs::remove_dir_all(&staging)?;
    }
    let result = stage(&staging, files, notes);
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out.exists() {
        crate::fs::rename(out, &old)?;
        if let Err(e) = crate::fs::rename(&staging, out) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(&old, out);
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        crate::fs::remove_dir_all(&old)?;
    } else {
        crate::fs::rename(&staging, out)?;
    }
    Ok(())
}

fn stage(staging: &Path, files: &[OutputFile], notes: &[String]) -> Result<()> {
    crate::fs::create_dir_all(staging)?;
    let mut listed = BTreeSet::new();
    for f in files {
        let Some(path) = crate::fs::join_within(staging, &f.path) else {
            bail!(
                "refusing to write `{}`: the path leads outside the output folder",
                f.path
            );
        };
        if !listed.insert(f.path.clone()) {
            bail!(
                "two files of the site would be written to `{}`; rename one of them",
                f.path
            );
        }
        crate::fs::write(&path, &f.bytes)?;
    }
    let mut marker = String::from(MARKER_HEADER);
    for n in notes
        .iter()
        .filter(|n| n.starts_with('#') && !n.contains('\n'))
    {
        marker.push_str(n);
        marker.push('\n');
    }
    for p in &listed {
        marker.push_str(p);
        marker.push('\n');
    }
    crate::fs::write(&staging.join(MARKER), marker)
}
