//! redress builds a social housing landlord's annual complaints performance and service improvement report (the
//! report the Housing Ombudsman's Complaint Handling Code requires at provision 8.1, with the governing body's
//! response at 8.2) as an accessible static website, from plain data files.
//!
//! The pipeline runs one way: [`data`] reads the files (`site.toml`, `data/*.toml`, `content/*.md`) into structs
//! that mirror them; [`model`] checks them against each other and the built-in [`catalogue`] of the Code and builds
//! the [`model::Report`]; [`measures`] computes every figure from counts; [`tables`] defines each table once;
//! [`render`] turns the report into pages with the [`theme`]'s Tera templates; and [`output`] swaps the finished
//! site into place, beside the earlier years that [`archive`] froze. Problems in the input are collected as
//! [`diagnostics`] along the way, so a build reports all of them at once.
//!
//! Every module but [`cli`] is `pub(crate)`: the binary is the interface, and the library's own items are documented
//! for the people who work on it (`cargo doc --document-private-items`, as CI builds the documentation), so links
//! from these public pages into private modules are intended.
#![allow(rustdoc::private_intra_doc_links)]

pub(crate) mod archive;
pub(crate) mod cases;
pub(crate) mod catalogue;
pub(crate) mod charts;
pub(crate) mod checks;
pub mod cli;
pub(crate) mod data;
pub(crate) mod diagnostics;
pub(crate) mod export;
pub(crate) mod format;
pub(crate) mod formats;
pub(crate) mod fs;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod measures;
pub(crate) mod model;
pub(crate) mod output;
pub(crate) mod render;
pub(crate) mod serve;
pub(crate) mod tables;
pub(crate) mod theme;

use std::path::{Path, PathBuf};

use anyhow::Result;

use diagnostics::{Diagnostic, Diagnostics};
use render::OutputFile;

/// What a build produced.
#[derive(Debug)]
pub(crate) struct BuildOutcome {
    /// Every problem found; the site was written only if there are no errors among them.
    pub(crate) diagnostics: Diagnostics,
    /// How many pages were written (0 when the build failed).
    pub(crate) pages: usize,
    /// How many other files were written: downloads, assets, the site's static files.
    pub(crate) other_files: usize,
    /// The output folder.
    pub(crate) output: PathBuf,
    /// How long the build took, from reading the first file to writing the last.
    pub(crate) elapsed: std::time::Duration,
}

/// Where the site at `root` is built to: `output` if given, else `build.output` from site.toml, else `public`.
pub(crate) fn output_dir(root: &Path, output: Option<&Path>, configured: Option<&str>) -> PathBuf {
    match output {
        Some(o) if o.is_absolute() => o.to_path_buf(),
        Some(o) => std::env::current_dir()
            .map(|d| d.join(o))
            .unwrap_or_else(|_| o.to_path_buf()),
        None => root.join(configured.unwrap_or("public")),
    }
}

/// Reads, checks and renders the site at `root`, then checks the rendered pages' links, without writing anything.
/// This is the whole of `redress check` (less `--external`), and what `build` runs before it writes.
pub(crate) fn check_site(root: &Path) -> Result<checks::CheckedSite> {
    check_site_with(root, formats::When::Now, None).map(|(site, _)| site)
}

/// As [`check_site`] for `serve`: everything but `report.pdf` and `report.txt`, which are made from the rendered
/// report page only when they are asked for; what makes them comes back beside the files.
pub(crate) fn preview_site(root: &Path) -> Result<(checks::CheckedSite, Option<formats::Formats>)> {
    check_site_with(root, formats::When::Later, None)
}

/// Where a build writes, given `build.output` from site.toml: the folder whose last `report.pdf` may be reused.
type OutputFolder<'a> = &'a mut dyn FnMut(Option<&str>) -> PathBuf;

