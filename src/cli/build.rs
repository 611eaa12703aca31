//! `redress build`: one site, or several in one run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;

use crate::cli::{EXIT_FAILURE, EXIT_SITE_ERRORS};

/// Build the site into the output folder.
///
/// Reads site.toml, data/*.toml (or data/self-assessment.csv) and content/*.md, checks them, and writes the
/// report website. Every problem found is listed, with its file, line and column, before redress exits.
///
/// The site is built into a staging folder and swapped in only when the whole build succeeded, so a failed build
/// leaves the previous output untouched. redress only replaces an output folder that it created itself.
///
/// Several sites can be built in one run (a housing group's landlords, a consultancy's clients): they are built in
/// parallel, each into its own output folder, and each site's problems are listed under its name, in the order the
/// sites were given. One site's errors do not stop the others. The exit status is the worst of the sites'.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress build                       Build the site in this folder into ./public\n  redress build my-report             Build the site in my-report/ into my-report/public\n  redress build --output /tmp/site    Build into /tmp/site (relative to the current folder)\n  redress build landlords/*           Build every landlord's site, each into its own public/\n  redress build a b --output out      Build a/ into out/a and b/ into out/b"
)]
pub struct BuildArgs {
    /// The site folders to build: each holds a site.toml [default: the current folder].
    ///
    /// Relative paths in a site.toml (such as build.output) are resolved against its own folder.
    #[arg(value_name = "SITE")]
    pub sites: Vec<PathBuf>,
    /// A site folder, as SITE; may be given more than once. These come before the SITE folders.
    #[arg(long, short = 'r', value_name = "DIR")]
    pub root: Vec<PathBuf>,
    /// The folder to write the site into [default: build.output from site.toml, or public/ in the site folder].
    ///
    /// A relative path is taken from the current folder, not the site folder. With several sites, each is written
    /// into a folder of this one named after the site's folder (`--output out` builds `landlords/a` into `out/a`).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Runs `redress build`.
pub fn run(args: BuildArgs) -> Result<ExitCode> {
    let mut roots = args.root;
    roots.extend(args.sites);
    match roots.as_slice() {
        [] => one(Path::new("."), args.output.as_deref()),
        [root] => one(root, args.output.as_deref()),
        _ => many(&roots, args.output.as_deref()),
    }
}

/// One site: its problems, then what was built, as `redress build` has always said it.
fn one(root: &Path, output: Option<&Path>) -> Result<ExitCode> {
    let outcome = crate::build(root, output)?;
    eprint!("{}", report(&outcome));
    if outcome.diagnostics.has_errors() {
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    eprintln!(
        "open {} in a browser to read it",
        outcome.output.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// What a site's build says: its diagnostics, then what it wrote or that it wrote nothing.
fn report(outcome: &crate::BuildOutcome) -> String {
    let mut out = crate::diagnostics::render_all(&outcome.diagnostics);
    if outcome.diagnostics.has_errors() {
        out.push_str("the site was not built; the previous output (if any) is unchanged\n");
    } else {
        out.push_str(&format!(
            "built {} pages and {} other files into {} in {} ms\n",
            outcome.pages,
            outcome.other_files,
            outcome.output.display(),
            outcome.elapsed.as_millis()
        ));
    }
    out
}

/// Several sites: checked for clashes first (nothing is built if two would share an output folder), then built in
/// parallel; each site's report is printed under its name in the order given, then a line for the whole run.
fn many(roots: &[PathBuf], output: Option<&Path>) -> Result<ExitCode> {
    let start = std::time::Instant::now();
    let sites = plan(roots, output)?;
    let outcomes = crate::build_many(&sites);
    let mut worst = 0;
    let mut failed = Vec::new();
    for (root, outcome) in roots.iter().zip(&outcomes) {
        eprintln!("== {} ==", root.display());
        let code = match outcome {
            Ok(outcome) => {
                eprint!("{}", report(outcome));
                if outcome.diagnostics.has_errors() {
                    EXIT_SITE_ERRORS
                } else {
                    0
                }
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                EXIT_FAILURE
            }
        };
        if code != 0 {
            failed.push(root.display().to_string());
        }
        worst = worst.max(code);
        eprintln!();
    }
    let built = roots.len() - failed.len();
    let took = start.elapsed().as_millis();
    if failed.is_empty() {
        eprintln!("built all {built} sites in {took} ms");
    } else {
        eprintln!(
            "built {built} of {} sites in {took} ms; not built: {}",
            roots.len(),
            failed.join(", ")
        );
    }
    Ok(ExitCode::from(worst))
}

/// Each site with the output folder it gets: `output/<site folder's name>` when `--output` is given, else its
/// own. Refuses a site given twice, and two sites that would be written into the same folder (one would replace
/// the other's site), before anything is built.
fn plan(roots: &[PathBuf], output: Option<&Path>) -> Result<Vec<(PathBuf, Option<PathBuf>)>> {
    let mut sites = Vec::with_capacity(roots.len());
    let mut seen_roots: Vec<(PathBuf, &Path)> = Vec::new();
    let mut seen_outputs: Vec<(PathBuf, &Path)> = Vec::new();
    for root in roots {
        let here = place(root);
        if let Some((_, first)) = seen_roots.iter().find(|(p, _)| *p == here) {
            bail!(
                "`{}` and `{}` are the same site folder\n\nhelp: give each site once",
                first.display(),
                root.display()
            );
        }
        seen_roots.push((here, root));
        let own = output.map(|o| o.join(folder_name(root)));
        let to = crate::planned_output(root, own.as_deref());
        let key = place(&to);
        if let Some((_, first)) = seen_outputs.iter().find(|(p, _)| *p == key) {
            bail!(
                "`{}` and `{}` would both be built into `{}`\n\nhelp: {}",
                first.display(),
                root.display(),
                to.display(),
                if output.is_some() {
                    "with --output, each site's output is named after its folder: rename one of the folders, or build them in separate runs"
                } else {
                    "give each site its own build.output in its site.toml"
                }
            );
        }
        seen_outputs.push((key, root));
        sites.push((root.clone(), own));
    }
    Ok(sites)
}

/// The name of a site's folder as given (`landlords/a` is `a`), or of the folder it stands for (`.`).
fn folder_name(root: &Path) -> std::ffi::OsString {
    match root.components().next_back() {
        Some(std::path::Component::Normal(name)) => name.to_os_string(),
        _ => std::fs::canonicalize(root)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_os_string()))
            .unwrap_or_else(|| "site".into()),
    }
}

/// A path made comparable: absolute, with links and `..` resolved as far as the path exists.
fn place(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => place(parent).join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}
