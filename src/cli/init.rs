//! `redress init`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// Create a new site from the example report.
///
/// Writes site.toml, the data files and the content pages of a complete example report (a fictional landlord,
/// Ashmere Homes) into DIR, ready to build. Replace its words and figures with your own. redress never overwrites
/// an existing file: if any of the files already exists, nothing is written.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress init my-report && redress build --root my-report"
)]
pub struct InitArgs {
    /// The folder to create the site in (created if needed).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// Runs `redress init`.
pub fn run(args: InitArgs) -> Result<ExitCode> {
    let written = crate::init::init(&args.dir)?;
    for f in &written {
        eprintln!("  created {}", args.dir.join(f).display());
    }
    eprintln!(
        "a new site is ready in {}\nnext: edit site.toml and data/, then run `redress build --root {}`",
        args.dir.display(),
        args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