fn check_site_with(
    root: &Path,
    when: formats::When,
    output: Option<OutputFolder<'_>>,
) -> Result<(checks::CheckedSite, Option<formats::Formats>)> {
    let mut diags = Diagnostics::new();
    let mut input = data::load(root, &mut diags)?;
    let frozen = input.take_frozen_files();
    let configured_output = input.config.as_ref().map(|c| c.build.output.clone());
    let theme_name = input
        .config
        .as_ref()
        .map_or_else(|| "default".to_string(), |c| c.theme.clone());
    let theme = theme::Theme::load(root, &theme_name, &mut diags)?;
    let inputs = checks::input_sources(&input);
    let mut site = checks::CheckedSite {
        diagnostics: Diagnostics::new(),
        files: Vec::new(),
        configured_output: configured_output.clone(),
        links: checks::links::LinkReport::default(),
        pdf_cache_note: None,
    };
    let Some(report) = model::build(input, &mut diags) else {
        site.diagnostics = diags;
        return Ok((site, None));
    };
    let Some(mut files) = render::render_site(&report, &theme, &mut diags) else {
        site.diagnostics = diags;
        return Ok((site, None));
    };
    let reuse_from = output.map(|folder| folder(configured_output.as_deref()));
    let last_build = reuse_from
        .as_deref()
        .map(|folder| formats::cache::LastBuild {
            folder,
            marker: std::fs::read_to_string(folder.join(output::MARKER)).unwrap_or_default(),
        });
    let formats::Added {
        later,
        failure: pdf_failure,
        cache_note,
    } = formats::add_report_formats(&report, &mut files, when, last_build.as_ref());
    site.pdf_cache_note = cache_note;
    // Formats made later will be there when a page's link to them is followed: the link check
    // sees stand-ins (and a static file of the same name is refused, as in `build`).
    // A PDF that could not be made is reported once, below, not again as a broken link.
    let stand_ins: &[&str] = if later.is_some() {
        &[formats::REPORT_PDF, formats::REPORT_TEXT]
    } else if pdf_failure.is_some() {
        &[formats::REPORT_PDF]
    } else {
        &[]
    };
    files.extend(stand_ins.iter().map(|path| OutputFile {
        path: (*path).into(),
        bytes: Vec::new(),
    }));
    add_static_files(root, &mut files, &mut diags)?;
    archive::publish::publish(frozen, &mut files, &mut diags);
    let templates = render::templates::sources(&theme);
    let sources = checks::links::LinkSources {
        inputs: &inputs,
        templates: &templates,
    };
    site.links = checks::links::check(&files, &render::page_list(&report), &sources, &mut diags);
    files.retain(|f| !stand_ins.contains(&f.path.as_str()));
    if let Some(d) = pdf_failure {
        diags.push(d);
    }
    if diags.has_errors() {
        files.clear();
    }
    site.diagnostics = diags;
    site.files = files;
    Ok((site, later))
}

/// Builds the site at `root` into `output` (by default `build.output` from site.toml, or `public/`). The output folder is replaced only when the
/// whole build succeeded.
pub(crate) fn build(root: &Path, output: Option<&Path>) -> Result<BuildOutcome> {
    let start = std::time::Instant::now();
    let mut folder = |configured: Option<&str>| output_dir(root, output, configured);
    let (site, _) = check_site_with(root, formats::When::Now, Some(&mut folder))?;
    let output = output_dir(root, output, site.configured_output.as_deref());
    let (diagnostics, files) = (site.diagnostics, site.files);
    if !diagnostics.has_errors() {
        export::cms::check_not_an_export(&output).map_err(anyhow::Error::msg)?;
        output::write_site(&output, &files, site.pdf_cache_note.as_slice())?;
    }
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    Ok(BuildOutcome {
        diagnostics,
        pages,
        other_files: files.len() - pages,
        output,
        elapsed: start.elapsed(),
    })
}

/// Where the site at `root` will be built to, known before it is built: as [`output_dir`], with `build.output` read
/// from site.toml leniently (a site.toml that cannot be read or parsed gives the default, and its build reports the
/// fault). Used to refuse, before anything is written, two sites of one run sharing an output folder.
pub(crate) fn planned_output(root: &Path, output: Option<&Path>) -> PathBuf {
    let configured = std::fs::read_to_string(root.join("site.toml"))
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("build")?.get("output")?.as_str().map(str::to_string));
    output_dir(root, output, configured.as_deref())
}

/// Builds several sites at once (a housing group's landlords, a consultancy's clients), in parallel (rayon), each
/// from its own folder into its own output with its own diagnostics; each pair is a site folder and the output
/// folder to use in place of its configured one. The outcomes are in the order of `sites`, whichever finished
/// first, and one site that cannot be built does not stop the others.
pub(crate) fn build_many(sites: &[(PathBuf, Option<PathBuf>)]) -> Vec<Result<BuildOutcome>> {
    use rayon::prelude::*;
    sites
        .par_iter()
        .map(|(root, output)| build(root, output.as_deref()))
        .collect()
}

/// Copies the site's `static/` folder (logos, a CNAME file, PDFs of older reports) into the output as it is.
/// Symlinks are skipped, so nothing outside the site folder can be published by accident.
fn add_static_files(
    root: &Path,
    files: &mut Vec<OutputFile>,
    diags: &mut Diagnostics,
) -> Result<()> {
    let dir = root.join("static");
    if !dir.is_dir() {
        return Ok(());
    }
    let taken: std::collections::BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    for entry in walkdir::WalkDir::new(&dir).min_depth(1).sort_by_file_name() {
        let entry =
            entry.map_err(|e| anyhow::anyhow!("failed to list `{}`: {e}", dir.display()))?;
        let rel = fs::display_relative(&dir, entry.path());
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::warning(format!("`static/{rel}` is a link and was not copied"))
                    .help("copy the file into static/ instead of linking to it"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        if taken.contains(&rel) || rel == output::MARKER {
            diags.push(
                Diagnostic::error(format!("`static/{rel}` has the same path as a file redress generates"))
                    .help("rename it; to change a theme file, put it under themes/<theme>/static/ instead"),
            );
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| anyhow::anyhow!("failed to read `{}`: {e}", entry.path().display()))?;
        files.push(OutputFile { path: rel, bytes });
    }
    Ok(())
}
