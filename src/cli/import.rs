//! `redress import`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};

use super::args::RootArgs;
use crate::cli::{EXIT_FAILURE, EXIT_SITE_ERRORS};
use crate::import::{self, FormTextKind, ImportOptions, ImportResult};

/// Turn an existing self-assessment form into data/self-assessment.toml.
///
/// Reads the self-assessment you already have (the Ombudsman's Word template or your own table in a .docx, an
/// .xlsx, .xls or .ods spreadsheet, a .csv, or a .txt file holding the table copied out of a document or PDF)
/// and writes the self-assessment data file. Columns are recognised by their headings, in any order. Rows split
/// across pages are joined, repeated header rows dropped, HTML and bullets turned into markdown, and provision
/// numbers that were lost or mangled recovered by matching the requirement text against the 2024 Code.
///
/// Nothing is dropped silently: a summary lists what was found and recovered, what is missing, what the build
/// will still ask for, and every piece of text that could not be placed, with its line. Answers, explanations and
/// dates are never invented. Forms for the 2022 or 2020 Code are refused with an explanation, because their
/// provisions do not map onto the 2024 Code's.
///
/// The file is written to data/self-assessment.toml in the current folder unless -o says otherwise; an existing
/// file is never replaced without --force.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress import self-assessment-2025.docx\n                             Write data/self-assessment.toml from the Word form\n  redress import form.xlsx -o - | less\n                             Print the result instead of writing it\n  redress import pasted.txt --root my-report --force\n                             Replace my-report/data/self-assessment.toml\n\nExit status: 0 imported (even if some text could not be placed; it is listed), 1 the file could not be imported (an older edition of the Code, no table found, a kind of file redress cannot read), 2 a file could not be read or written."
)]
pub struct ImportArgs {
    /// The form to import: .docx, .xlsx, .xls, .ods, .csv or .txt.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Where to write the data file; `-` writes it to standard output [default: data/self-assessment.toml in the
    /// site folder].
    ///
    /// A relative path is taken from the current folder.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// The site whose data/self-assessment.toml is written when -o is not given.
    #[command(flatten)]
    pub root: RootArgs,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Import the form as a 2024 Code form even if it looks like an older edition's.
    ///
    /// Use this only when redress mistook a 2024 form for a 2022 or 2020 one: the numbers and text of each row
    /// are still checked against the 2024 Code.
    #[arg(long, value_name = "YEAR")]
    pub edition: Option<EditionArg>,
}

/// The editions `--edition` accepts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EditionArg {
    /// The 2024 Code.
    #[value(name = "2024")]
    Code2024,
}

