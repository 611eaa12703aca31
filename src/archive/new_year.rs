//! `redress new-year`: freeze the report year's built site into `archive/<year>/`, keep its inputs in
//! `archive/inputs/<year>/`, and roll the inputs forward to the next year.
//!
//! It refuses, changing nothing, whenever doing the work could lose or muddle the public record: the year is
//! already archived; the site does not build (what would be frozen is not a report that could be published); a file
//! is still carried over from the year before (the report would be frozen with last year's words in it); or an
//! earlier run did not finish ([`super::staging`] says how each of those states is recognised).

use std::path::Path;

use anyhow::Result;

use super::roll::{self, Stop};
use super::staging::{self, Unfinished};
use crate::checks::CheckedSite;
use crate::data::frozen::{self, ARCHIVE, INPUTS};
use crate::data::year_label::YearLabel;
use crate::diagnostics::{Diagnostics, EXIT_FAILURE, EXIT_SITE_ERRORS};

/// What happened.
pub(crate) enum Outcome {
    /// The year was frozen and the inputs rolled forward.
    Done(Done),
    /// The site has errors, so nothing was done; all of them are here.
    SiteErrors(Diagnostics),
    /// Nothing was done, for this reason.
    Refused(Refusal),
}

/// A finished new year, for the summary.
pub(crate) struct Done {
    /// The year frozen.
    pub(crate) from: String,
    /// The new report year.
    pub(crate) to: String,
    /// The frozen report's folder, relative to the site root.
    pub(crate) report_dir: String,
    /// How many files it holds (the marker aside).
    pub(crate) report_files: usize,
    /// The kept inputs' folder, relative to the site root.
    pub(crate) inputs_dir: String,
    /// The inputs kept.
    pub(crate) inputs: Vec<String>,
    /// Each rolled file and what changed in it.
    pub(crate) rolled: Vec<(String, String)>,
    /// Things to look at that redress cannot decide.
    pub(crate) notes: Vec<String>,
    /// The frozen year's warnings, as its build reported them.
    pub(crate) warnings: Diagnostics,
}

/// Why nothing was done.
pub(crate) enum Refusal {
    /// A staging folder from a run that did not finish.
    Unfinished(Unfinished),
    /// `archive/<year>/` exists.
    AlreadyArchived {
        /// The year.
        label: String,
        /// Whether redress wrote it.
        frozen_by_redress: bool,
    },
    /// `archive/inputs/<year>/` exists though the year is not archived.
    InputsKept {
        /// The year.
        label: String,
    },
    /// site.toml's period label is not one redress can move on.
    NotALabel {
        /// The label as written.
        label: String,
    },
    /// Files still marked as carried over: (file, from which year).
    CarriedOver {
        /// The year that would be frozen.
        label: String,
        /// The files.
        files: Vec<(String, String)>,
    },
    /// A file the roll cannot edit.
    Cannot {
        /// The file.
        file: String,
        /// Why.
        why: String,
    },
    /// `archive` is a file or a link.
    ArchiveNotAFolder,
}

impl Refusal {
    /// The exit status: 1 when the site's own files must change first, 2 when the state of the folder stops it.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Refusal::NotALabel { .. } | Refusal::CarriedOver { .. } | Refusal::Cannot { .. } => {
                EXIT_SITE_ERRORS
            }
            Refusal::Unfinished(_)
            | Refusal::AlreadyArchived { .. }
            | Refusal::InputsKept { .. }
            | Refusal::ArchiveNotAFolder => EXIT_FAILURE,
        }
    }

    /// What is wrong, and what to do: the message and the help.
    pub(crate) fn explain(&self) -> (String, String) {
        match self {
            Refusal::Unfinished(u) => match &u.remaining {
                None => (
                    format!("an earlier `redress new-year` stopped while it was preparing its work in `{}`; nothing in the site was changed", u.dir),
                    format!("delete the folder `{}`, then run `redress new-year` again", u.dir),
                ),
                Some(moves) => {
                    let list: String = moves
                        .iter()
                        .map(|m| format!("\n  move `{}` to `{}`", m.from, m.to))
                        .collect();
                    (
                        format!("an earlier `redress new-year` stopped while moving its work into place from `{}`", u.dir),
                        format!("finish it by hand, in this order (a file moved over an input replaces it):{list}\nthen delete the folder `{}`; the year's inputs as they were are in archive/inputs/", u.dir),
                    )
                }
            },
            Refusal::AlreadyArchived {
                label,
                frozen_by_redress: true,
            } => (
                format!("{label} is already archived in `{ARCHIVE}/{label}/`"),
                format!("a frozen year is never replaced. If site.toml should be on the next year, `redress new-year` has already moved it on for you: check that site.toml's [period] label is not still {label}"),
            ),
            Refusal::AlreadyArchived {
                label,
                frozen_by_redress: false,
            } => (
                format!("`{ARCHIVE}/{label}/` already exists, and redress did not write it"),
                format!("redress never replaces a folder it did not write: move `{ARCHIVE}/{label}/` out of the site folder, then run `redress new-year` again (to list a report published before redress, see data/past-reports.toml)"),
            ),
            Refusal::InputsKept { label } => (
                format!("`{ARCHIVE}/{INPUTS}/{label}/` already exists"),
                format!("it holds {label}'s inputs from an earlier `redress new-year`; move it out of the site folder if you mean to freeze {label} again"),
            ),
            Refusal::NotALabel { label } => (
                format!("site.toml's period label `{label}` is not a year redress can move on from"),
                "write it as 2025-26 (or 2025-2026, or 2025 for a calendar year); it is also the name of the year's archive folder".to_string(),
            ),
            Refusal::CarriedOver { label, files } => {
                let list: String = files
                    .iter()
                    .map(|(f, from)| format!("\n  {f} (carried over from {from})"))
                    .collect();
                (
                    format!("the {label} report still has text carried over from an earlier year, so it is not ready to be frozen:{list}"),
                    "`redress check` says what to review in each; delete its `carried_over` line when it is done, then run `redress new-year` again".to_string(),
                )
            }
            Refusal::Cannot { file, why } => (
                format!("cannot roll `{file}` forward: {why}"),
                "fix the file (`redress check` shows whether it is valid), then run `redress new-year` again; nothing was changed".to_string(),
            ),
            Refusal::ArchiveNotAFolder => (
                format!("`{ARCHIVE}` in the site folder is a file or a link, not a folder"),
                format!("move it away: redress keeps the frozen years in the `{ARCHIVE}` folder"),
            ),
        }
    }
}

