//! `archive/`: the reports of earlier years, frozen by `redress new-year` exactly as they were built, and the layout
//! of that folder.
//!
//! `archive/<year>/` holds one year's built report with a marker file ([`MARKER`]) that names the year and lists the
//! files redress froze; `archive/inputs/<year>/` holds that year's input files, which are never published; a folder
//! whose name starts with [`STAGING_PREFIX`] is a `new-year` that did not finish. This module reads the folder (which
//! years are frozen, with their files, for the list of past reports and for the build that publishes them); writing
//! it is [`crate::archive`]'s job. The layout and the marker's format have their one home here, for both.
//!
//! A frozen year is published whole or not at all, and only as it was frozen: a listed file that has gone is an
//! error (the public record would be incomplete), a file added since is left out with a warning, and a folder
//! redress did not write is never published.

use std::path::Path;

use anyhow::Result;
use serde::Deserialize;

use super::year_label::YearLabel;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The folder, under the site root, that holds frozen years.
pub(crate) const ARCHIVE: &str = "archive";
/// The folder, under [`ARCHIVE`], that holds each frozen year's inputs.
pub(crate) const INPUTS: &str = "inputs";
/// The marker file in a frozen year's folder.
pub(crate) const MARKER: &str = ".redress-archive";
/// The start of the name of the folder, under [`ARCHIVE`], where `new-year` prepares its work.
pub(crate) const STAGING_PREFIX: &str = ".redress-new-year-";

/// A year whose report `redress new-year` froze.
#[derive(Debug, Clone)]
pub(crate) struct FrozenYear {
    /// The year, which is also the folder's name.
    pub(crate) label: YearLabel,
    /// Its files as frozen: paths relative to its folder, `/`-separated, sorted, with their bytes.
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

/// The marker's contents.
#[derive(Debug, Deserialize)]
struct Marker {
    label: String,
    files: Vec<String>,
}

/// The marker for `label` frozen with `files`: what it is, and the list redress checks the folder against.
pub(crate) fn marker_text<'a>(label: &str, files: impl IntoIterator<Item = &'a str>) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = format!(
        "# `redress new-year` froze the {label} report here, exactly as redress built it.\n\
         # Every build publishes this folder as it is, as archive/{label}/, and nothing rewrites it: it is the report\n\
         # as it was published. Do not edit its files; delete the whole folder to stop publishing it.\n\
         label = {}\nfiles = [\n",
        quote(label)
    );
    let mut files: Vec<&str> = files.into_iter().collect();
    files.sort_unstable();
    for f in files {
        out.push_str(&format!("    {},\n", quote(f)));
    }
    out.push_str("]\n");
    out
}

/// Every frozen year under `root/archive/`, oldest first, with its files. Folders that are not frozen years are
/// reported (a warning for each, since they are simply not published) and left out; a frozen year missing one of
/// its files is an error.
pub(crate) fn find(root: &Path, diags: &mut Diagnostics) -> Result<Vec<FrozenYear>> {
    let dir = root.join(ARCHIVE);
    if !dir.is_dir() || crate::fs::is_symlink(&dir) {
        return Ok(Vec::new());
    }
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", dir.display()))?
        .collect::<std::io::Result<_>>()
        .map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", dir.display()))?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    let mut years = Vec::new();
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(STAGING_PREFIX) {
            diags.push(
                Diagnostic::warning(format!(
                    "`{ARCHIVE}/{name}` is left from a `redress new-year` that did not finish"
                ))
                .help("run `redress new-year` again: it says what was done and what to do with this folder"),
            );
            continue;
        }
        if name == INPUTS || name.starts_with('.') || !path.is_dir() {
            continue;
        }
        let not_published = |why: String, help: &str| {
            Diagnostic::warning(format!("`{ARCHIVE}/{name}/` is not published: {why}"))
                .help(help.to_string())
        };
        let elsewhere = "to list a report published before redress, put its file under static/ and list it in data/past-reports.toml";
        if crate::fs::is_symlink(&path) {
            diags.push(not_published(
                "it is a link".into(),
                "copy the folder in place of the link",
            ));
            continue;
        }
        let Some(label) = YearLabel::parse(&name) else {
            diags.push(not_published(
                "its name is not a year such as 2024-25".into(),
                elsewhere,
            ));
            continue;
        };
        let marker = match std::fs::read_to_string(path.join(MARKER)) {
            Ok(text) => toml::from_str::<Marker>(&text).ok(),
            Err(_) => {
                diags.push(not_published(
                    "redress did not write it (it has no `.redress-archive` file)".into(),
                    elsewhere,
                ));
                continue;
            }
        };
        let Some(marker) = marker else {
            diags.push(not_published(
                format!("its `{MARKER}` file cannot be read"),
                "restore the folder from your backup or version control, as `redress new-year` wrote it",
            ));
            continue;
        };
        if marker.label != name {
            diags.push(not_published(
                format!("it holds the {} report", marker.label),
                &format!(
                    "a frozen year keeps the name `redress new-year` gave it: rename the folder back to `{}`",
                    marker.label
                ),
            ));
            continue;
        }
        if let Some(year) = read_year(&path, label, &name, &marker.files, diags)? {
            years.push(year);
        }
    }
    years.sort_by_key(|y| y.label);
    Ok(years)
}

