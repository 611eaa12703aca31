//! `redress new-year`.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;

use super::args::RootArgs;
use crate::archive::new_year::{Done, Outcome};
use crate::cli::EXIT_SITE_ERRORS;
use crate::diagnostics::render_all;

/// Freeze this year's report into archive/ and start the next year.
///
/// Run it once a year, after the report is published and the governing body has responded to it. It does three
/// things.
///
/// It freezes the report year's site into `archive/<year>/` (archive/2025-26/, say): exactly the files `redress
/// build` writes, never rebuilt afterwards. Every later build publishes it unchanged beside the new report and
/// lists it on the past reports page (past-reports.html).
///
/// It keeps the year's inputs (site.toml, the data files, the content pages) in `archive/inputs/<year>/`, which is
/// never published. A case export, or anything in a private/ folder, is never copied.
///
/// It rolls the inputs forward. site.toml's period moves on a year. data/performance.toml gets the next year, the
/// same shape as this one with every count 0 (earlier years are kept to compare, five years at most). The
/// Ombudsman's lists for the year are emptied, and improvements that are done are dropped. Every file kept as a
/// draft (the self-assessment, the introduction and analysis, the statements, extra pages) is marked with a line
/// `carried_over = "<year>"`: `redress check` warns about each, saying what to review, until you delete the line.
///
/// Comments and layout in your files are kept. Nothing at all is changed when the year is already archived, when
/// the site does not build (every error is listed), when a file is still marked as carried over from the year
/// before, or when an earlier run was interrupted (it says what that run left and what to do). The work is
/// prepared in a staging folder and moved into place at the end, so an interruption never leaves half a year.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress new-year                  Freeze this folder's report year and start the next\n  redress new-year --root my-report Do it for the site in my-report/\n  redress check                     Then: every file still to review, and what to do in each\n\nExit status: 0 the year was frozen and the inputs rolled forward; 1 the site has errors or a file is still carried over (all are listed), so nothing was done; 2 nothing was done because the year is already archived, an earlier run did not finish, or a file could not be read or written."
)]
pub struct NewYearArgs {
    /// Where the site is.
    #[command(flatten)]
    pub root: RootArgs,
}

/// Runs `redress new-year`.
pub fn run(args: NewYearArgs) -> Result<ExitCode> {
    let root = &args.root.root;
    if !root.join("site.toml").is_file() {
        bail!(
            "`{}` holds no site.toml: give the site's folder with --root",
            root.display()
        );
    }
    match crate::archive::new_year(root, crate::check_site)? {
        Outcome::SiteErrors(diags) => {
            eprint!("{}", render_all(&diags));
            eprintln!("nothing was done: a year is frozen only when its site builds, so fix the errors above and run `redress new-year` again");
            Ok(ExitCode::from(EXIT_SITE_ERRORS))
        }
        Outcome::Refused(refusal) => {
            let (message, help) = refusal.explain();
            eprintln!("error: {message}\n\nhelp: {help}");
            Ok(ExitCode::from(refusal.exit_code()))
        }
        Outcome::Done(done) => {
            if !done.warnings.is_empty() {
                eprint!("{}", render_all(&done.warnings));
            }
            eprint!("{}", summary(&done));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What was done, file by file, and what to do next.
fn summary(d: &Done) -> String {
    let mut out = String::new();
    let (from, to) = (&d.from, &d.to);
    let _ = writeln!(
        out,
        "froze the {from} report: {} files in {}, published by every build from now on and never rebuilt",
        d.report_files, d.report_dir
    );
    let _ = writeln!(
        out,
        "kept {from}'s inputs in {} (not published): {}",
        d.inputs_dir,
        d.inputs.join(", ")
    );
    let _ = writeln!(out, "moved the site on to {to}:");
    let width = d.rolled.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
    for (path, what) in &d.rolled {
        let _ = writeln!(out, "  {path:width$}  {what}");
    }
    let _ = writeln!(out, "\nnext:");
    let mut steps = vec![
        format!("run `redress check`: it lists each file marked carried_over = \"{from}\", with what to review in it, and the dates to renew (the self-assessment's approval, the response and statement dates must fall after {from})"),
        format!("fill in {to}'s counts in data/performance.toml as the year goes on"),
        format!("keep the archive folder with the rest of the site (commit it to version control): {} is the {from} report as it was published", d.report_dir),
    ];
    steps.extend(d.notes.iter().cloned());
    for (i, step) in steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {step}", i + 1);
    }
    out
}
