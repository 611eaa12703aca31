//! Renders diagnostics for a terminal, in the shape compilers have taught people to read.
//!
//! ```text
//! error: unknown key `hommes`
//!   --> data/performance.toml:3:1
//!    |
//!  3 | hommes = 12140
//!    | ^^^^^^ unknown key
//!    |
//!    = help: did you mean `homes`?
//! ```

use std::fmt::Write as _;

use super::{Diagnostic, Diagnostics, Severity};

/// Renders every diagnostic, sorted, followed by a one-line count ("2 errors and 1 warning in 2 files").
pub(crate) fn render_all(diagnostics: &Diagnostics) -> String {
    let mut out = String::new();
    let sorted = diagnostics.sorted();
    for d in &sorted {
        out.push_str(&render(d));
        out.push('\n');
    }
    let errors = sorted
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = sorted.len() - errors;
    let mut files: Vec<&str> = sorted.iter().filter_map(|d| d.file.as_deref()).collect();
    files.sort_unstable();
    files.dedup();
    if !sorted.is_empty() {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(plural(errors, "error"));
        }
        if warnings > 0 {
            parts.push(plural(warnings, "warning"));
        }
        let _ = write!(out, "{}", parts.join(" and "));
        if !files.is_empty() {
            let _ = write!(out, " in {}", plural(files.len(), "file"));
        }
        out.push('\n');
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Renders one diagnostic.
pub(crate) fn render(d: &Diagnostic) -> String {
    let mut out = String::new();
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "{kind}: {}", d.message);
    let gutter = d.location.as_ref().map_or(1, |l| l.line.to_string().len());
    let pad = " ".repeat(gutter);
    if let Some(pos) = d.position() {
        let _ = writeln!(out, "{pad}--> {pos}");
    }
    if let Some(snippet) = snippet(d) {
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{snippet}");
    }
    if let Some(help) = &d.help {
        if d.location.is_some() {
            let _ = writeln!(out, "{pad} |");
        }
        for (i, line) in help.lines().enumerate() {
            if i == 0 {
                let _ = writeln!(out, "{pad} = help: {line}");
            } else {
                let _ = writeln!(out, "{pad}         {line}");
            }
        }
    }
    out
}

/// The offending line and the caret line under it, with the label beside the carets:
///
/// ```text
/// 3 | hommes = 12140
///   | ^^^^^^ unknown key
/// ```
///
/// The one rendering of a snippet: the terminal and `serve`'s error overlay both show this.
pub(crate) fn snippet(d: &Diagnostic) -> Option<String> {
    let loc = d.location.as_ref()?;
    let number = loc.line.to_string();
    let pad = " ".repeat(number.len());
    let lead = " ".repeat(loc.column.saturating_sub(1));
    let carets = "^".repeat(loc.width);
    let label = d
        .label
        .as_deref()
        .map_or(String::new(), |l| format!(" {l}"));
    Some(format!(
        "{number} | {}\n{pad} | {lead}{carets}{label}",
        loc.line_text.replace('\t', " ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;

    #[test]
    fn renders_snippet_caret_and_help() {
        let f = SourceFile::new("data/p.toml", "p", "label = \"x\"\nhommes = 1\n");
        let d = Diagnostic::error("unknown key `hommes`")
            .at(&f, 12..18)
            .label("unknown key")
            .help("did you mean `homes`?");
        let text = render(&d);
        assert_eq!(
            text,
            "error: unknown key `hommes`\n --> data/p.toml:2:1\n  |\n2 | hommes = 1\n  | ^^^^^^ unknown key\n  |\n  = help: did you mean `homes`?\n"
        );
    }

    #[test]
    fn counts_errors_warnings_and_files() {
        let f = SourceFile::new("a", "a", "x");
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::error("one").in_file(&f));
        ds.push(Diagnostic::error("two"));
        ds.push(Diagnostic::warning("three").in_file(&f));
        assert!(render_all(&ds).ends_with("2 errors and 1 warning in 1 file\n"));
    }
}
