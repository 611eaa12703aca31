//! `redress check`: every problem a build would find, and the links, with nothing written.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use super::args::RootArgs;
use crate::checks::{external, links::ExternalLink};
use crate::cli::EXIT_SITE_ERRORS;
use crate::diagnostics::{render_all, to_json};

/// Check the site without building it: every problem at once, nothing written.
///
/// Reads everything a build reads (site.toml, data/*.toml or data/self-assessment.csv, content/*.md, theme
/// overrides), applies every rule a build applies, renders every page in memory and follows every internal link
/// and anchor. Each problem is reported with its file, line and column, the line itself with the problem
/// underlined, and what to do about it. `redress build` reports exactly the same problems; `check` is the quick way
/// to ask "can this report be published?" without touching the output folder.
///
/// Errors are things that must be fixed before the site can be built: a count that cannot be, a provision of the
/// Code missing from the self-assessment, a part of the report Code 8.1 or 8.2 requires, a link that leads nowhere.
/// Warnings are worth a look but do not stop a build: an action past its due date, a gap between years.
///
/// Links to other sites are not fetched unless --external is given, so a check gives the same answer offline.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress check                     Check the site in this folder\n  redress check --root my-report    Check the site in my-report/\n  redress check --deny-warnings     Fail on warnings too (in CI, before publishing)\n  redress check --external          Also list the links to other sites and ask each if it answers\n  redress check --format json | jq '.diagnostics[] | select(.severity == \"error\")'\n                                    Read the problems from a script\n\nExit status: 0 no errors (warnings are allowed unless --deny-warnings); 1 the site has errors, or warnings with --deny-warnings; 2 redress could not do its job (a file could not be read, bad arguments)."
)]
pub struct CheckArgs {
    /// Where the site is.
    #[command(flatten)]
    pub root: RootArgs,
    /// Exit with status 1 when there are warnings, as well as when there are errors.
    ///
    /// Use it in CI, or before publishing, to make sure nothing needs a look. Warnings are still printed as
    /// warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also list the links to other sites, and send each address one HEAD request to see if it still answers.
    ///
    /// Addresses are asked one at a time, each once, with a 5-second timeout. An address that does not answer is a
    /// warning, never an error: a site that is down today says nothing certain about the report. Proxies are
    /// taken from HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY.
    #[arg(long)]
    pub external: bool,
    /// How to print the problems: `human` (to standard error, with snippets) or `json` (one object on standard
    /// output, for editors and CI).
    ///
    /// The JSON object is {"diagnostics": [...], "errors": N, "warnings": N}, each diagnostic with severity,
    /// message, file, line, column, end_column, line_text, label and help (null when not known); with --external
    /// it also has "external": [{"url", "file", "line", "column", "pages"}].
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,
}

/// How `check` prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: snippets with carets, on standard error.
    Human,
    /// For programs: one JSON object on standard output.
    Json,
}

/// Runs `redress check`.
pub fn run(args: CheckArgs) -> Result<ExitCode> {
    let root = &args.root.root;
    if !root.is_dir() {
        bail!(
            "`{}` is not a folder: give the folder that holds site.toml with --root",
            root.display()
        );
    }
    let mut site = crate::check_site(root)?;
    crate::export::cms::check_settings(root, &site.files, &mut site.diagnostics)?;
    let external_links = &site.links.external;
    if args.external {
        external::check(external_links, external::TIMEOUT, &mut site.diagnostics);
    }
    let diags = &site.diagnostics;
    let errors = diags.error_count() > 0;
    let warnings = diags.warning_count() > 0;
    match args.format {
        Format::Json => {
            let mut value = to_json(diags);
            if args.external {
                value["external"] = serde_json::to_value(external_links)?;
            }
            print_out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
        }
        Format::Human => {
            if args.external {
                let list: String = external_links
                    .iter()
                    .map(|link| format!("{}\n", external_line(link)))
                    .collect();
                print_out(&list)?;
            }
            eprint!("{}", render_all(diags));
            if !errors {
                let pages = site.links.pages;
                let internal = site.links.internal;
                if !warnings {
                    eprintln!(
                        "no problems found: every input is valid, and the {pages} pages' {internal} internal links all lead somewhere"
                    );
                }
                match external_links.len() {
                    _ if args.external => {}
                    0 => {}
                    1 => eprintln!("1 link to another site was not checked; `redress check --external` lists and checks it"),
                    n => eprintln!("{n} links to other sites were not checked; `redress check --external` lists and checks them"),
                }
                if warnings && args.deny_warnings {
                    eprintln!("warnings count as errors here (--deny-warnings)");
                }
            }
        }
    }
    if errors || (warnings && args.deny_warnings) {
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output. A closed pipe (`redress check --format json | head`) is not a failure: the reader
/// has all it wanted, as ripgrep treats it.
fn print_out(text: &str) -> Result<()> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// One line per external link: the address, where it was written, and the pages it is on.
fn external_line(link: &ExternalLink) -> String {
    let pages = match link.pages.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, rest @ ..] => format!("{a} and {} more pages", rest.len()),
        [] => String::new(),
    };
    match link.position() {
        Some(at) => format!("{}  ({at}; on {pages})", link.url),
        None => format!("{}  (on {pages})", link.url),
    }
}
