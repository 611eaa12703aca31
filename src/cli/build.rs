//! `redress build`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::args::RootArgs;
use crate::cli::EXIT_SITE_ERRORS;

/// Build the site into the output folder.
///
/// Reads site.toml, data/*.toml (or data/self-assessment.csv) and content/*.md, checks them, and writes the
/// report website. Every problem found is listed, with its file, line and column, before redress exits.
///
/// The site is built into a staging folder and swapped in only when the whole build succeeded, so a failed build
/// leaves the previous output untouched. redress only replaces an output folder that it created itself.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress build                       Build the site in this folder into ./public\n  redress build --root my-report      Build the site in my-report/ into my-report/public\n  redress build --output /tmp/site    Build into /tmp/site (relative to the current folder)"
)]
pub struct BuildArgs {
    /// Where the site is.
    #[command(flatten)]
    pub root: RootArgs,
    /// The folder to write the site into [default: build.output from site.toml, or public/ in the site folder].
    ///
    /// A relative path is taken from the current folder, not the site folder.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<std::path::PathBuf>,
}

/// Runs `redress build`.
pub fn run(args: BuildArgs) -> Result<ExitCode> {
    let start = std::time::Instant::now();
    let outcome = crate::build(&args.root.root, args.output.as_deref())?;
    let report = crate::diagnostics::render_all(&outcome.diagnostics);
    eprint!("{report}");
    if outcome.diagnostics.has_errors() {
        eprintln!("the site was not built; the previous output (if any) is unchanged");
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    let pages = outcome
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .count();
    let index = outcome.output.join("index.html");
    eprintln!(
        "built {pages} pages and {} other files into {} in {} ms\nopen {} in a browser to read it",
        outcome.files.len() - pages,
        outcome.output.display(),
        start.elapsed().as_millis(),
        index.display()
    );
    Ok(ExitCode::SUCCESS)
}
