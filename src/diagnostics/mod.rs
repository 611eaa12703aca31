//! Problems found in a site's input, collected rather than thrown.
//!
//! redress meets two kinds of failure. When the *input* is wrong (a misspelt key, a count that cannot be, a missing
//! provision) every loader and check pushes a [`Diagnostic`] into a [`Diagnostics`] collector and carries on, so that
//! one build reports every problem at once. When the *world* fails (a disk error, a folder redress does not own) the
//! caller stops with an `anyhow` error instead. This module holds the first kind only.
//!
//! A diagnostic carries its own copy of the offending line, so it can be rendered (or sent as JSON) after the source
//! text is gone.

mod json;
mod render;
mod source;
mod suggest;

pub(crate) use json::{diagnostic_json, to_json};
pub(crate) use render::{render_all, snippet};
pub(crate) use source::SourceFile;
pub(crate) use suggest::did_you_mean;

use std::ops::Range;

/// Exit status when the site has errors (all of them were listed). The statuses are documented in `--help`:
/// 0 success, 1 the site has errors, 2 redress could not do its job. They live here, beside the diagnostics that
/// decide between 0 and 1, so that every command (and `serve`) shares them without reaching up into the CLI.
pub(crate) const EXIT_SITE_ERRORS: u8 = 1;
/// Exit status when redress could not do its job (I/O, a folder it does not own, bad arguments).
pub(crate) const EXIT_FAILURE: u8 = 2;

/// How serious a diagnostic is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    /// The site cannot be built correctly until this is fixed.
    Error,
    /// The site builds, but something deserves a look.
    Warning,
}

/// Where in a file a diagnostic points: 1-based line and column (in characters), and the line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    /// 1-based line number.
    pub(crate) line: usize,
    /// 1-based column, counted in characters (not bytes), as editors count them.
    pub(crate) column: usize,
    /// The whole text of the line, without its line ending.
    pub(crate) line_text: String,
    /// How many characters of the line the caret underlines (at least 1).
    pub(crate) width: usize,
}

/// One problem in a site's input: what is wrong, where, and what to do about it.
#[derive(Debug, Clone)]
pub(crate) struct Diagnostic {
    /// Error or warning.
    pub(crate) severity: Severity,
    /// What is wrong, starting in lower case, quoting the user's value.
    pub(crate) message: String,
    /// The file, as a path relative to the site root with `/` separators; `None` for site-wide problems.
    pub(crate) file: Option<String>,
    /// The position in the file, when known.
    pub(crate) location: Option<Location>,
    /// A short label printed beside the caret.
    pub(crate) label: Option<String>,
    /// An action the user can take to fix it.
    pub(crate) help: Option<String>,
}

impl Diagnostic {
    /// A new error with no location.
    pub(crate) fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message)
    }

    /// A new warning with no location.
    pub(crate) fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message)
    }

    fn new(severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            message: message.into(),
            file: None,
            location: None,
            label: None,
            help: None,
        }
    }

    /// Names the file the problem is in, without a position.
    pub(crate) fn in_file(mut self, file: &SourceFile) -> Self {
        self.file = Some(file.name.clone());
        self
    }

    /// Points at a byte range of a file.
    pub(crate) fn at(mut self, file: &SourceFile, span: Range<usize>) -> Self {
        self.file = Some(file.name.clone());
        self.location = Some(file.locate(span));
        self
    }

    /// Adds a label shown beside the caret.
    pub(crate) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a hint: an action the user can take.
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col`, or as much of it as is known.
    pub(crate) fn position(&self) -> Option<String> {
        match (&self.file, &self.location) {
            (Some(f), Some(l)) => Some(format!("{f}:{}:{}", l.line, l.column)),
            (Some(f), None) => Some(f.clone()),
            _ => None,
        }
    }
}

/// Collects diagnostics from every stage of a build.
#[derive(Debug, Default, Clone)]
pub(crate) struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collector.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Number of errors recorded.
    pub(crate) fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings recorded.
    pub(crate) fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when at least one error was recorded.
    pub(crate) fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// All diagnostics, sorted by file then position then severity, so output is stable whatever order the
    /// checks ran in. Site-wide diagnostics (no file) come last.
    pub(crate) fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.file.is_none(),
                    d.file.clone(),
                    d.location.as_ref().map(|l| (l.line, l.column)),
                    d.severity,
                    d.message.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        v.dedup_by(|a, b| a.message == b.message && a.file == b.file && a.location == b.location);
        v
    }

    /// True when nothing was recorded.
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