/// Reads the files the marker lists; `None` (with an error) when one is missing or could escape the folder.
fn read_year(
    path: &Path,
    label: YearLabel,
    name: &str,
    listed: &[String],
    diags: &mut Diagnostics,
) -> Result<Option<FrozenYear>> {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for rel in listed {
        let file = crate::fs::join_within(path, rel).filter(|p| {
            !crate::fs::is_symlink(p) && p.is_file() && rel != MARKER && !rel.contains('\\')
        });
        match file {
            Some(p) => files.push((
                rel.clone(),
                std::fs::read(&p)
                    .map_err(|e| anyhow::anyhow!("failed to read `{}`: {e}", p.display()))?,
            )),
            None => missing.push(rel.as_str()),
        }
    }
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(5).copied().collect();
        let more = missing.len() - shown.len();
        diags.push(
            Diagnostic::error(format!(
                "the frozen {name} report in `{ARCHIVE}/{name}/` has lost {}: {}{}",
                if missing.len() == 1 { "a file" } else { "files" },
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ))
            .help("restore them from your backup or version control: a frozen report is published whole, as it was; delete the whole folder to stop publishing it"),
        );
        return Ok(None);
    }
    let listed_set: std::collections::BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    for entry in walkdir::WalkDir::new(path).min_depth(1).sort_by_file_name() {
        let entry =
            entry.map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", path.display()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = crate::fs::display_relative(path, entry.path());
        if rel != MARKER && !listed_set.contains(rel.as_str()) {
            diags.push(
                Diagnostic::warning(format!(
                    "`{ARCHIVE}/{name}/{rel}` is not published: it was not part of the {name} report when it was frozen"
                ))
                .help("a frozen report is kept exactly as it was published; put files to publish beside it in static/"),
            );
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Some(FrozenYear { label, files }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    fn freeze(root: &Path, name: &str, label: &str, files: &[(&str, &str)]) {
        let dir = root.join(ARCHIVE).join(name);
        for (rel, text) in files {
            crate::fs::write(&dir.join(rel), text).unwrap();
        }
        crate::fs::write(
            &dir.join(MARKER),
            marker_text(label, files.iter().map(|(r, _)| *r)),
        )
        .unwrap();
    }

    fn messages(diags: &Diagnostics) -> Vec<String> {
        diags.sorted().iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn reads_what_new_year_wrote() {
        let t = site();
        freeze(
            t.path(),
            "2024-25",
            "2024-25",
            &[("index.html", "<p>hi</p>"), ("data/a \"b\".csv", "x")],
        );
        let mut diags = Diagnostics::new();
        let years = find(t.path(), &mut diags).unwrap();
        assert!(diags.is_empty(), "{:?}", messages(&diags));
        assert_eq!(years.len(), 1);
        assert_eq!(years[0].label.to_string(), "2024-25");
        let names: Vec<&str> = years[0].files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, ["data/a \"b\".csv", "index.html"]);
        assert_eq!(years[0].files[1].1, b"<p>hi</p>");
    }

    #[test]
    fn folders_redress_did_not_write_are_not_published() {
        let t = site();
        crate::fs::write(&t.path().join("archive/2022-23/index.html"), "old").unwrap();
        crate::fs::write(&t.path().join("archive/old stuff/a.pdf"), "old").unwrap();
        freeze(t.path(), "2023-24", "2022-23", &[("index.html", "x")]);
        crate::fs::write(&t.path().join("archive/inputs/2023-24/site.toml"), "x").unwrap();
        let mut diags = Diagnostics::new();
        assert!(find(t.path(), &mut diags).unwrap().is_empty());
        assert!(!diags.has_errors());
        let all = messages(&diags).join("\n");
        assert!(
            all.contains("`archive/2022-23/` is not published: redress did not write it"),
            "{all}"
        );
        assert!(
            all.contains("`archive/old stuff/` is not published: its name is not a year"),
            "{all}"
        );
        assert!(
            all.contains("`archive/2023-24/` is not published: it holds the 2022-23 report"),
            "{all}"
        );
        assert_eq!(diags.warning_count(), 3, "{all}");
    }

    #[test]
    fn a_lost_file_is_an_error_and_an_added_one_is_left_out() {
        let t = site();
        freeze(
            t.path(),
            "2024-25",
            "2024-25",
            &[("index.html", "x"), ("a.html", "y")],
        );
        std::fs::remove_file(t.path().join("archive/2024-25/a.html")).unwrap();
        let mut diags = Diagnostics::new();
        assert!(find(t.path(), &mut diags).unwrap().is_empty());
        assert!(messages(&diags)[0].contains("has lost a file: a.html"));

        let t = site();
        freeze(t.path(), "2024-25", "2024-25", &[("index.html", "x")]);
        crate::fs::write(&t.path().join("archive/2024-25/extra.html"), "z").unwrap();
        let mut diags = Diagnostics::new();
        let years = find(t.path(), &mut diags).unwrap();
        assert_eq!(years[0].files.len(), 1);
        assert!(messages(&diags)[0].contains("`archive/2024-25/extra.html` is not published"));
    }

    #[test]
    fn a_marker_cannot_list_a_path_outside_its_folder() {
        let t = site();
        crate::fs::write(&t.path().join("site.toml"), "secret").unwrap();
        freeze(t.path(), "2024-25", "2024-25", &[("index.html", "x")]);
        let marker = t.path().join("archive/2024-25").join(MARKER);
        crate::fs::write(
            &marker,
            marker_text("2024-25", ["index.html", "../../site.toml"]),
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        assert!(find(t.path(), &mut diags).unwrap().is_empty());
        assert!(diags.has_errors());
    }

    #[test]
    fn an_unfinished_new_year_is_pointed_out() {
        let t = site();
        std::fs::create_dir_all(t.path().join("archive/.redress-new-year-2024-25/report")).unwrap();
        let mut diags = Diagnostics::new();
        assert!(find(t.path(), &mut diags).unwrap().is_empty());
        assert!(messages(&diags)[0].contains("did not finish"));
    }
}
