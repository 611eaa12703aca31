//! The same value given twice: a category, refusal reason or remedy listed twice in a year, a year's
//! determinations given twice, a case reference repeated, an improvement copied.
//!
//! A repeated entry is nearly always a copy-and-paste slip, and the report would show both rows: a table with the
//! same reason twice, or a total counted twice over. Values are compared as a reader would see them, ignoring case
//! and spacing, and the diagnostic points at the second one and names the line of the first.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Reports each value that repeats an earlier one in `values` (each with its span in `src`). `message` gets the
/// value as written; `help` says what to do.
pub(crate) fn report<'a>(
    values: impl IntoIterator<Item = (&'a str, Range<usize>)>,
    src: &SourceFile,
    message: impl Fn(&str) -> String,
    help: &str,
    diags: &mut Diagnostics,
) {
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for (value, span) in values {
        let key = normalise(value);
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) => {
                let line = src.locate(first.clone()).line;
                diags.push(
                    Diagnostic::error(message(value))
                        .at(src, span)
                        .label(format!("also given on line {line}"))
                        .help(help),
                );
            }
            None => {
                seen.insert(key, span);
            }
        }
    }
}

/// Lower case with runs of white space made one space, so that "Damp and  mould" repeats "damp and mould".
pub(crate) fn normalise(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_second_and_names_the_first() {
        let src = SourceFile::new("t.toml", "t", "a = \"X\"\nb = \"Y\"\nc = \"x \"\n");
        let mut diags = Diagnostics::new();
        let spans = [("X", 4..7), ("Y", 12..15), ("x ", 20..24)];
        report(
            spans.iter().cloned(),
            &src,
            |v| format!("`{v}` is given twice"),
            "give it once",
            &mut diags,
        );
        let d = diags.sorted();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.as_ref().unwrap().line, 3);
        assert_eq!(d[0].label.as_deref(), Some("also given on line 1"));
    }
}
