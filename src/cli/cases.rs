//! `redress cases`: what a complaints log gives, per year, tenure and stage, and how each figure was made.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use super::args::RootArgs;
use crate::cases::summary::{Homes, YearHomes};
use crate::cases::{count_file, Options};
use crate::cli::EXIT_SITE_ERRORS;
use crate::data::site::SiteConfig;
use crate::diagnostics::{render_all, Diagnostics, SourceFile};

mod json;
mod measures;
mod text;

/// Count a complaints log: every figure of the report, per year, tenure and stage.
///
/// Reads a case management system's export (a .csv file, or a workbook: .xlsx, .xls, .ods), one row per
/// complaint, and prints what it gives for each financial year (1 April to 31 March): complaints received,
/// acknowledged within 5 working days, responded to, within the Complaint Handling Code's timescales, within an
/// agreed extension, outcomes, average working days, refusals by reason, categories and compensation, for
/// low-cost rental (LCRA), low-cost home ownership (LCHO), other tenures and all together, each measure with its
/// numerator and denominator, and the rules each was made by. Working days leave out weekends and the bank
/// holidays of England and Wales (built in for 2019 to 2030).
///
/// The columns are found by their headings, ignoring case, spaces and punctuation: reference, tenure, category,
/// stage1_received, stage1_acknowledged, stage1_extended_to, stage1_responded, stage1_outcome, the same five for
/// stage 2, refused and compensation (see the README). Dates may be written 2025-04-01 or 01/04/2025 (day first).
///
/// Every problem in the log is listed with its line and column, all at once; a row with an error is set aside and
/// counted as set aside, so no row drops out unseen. The summary goes to standard output and the problems to
/// standard error.
///
/// Inside a site (the folder given by --root holds site.toml), the site's `[cases]` settings apply (date_order,
/// closure_days, and `[cases.columns]` for an export's own headings), and CH01 is worked out with the homes that
/// data/performance.toml gives for each year (for LCRA and LCHO, or for all social homes together). Outside one, the defaults apply and CH01 is not shown.
///
/// The log holds personal data. Nothing from a single row is printed in the summary: only counts, and the
/// landlord's own category and refusal labels. Problems, on standard error, quote the row they are about.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress cases exports/complaints-2025-26.csv\n                             Count the log, with the site in this folder\n  redress cases ~/Downloads/cases.xlsx --root my-report\n                             The same for a workbook, with my-report's settings and homes\n  redress cases log.csv --format json | jq '.years[].tenures.all.stage1.measures.ch02'\n                             Read the figures from a script\n\nExit status: 0 the log was counted with no errors (warnings are allowed); 1 the log has errors (every one is listed; rows with errors are set aside and the rest counted) or cannot be counted; 2 redress could not do its job (the file could not be read, bad arguments)."
)]
pub struct CasesArgs {
    /// The complaints log: .csv, or a workbook (.xlsx, .xlsm, .xls, .ods), one row per complaint.
    ///
    /// A relative path is taken from the current folder. In a workbook, the first sheet whose header row names
    /// the columns is read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// How to print the summary: `human` (tables to read) or `json` (one object, for scripts and other tools).
    ///
    /// The JSON object has "format": 1, "file", "rows" {read, used, set_aside, blank}, "years" (each with "year"
    /// such as "2025-26", "rows", "homes", "tenures" {lcra, lcho, other, all} each {stage1, stage2} with every count
    /// and its "measures" as {value, numerator, denominator, scale}, "categories", "uncategorised", "refusals" and
    /// "compensation" {pence, complaints}), "rules" (the sentences saying how figures are made), and the
    /// "diagnostics", "errors" and "warnings" that `redress check --format json` gives.
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,
    /// The site whose settings and homes to use.
    #[command(flatten)]
    pub root: RootArgs,
}

/// How `cases` prints its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people, on standard output; problems on standard error.
    Human,
    /// One JSON object on standard output, problems included.
    Json,
}

/// Runs `redress cases`.
pub fn run(args: CasesArgs) -> Result<ExitCode> {
    let root = &args.root.root;
    if !root.is_dir() {
        bail!(
            "`{}` is not a folder: give the site folder (the one holding site.toml) with --root",
            root.display()
        );
    }
    let mut diags = Diagnostics::new();
    let site = read_site(root, &mut diags)?;
    if diags.has_errors() {
        eprint!("{}", render_all(&diags));
        eprintln!("the log was not counted: site.toml's [cases] settings are needed to read it");
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    let options = site
        .as_ref()
        .map_or_else(Options::default, |c| Options::from_config(&c.cases));
    let name = args.file.display().to_string();
    let summary = count_file(&args.file, &name, &options, &mut diags)?;
    let (homes, homes_source) = if site.is_some() {
        (homes_by_year(root), Some("data/performance.toml"))
    } else {
        (Homes::new(), None)
    };
    match (args.format, &summary) {
        (Format::Json, Some(s)) => {
            let value = json::summary(&name, s, &homes, &diags);
            print_out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
        }
        (Format::Json, None) => {
            let mut value = crate::diagnostics::to_json(&diags);
            value["file"] = serde_json::Value::String(name.clone());
            print_out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
        }
        (Format::Human, _) => {
            eprint!("{}", render_all(&diags));
            match &summary {
                Some(s) => print_out(&text::summary(&name, s, &homes, homes_source))?,
                None => eprintln!("the log was not counted"),
            }
        }
    }
    if summary.is_none() || diags.has_errors() {
        return Ok(ExitCode::from(EXIT_SITE_ERRORS));
    }
    Ok(ExitCode::SUCCESS)
}

/// The site's settings, when `root` holds a site.toml.
fn read_site(root: &Path, diags: &mut Diagnostics) -> Result<Option<SiteConfig>> {
    let path = root.join("site.toml");
    if !path.is_file() {
        return Ok(None);
    }
    let text = crate::fs::read_to_string(&path)?;
    let source = SourceFile::new("site.toml", &path, text);
    Ok(crate::data::toml_doc::load::<SiteConfig>(&source, diags))
}

/// The homes each year of data/performance.toml gives, by `label`, for CH01: `homes` in `[years.lcra]` and
/// `[years.lcho]` for a site that reports by tenure, or `homes` in the year for one that reports all social homes
/// together. Anything else in the file is ignored here, and a file that cannot be read gives no homes: `redress
/// check` reports its problems.
fn homes_by_year(root: &Path) -> Homes {
    let Ok(text) = std::fs::read_to_string(root.join("data/performance.toml")) else {
        return Homes::new();
    };
    let Ok(doc) = text.parse::<toml::Table>() else {
        return Homes::new();
    };
    let homes = |t: Option<&toml::Value>| {
        t.and_then(|t| t.get("homes")?.as_integer())
            .and_then(|h| u64::try_from(h).ok())
    };
    let years = doc.get("years").and_then(|v| v.as_array());
    years
        .into_iter()
        .flatten()
        .filter_map(|y| {
            let label = y.get("label")?.as_str()?.to_string();
            let year = YearHomes {
                lcra: homes(y.get("lcra")),
                lcho: homes(y.get("lcho")),
                combined: homes(Some(y)),
            };
            Some((label, year))
        })
        .collect()
}

/// Writes to standard output; a closed pipe (`| head`) is the reader's choice, not a failure.
fn print_out(text: &str) -> Result<()> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
