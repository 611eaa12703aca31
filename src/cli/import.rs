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
/// Reads the self-assessment you already have and writes the self-assessment data file. It accepts:
///
///   - a Word document (.docx): the Ombudsman's template or your own table;
///   - a spreadsheet (.xlsx, .xls, .ods) or a .csv;
///   - saved web pages (.html, .htm, or a web archive, .mhtml): give every page of the form, in order, or the
///     folder that holds them; pages with the form as a table, or as labelled blocks ("Code provision 1.2",
///     "Comply", "Yes.", "Evidence", ...), one page per section or all on one;
///   - text copied out of a document, a PDF or a browser (.txt, .md): tab-separated cells, a markdown `|` table,
///     labels and values one to a line, or rows whose cells ran together.
///
/// Columns and labels are recognised by their words, in any order. Rows split across pages are joined,
/// repeated header rows and pages copied twice dropped, HTML and bullets turned into markdown, and provision
/// numbers that were lost or mangled recovered by matching the requirement text against the 2024 Code, which
/// is also how rows whose cells ran together are split. A web page's menus, headers, footers, skip links and
/// "Share this page" are left out. A number in your evidence ("2.1 A complaint is defined ...") is taken for a
/// provision only when that provision's own wording follows it.
///
/// Answers are yes or no, as on the 2024 form: a "Partial" is written as no, with the form's word kept in the
/// commentary. Nothing is dropped silently: a summary lists what was found and recovered, what is missing, what
/// the build will still ask for, and every piece of text that could not be placed, with its file and line.
/// Answers, explanations and dates are never invented. Forms for the 2022 or 2020 Code are refused with an
/// explanation, because their provisions do not map onto the 2024 Code's.
///
/// The file is written to data/self-assessment.toml in the current folder unless -o says otherwise; an existing
/// file is never replaced without --force.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress import self-assessment-2025.docx\n                             Write data/self-assessment.toml from the Word form\n  redress import saved-pages/\n                             Read every saved page in the folder (section-1.html, section-2.html, ...)\n  redress import section-1.html section-2.html section-3.html\n                             Read the pages in the order given\n  redress import copied-from-browser.txt -o - | less\n                             Print the result instead of writing it\n  redress import form.xlsx --root my-report --force\n                             Replace my-report/data/self-assessment.toml\n\nExit status: 0 imported (even if some text could not be placed; it is listed), 1 the form could not be imported (an older edition of the Code, no provisions found, a kind of file redress cannot read), 2 a file could not be read or written."
)]
pub struct ImportArgs {
    /// The form to import: one file, several files read in order as one form (the pages of a form published one
    /// section per page), or a folder of them.
    ///
    /// Accepted: .docx, .xlsx, .xls, .ods, .csv, .html, .htm, .mhtml, .txt and .md. From a folder, files of those
    /// kinds are read in the order of their names (section-2 before section-10); pictures, stylesheets and
    /// sub-folders are skipped and listed.
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
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
    let result = match import::import(&args.files, &options) {
        Ok(r) => r,
        Err(e) if e.is_io() => return Err(anyhow::Error::new(e)),
        Err(e) => {
            let names: Vec<String> = args
                .files
                .iter()
                .map(|f| format!("`{}`", f.display()))
                .collect();
            eprintln!("error: cannot import {}: {e}", names.join(", "));
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
pub(crate) fn report(target: Option<&Path>, r: &ImportResult, millis: u128) -> String {
    use std::fmt::Write as _;
    let s = &r.summary;
    let mut out = String::new();
    let (from, order) = match r.files.as_slice() {
        [(name, format)] => (format!("{name} ({format})"), None),
        files => {
            let mut kinds: Vec<String> = Vec::new();
            for (_, f) in files {
                let kind = format!("{f}s");
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
            let kinds = match kinds.as_slice() {
                [one] => one.clone(),
                _ => format!("files: {}", kinds.join(", ")),
            };
            (
                format!("{} {kinds}", files.len()),
                Some(wrap(&format!("read in this order: {}", names.join(", ")))),
            )
        }
    };
    let _ = writeln!(
        out,
        "imported {} of the 72 provisions from {from}{} in {millis} ms",
        s.found,
        target.map_or(String::new(), |t| format!(" into {}", t.display()))
    );
    if let Some(order) = order {
        out.push_str(&order);
    }
    if !r.skipped.is_empty() {
        let skipped: Vec<String> = r
            .skipped
            .iter()
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  skipped in the folder (not a kind of file redress reads): {}",
            skipped.join(", ")
        );
    }
    if s.merged_cells > 0 {
        let _ = writeln!(
            out,
            "  {} rows had their cells run together: their evidence and commentary could not be told apart, so\n  \
             both were written as evidence; the answer was split off by the Code's wording",
            s.merged_cells
        );
    }
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
    let labels = of(&[FormTextKind::Label]).len();
    let chrome = of(&[FormTextKind::PageChrome]);
    let copies = of(&[FormTextKind::RepeatedCopy]);
    let _ = writeln!(
        out,
        "\nnot carried over (the form's own text):\n  {} header rows ({repeated} repeated), {rules} rules{}\n  {} headings{}\n  {} paragraphs of the Ombudsman's instructions{}",
        headers.len(),
        if labels > 0 {
            format!(", {labels} labels (\"Code provision\", \"Comply\", ...)")
        } else {
            String::new()
        },
        headings.len(),
        places(&headings),
        instructions.len(),
        places(&instructions),
    );
    if !chrome.is_empty() {
        let _ = writeln!(
            out,
            "  {} pieces of page chrome (menus, skip links, headers and footers, \"Share this page\", \"Last modified\"){}",
            chrome.len(),
            places(&chrome)
        );
    }
    if !copies.is_empty() {
        let _ = writeln!(
            out,
            "  {} rows repeating provisions already read (the page copied or shown twice){}",
            copies.len(),
            places(&copies)
        );
    }
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

/// Where things are, compactly: "(lines 1, 11, 20)", grouped by file when several were read
/// ("(section-1.html lines 3, 9; section-2.html line 4)"), or each location in full for Word and Excel files.
fn places(locs: &[&import::Loc]) -> String {
    if locs.is_empty() {
        return String::new();
    }
    let mut groups: Vec<(Option<&str>, Vec<&import::Loc>)> = Vec::new();
    for loc in locs {
        let (file, at) = loc.split_file();
        match groups.last_mut() {
            Some((f, v)) if *f == file => v.push(at),
            _ => groups.push((file, vec![at])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(file, at)| {
            let lines: Option<Vec<String>> = at
                .iter()
                .map(|l| match l {
                    import::Loc::Line(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect();
            let body = match lines {
                Some(n) if n.len() == 1 => format!("line {}", n[0]),
                Some(n) => format!("lines {}", n.join(", ")),
                None => at
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            match file {
                Some(f) => format!("{f} {body}"),
                None => body,
            }
        })
        .collect();
    format!(" ({})", parts.join("; "))
}

/// Wraps a line at about 110 characters, continuing with an indent: "  first ...\n    more".
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for word in text.split_whitespace() {
        if line.len() + word.len() + 1 > 110 && line.len() > 4 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("   ");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
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