/// Runs `redress import`.
pub fn run(args: ImportArgs) -> Result<ExitCode> {
    let start = std::time::Instant::now();
    let options = ImportOptions {
        force_2024: args.edition.is_some(),
    };
    let result = match import::import(&args.file, &options) {
        Ok(r) => r,
        Err(e) if e.is_io() => return Err(anyhow::Error::new(e)),
        Err(e) => {
            eprintln!("error: cannot import `{}`: {e}", args.file.display());
            return Ok(ExitCode::from(EXIT_SITE_ERRORS));
        }
    };
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.root.join("data").join("self-assessment.toml"));
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = stdout
            .write_all(result.toml.as_bytes())
            .and_then(|()| stdout.flush())
        {
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(e).context("failed to write to standard output");
            }
        }
    } else if let Err(code) = write_file(&target, &result.toml, args.force)? {
        return Ok(code);
    }
    eprint!(
        "{}",
        report(
            &args.file,
            (!to_stdout).then_some(target.as_path()),
            &result,
            start.elapsed().as_millis()
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the file, refusing to replace one without `--force`. The inner error is an exit status already
/// explained to the user.
fn write_file(target: &Path, text: &str, force: bool) -> Result<Result<(), ExitCode>> {
    if target.exists() && !force {
        eprintln!(
            "error: `{}` already exists, and redress does not replace a file without being asked\n\nhelp: run again with --force to replace it, or with -o to write somewhere else",
            target.display()
        );
        return Ok(Err(ExitCode::from(EXIT_FAILURE)));
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::fs::create_dir_all(parent)?;
    }
    // Write beside the target and rename, so an interrupted import never leaves half a file.
    let tmp = target.with_extension("toml.redress-import");
    std::fs::write(&tmp, text).with_context(|| format!("failed to write `{}`", tmp.display()))?;
    crate::fs::rename(&tmp, target)?;
    Ok(Ok(()))
}

/// The summary printed after an import.
pub fn report(file: &Path, target: Option<&Path>, r: &ImportResult, millis: u128) -> String {
    use std::fmt::Write as _;
    let s = &r.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "imported {} of the 72 provisions from {} ({}){} in {millis} ms",
        s.found,
        file.display(),
        r.format,
        target.map_or(String::new(), |t| format!(" into {}", t.display()))
    );
    if let Some(columns) = &s.inferred_columns {
        let _ = writeln!(
            out,
            "  the table has no header row; its columns were read as: {columns}"
        );
    }
    let _ = writeln!(out, "  found by number      {}", s.by_number);
    let recovered: Vec<String> = s
        .recovered
        .iter()
        .map(|x| match &x.written {
            Some(w) => format!("{} (written `{w}`, {})", x.number, x.loc),
            None => format!("{} ({})", x.number, x.loc),
        })
        .collect();
    let _ = writeln!(
        out,
        "  recovered from text  {}{}",
        s.recovered.len(),
        list(&recovered)
    );
    let _ = writeln!(
        out,
        "  missing              {}{}",
        s.missing.len(),
        list(&s.missing)
    );
    let unanswered: Vec<String> = s.unanswered.iter().map(|n| n.number.clone()).collect();
    let partial = if s.partial.is_empty() {
        String::new()
    } else {
        format!(
            " ({} answered \"Partial\" on the form: {})",
            s.partial.len(),
            s.partial.join(", ")
        )
    };
    let _ = writeln!(
        out,
        "  answered             yes {}, no {}{partial}, no answer {}{}",
        s.yes,
        s.no,
        s.unanswered.len(),
        list(&unanswered)
    );
    let _ = writeln!(
        out,
        "  actions              {} with a due date, {} kept in commentary (no date)",
        s.actions, s.undated_actions
    );
    if !s.unanswered.is_empty() {
        let _ = writeln!(out, "\nno answer (written as commented-out entries):");
        for n in &s.unanswered {
            let _ = writeln!(out, "  {}: {}", n.number, n.note);
        }
    }
    if !s.build_needs.is_empty() {
        let _ = writeln!(out, "\nthe build will ask for:");
        for n in s
            .build_needs
            .iter()
            .filter(|n| !n.note.starts_with("an answer"))
        {
            let _ = writeln!(out, "  {}: {}", n.number, n.note);
        }
        let unanswered = s.missing.len() + s.unanswered.len();
        if unanswered > 0 {
            let _ = writeln!(
                out,
                "  an answer to {} listed above as missing or with no answer",
                if unanswered == 1 {
                    "the provision".to_string()
                } else {
                    format!("each of the {unanswered} provisions")
                }
            );
        }
    }
    if !s.undated_in.is_empty() {
        let _ = writeln!(
            out,
            "\n{} action{} of {} {} no completion date redress can read, so {} kept in the commentary: give {} a due\ndate to show {} as actions",
            s.undated_actions,
            if s.undated_actions == 1 { "" } else { "s" },
            s.undated_in.join(", "),
            if s.undated_actions == 1 { "has" } else { "have" },
            if s.undated_actions == 1 { "it is" } else { "they are" },
            if s.undated_actions == 1 { "it" } else { "each" },
            if s.undated_actions == 1 { "it" } else { "them" },
        );
    }
    if !s.checks.is_empty() {
        let _ = writeln!(out, "\ncheck against the form:");
        for n in &s.checks {
            let _ = writeln!(out, "  {}: {}", n.number, n.note);
        }
    }
    if !r.unplaced.is_empty() {
        let _ = writeln!(out);
        for u in &r.unplaced {
            let _ = writeln!(
                out,
                "could not place ({}): {}\n  ({})",
                u.loc,
                short(&u.text, 100),
                u.reason
            );
        }
    }
    let of = |kinds: &[FormTextKind]| -> Vec<&import::Loc> {
        r.form_text
            .iter()
            .filter(|(_, k)| kinds.contains(k))
            .map(|(l, _)| l)
            .collect()
    };
    let headers = of(&[FormTextKind::Header, FormTextKind::RepeatedHeader]);
    let repeated = of(&[FormTextKind::RepeatedHeader]).len();
    let headings = of(&[FormTextKind::Heading]);
    let instructions = of(&[FormTextKind::Instructions]);
    let rules = of(&[FormTextKind::Separator]).len();
    let _ = writeln!(
        out,
        "\nnot carried over (the form's own text):\n  {} header rows ({repeated} repeated), {rules} rules\n  {} headings{}\n  {} paragraphs of the Ombudsman's instructions{}",
        headers.len(),
        headings.len(),
        places(&headings),
        instructions.len(),
        places(&instructions),
    );
    if !r.ignored_marks.is_empty() {
        let marks: Vec<String> = r
            .ignored_marks
            .iter()
            .map(|(l, m)| format!("`{}` ({l})", short(m, 10)))
            .collect();
        let _ = writeln!(out, "  stray marks: {}", marks.join(", "));
    }
    let _ = writeln!(
        out,
        "the requirement text is not copied: redress shows the Code's own wording from its catalogue\nnext: check the file against the form, then run `redress build`"
    );
    out
}

/// Where things are, compactly: "(lines 1, 11, 20)", or each location in full for Word and Excel files.
fn places(locs: &[&import::Loc]) -> String {
    if locs.is_empty() {
        return String::new();
    }
    let lines: Option<Vec<String>> = locs
        .iter()
        .map(|l| match l {
            import::Loc::Line(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    match lines {
        Some(n) if n.len() == 1 => format!(" (line {})", n[0]),
        Some(n) => format!(" (lines {})", n.join(", ")),
        None => {
            let all: Vec<String> = locs.iter().map(ToString::to_string).collect();
            format!(" ({})", all.join("; "))
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!(": {}", items.join(", "))
    }
}

fn short(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > max {
        format!("{}...", one_line.chars().take(max - 3).collect::<String>())
    } else {
        one_line
    }
}