/// Runs `new-year` on the site at `root`. `check` is the in-memory build `redress check` runs
/// (`crate::check_site`): the caller passes it in, since it sits above this stage of the pipeline.
pub(crate) fn new_year(
    root: &Path,
    check: impl FnOnce(&Path) -> Result<CheckedSite>,
) -> Result<Outcome> {
    let archive = root.join(ARCHIVE);
    if crate::fs::is_symlink(&archive) || (archive.exists() && !archive.is_dir()) {
        return Ok(Outcome::Refused(Refusal::ArchiveNotAFolder));
    }
    if let Some(u) = staging::unfinished(root)? {
        return Ok(Outcome::Refused(Refusal::Unfinished(u)));
    }
    let written = period_label(root);
    if let Some(text) = &written {
        let Some(label) = YearLabel::parse(text) else {
            return Ok(Outcome::Refused(Refusal::NotALabel {
                label: text.clone(),
            }));
        };
        let label = label.to_string();
        let dir = archive.join(&label);
        if dir.exists() || crate::fs::is_symlink(&dir) {
            return Ok(Outcome::Refused(Refusal::AlreadyArchived {
                frozen_by_redress: dir.join(frozen::MARKER).is_file(),
                label,
            }));
        }
        if archive.join(INPUTS).join(&label).exists() {
            return Ok(Outcome::Refused(Refusal::InputsKept { label }));
        }
    }
    let site = check(root)?;
    if site.diagnostics.has_errors() {
        return Ok(Outcome::SiteErrors(site.diagnostics));
    }
    // A site that builds has a period label, and it was checked above.
    let Some(from) = written.as_deref().and_then(YearLabel::parse) else {
        return Ok(Outcome::Refused(Refusal::NotALabel {
            label: written.unwrap_or_default(),
        }));
    };
    let to = from.next();
    let (from, to) = (from.to_string(), to.to_string());

    let earlier: Vec<String> = frozen::find(root, &mut Diagnostics::new())?
        .iter()
        .map(super::publish::folder)
        .collect();
    let report: Vec<&crate::render::OutputFile> = site
        .files
        .iter()
        .filter(|f| !earlier.iter().any(|e| f.path.starts_with(e.as_str())))
        .collect();
    let inputs = super::inputs::kept(root)?;
    let plan = match roll::plan(root, &inputs, &from, &to)? {
        Ok(plan) => plan,
        Err(Stop::CarriedOver(files)) => {
            return Ok(Outcome::Refused(Refusal::CarriedOver {
                label: from,
                files,
            }))
        }
        Err(Stop::Cannot(file, why)) => return Ok(Outcome::Refused(Refusal::Cannot { file, why })),
    };
    let input_bytes = inputs
        .iter()
        .map(|rel| Ok((rel.clone(), std::fs::read(root.join(rel))?)))
        .collect::<std::io::Result<Vec<_>>>()?;
    let marker = frozen::marker_text(&from, report.iter().map(|f| f.path.as_str()));
    let rolled: Vec<(String, String)> = plan
        .files
        .iter()
        .map(|r| (r.path.clone(), r.text.clone()))
        .collect();
    let staged = staging::stage(root, &from, &report, &marker, &input_bytes, &rolled)?;
    staging::commit(root, staged)?;
    Ok(Outcome::Done(Done {
        report_dir: format!("{ARCHIVE}/{from}/"),
        report_files: report.len(),
        inputs_dir: format!("{ARCHIVE}/{INPUTS}/{from}/"),
        inputs,
        rolled: plan.files.into_iter().map(|r| (r.path, r.what)).collect(),
        notes: plan.notes,
        warnings: site.diagnostics,
        from,
        to,
    }))
}

/// site.toml's `[period] label`, read without judging the rest of the file, so that an archived year is refused
/// before a whole build is run.
fn period_label(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("site.toml")).ok()?;
    let doc: toml_edit::DocumentMut = text.parse().ok()?;
    doc.get("period")?
        .get("label")?
        .as_str()
        .map(str::to_string)
}
