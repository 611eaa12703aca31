//! The command line: argument definitions (clap derive, doc comments as help) and one file per command.

pub mod args;
pub mod build;
pub mod cases;
pub mod check;
pub mod export;
pub mod import;
pub mod init;
pub mod new_year;
pub mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Build a landlord's annual complaints report as an accessible website.
///
/// redress reads a site folder (site.toml, data/*.toml, content/*.md) and writes the annual complaints performance and
/// service improvement report required by the Housing Ombudsman's Complaint Handling Code (provisions 8.1 and 8.2)
/// as a static website: every measure computed from counts, every table downloadable, every page accessible.
#[derive(Debug, Parser)]
#[command(
    name = "redress",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_long_help = "Examples:\n  redress init my-report     Start a new site from the example report\n  redress build --root my-report\n                             Build it into my-report/public\n\nExit status: 0 success, 1 the site has errors (all are listed), 2 redress could not do its job."
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
// No doc comments on the variants: clap would show them in place of each command's own (the `*Args` struct's),
// which hold the long help. Each struct's first line is the short help.
#[allow(missing_docs)]
pub enum Command {
    Build(build::BuildArgs),
    Check(check::CheckArgs),
    Serve(serve::ServeArgs),
    Import(import::ImportArgs),
    Cases(cases::CasesArgs),
    Init(init::InitArgs),
    NewYear(new_year::NewYearArgs),
    Export(export::ExportArgs),
}

pub(crate) use crate::diagnostics::{EXIT_FAILURE, EXIT_SITE_ERRORS};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Build(a) => build::run(a),
        Command::Check(a) => check::run(a),
        Command::Init(a) => init::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Import(a) => import::run(a),
        Command::Cases(a) => cases::run(a),
        Command::NewYear(a) => new_year::run(a),
        Command::Export(a) => export::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
