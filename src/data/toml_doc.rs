//! Reads a TOML data file into its serde structs, reporting as many problems as one pass can find.
//!
//! serde stops at the first error in a value. To report more than one problem per file we parse the document once
//! (every syntax error is reported) and, when deserialization fails, set aside the top-level entry that held the
//! error (one `[[years]]` or `[[provisions]]` element, say) and try again. So a self-assessment with five bad rows
//! yields five diagnostics in one build, each with its line and column. The file's value is only returned when it
//! had no errors at all: later checks never run on half-read data.

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// Most entries set aside in one file before giving up: enough for a whole self-assessment gone wrong.
const MAX_ERRORS_PER_FILE: usize = 100;

/// Parses and deserializes `file`. Returns `None` (with diagnostics pushed) if anything was wrong.
pub(crate) fn load<T: DeserializeOwned>(file: &SourceFile, diags: &mut Diagnostics) -> Option<T> {
    let (mut table, errors) = DeTable::parse_recoverable(&file.text);
    if !errors.is_empty() {
        for e in errors {
            diags.push(syntax_error(file, &e));
        }
        return None;
    }
    let mut failed = false;
    for _ in 0..MAX_ERRORS_PER_FILE {
        match T::deserialize(toml::de::Deserializer::from(table.clone())) {
            Ok(value) => return (!failed).then_some(value),
            Err(e) => {
                failed = true;
                diags.push(data_error(file, &e));
                let span = e.span()?;
                if !remove_entry_containing(table.get_mut(), span.start) {
                    return None;
                }
            }
        }
    }
    None
}

/// Removes the element of a top-level array (of tables) that holds byte `offset`. Returns false when the error is
/// not inside such an element, in which case retrying would only repeat it.
///
/// The parser's span for an element of an array of tables covers only its `[[header]]`, so the element holding an
/// offset is the one whose span starts last at or before it, among everything at the top level; if that is not an
/// array element (a plain `[table]`, say), nothing is removed.
fn remove_entry_containing<'i>(table: &mut DeTable<'i>, offset: usize) -> bool {
    let mut best: Option<(usize, Option<(usize, usize)>)> = None;
    for (k, (key, value)) in table.iter().enumerate() {
        let mut consider = |start: usize, target: Option<(usize, usize)>| {
            if start <= offset && best.is_none_or(|(b, _)| start >= b) {
                best = Some((start, target));
            }
        };
        match value.get_ref() {
            DeValue::Array(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    consider(item.span().start, Some((k, i)));
                }
            }
            _ => consider(key.span().start, None),
        }
    }
    let Some((_, Some((k, index)))) = best else {
        return false;
    };
    let Some((_, value)) = table.iter_mut().nth(k) else {
        return false;
    };
    let DeValue::Array(items) = value.get_mut() else {
        return false;
    };
    // DeArray has no remove; rebuild it without the element.
    let all = std::mem::replace(items, toml::de::DeArray::new());
    *items = all
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, v)| v)
        .collect();
    true
}

fn syntax_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = first_line(e.message());
    let d = Diagnostic::error(format!("this is not valid TOML: {message}")).help(
        "check the quotes, brackets and `=` signs on this line; text values need \"double quotes\"",
    );
    match e.span() {
        Some(span) => d.at(file, span),
        None => d.in_file(file),
    }
}

/// Turns serde's messages (written for programmers) into ones written for the people who edit these files.
pub(crate) fn data_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let raw = first_line(e.message());
    let mut d = humanise(&raw);
    // A value type of the data edge (money, a published figure) says what to do on a line of its own: see
    // `with_help`.
    if let Some((_, help)) = e.message().split_once(HELP_MARK) {
        d = d.help(first_line(help));
    }
    match e.span() {
        Some(span) => d.at(file, span),
        None => d.in_file(file),
    }
}

/// Separates a custom deserialization error's message from its hint.
const HELP_MARK: &str = "\nhelp: ";

/// A custom deserialization error with a hint, for the value types the data files use (money, figures): serde
/// carries one string, and [`data_error`] splits it back into a diagnostic's message and help.
pub(crate) fn with_help(message: impl std::fmt::Display, help: &str) -> String {
    format!("{message}{HELP_MARK}{help}")
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_string()
}

/// Rewrites one serde message into a diagnostic with a hint.
pub(crate) fn humanise(raw: &str) -> Diagnostic {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut help = match did_you_mean(key, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "remove it, or check its spelling".to_string(),
        };
        if !allowed.is_empty() {
            help.push_str(&format!(
                "\nthe keys allowed here are: {}",
                allowed.join(", ")
            ));
        }
        return Diagnostic::error(format!("unknown key `{key}`"))
            .label("unknown key")
            .help(help);
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::error(format!("missing key `{key}`"))
            .label(format!("`{key}` is needed in this table"))
            .help(format!(
                "add a line `{key} = ...` to this table (see the data files section of the README)"
            ));
    }
    if raw.starts_with("invalid type") || raw.starts_with("invalid value") {
        if raw.contains("expected u64") || raw.contains("expected u32") {
            let found = raw.split('`').nth(1).unwrap_or("this value");
            return Diagnostic::error(format!(
                "expected a count (a whole number, 0 or more), found `{found}`"
            ))
            .label("not a count")
            .help("counts are whole numbers without quotes, such as 1204 or 1_204");
        }
        if raw.contains("expected f64") {
            return Diagnostic::error(raw.to_string())
                .label("not a number")
                .help(
                    "write an amount as a plain number without quotes or a £ sign, such as 1250.50",
                );
        }
        if raw.contains("expected a string") {
            return Diagnostic::error(raw.replace("invalid type: ", "expected text, found "))
                .label("not text")
                .help("put text in \"double quotes\"");
        }
        if raw.contains("expected a boolean") {
            return Diagnostic::error(raw.to_string())
                .label("not true or false")
                .help("write true or false, without quotes");
        }
        if raw.contains("expected a sequence") {
            return Diagnostic::error(raw.to_string())
                .label("not a list")
                .help("write a list in square brackets, such as `refusals = []`, or use [[double bracket]] tables");
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let help = match did_you_mean(value, allowed.iter().copied()) {
            Some(s) => format!(
                "did you mean \"{s}\"? Allowed values: {}",
                allowed.join(", ")
            ),
            None => format!("allowed values: {}", allowed.join(", ")),
        };
        return Diagnostic::error(format!("`{value}` is not one of the allowed values"))
            .label("not allowed here")
            .help(help);
    }
    Diagnostic::error(raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        rows: Vec<Row>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        name: String,
        count: u64,
    }

    fn run(text: &str) -> (Option<Doc>, Diagnostics) {
        let f = SourceFile::new("t.toml", "t.toml", text);
        let mut diags = Diagnostics::new();
        let doc = load::<Doc>(&f, &mut diags);
        (doc, diags)
    }

    #[test]
    fn reports_one_error_per_bad_row() {
        let (doc, diags) = run(
            "[[rows]]\nname = \"a\"\ncount = -1\n[[rows]]\nname = \"b\"\ncont = 2\n[[rows]]\nname = \"c\"\ncount = 3\n",
        );
        assert!(doc.is_none());
        let sorted = diags.sorted();
        assert_eq!(sorted.len(), 2, "{sorted:#?}");
        assert_eq!(sorted[0].location.as_ref().unwrap().line, 3);
        assert!(sorted[0].message.contains("count"));
        assert_eq!(sorted[1].location.as_ref().unwrap().line, 6);
        assert_eq!(sorted[1].message, "unknown key `cont`");
        assert!(sorted[1]
            .help
            .as_ref()
            .unwrap()
            .starts_with("did you mean `count`?"));
    }

    #[test]
    fn reports_every_syntax_error() {
        let (doc, diags) = run("[[rows]]\nname = \"a\ncount = 1\n");
        assert!(doc.is_none());
        assert!(diags.has_errors());
        assert_eq!(diags.sorted()[0].location.as_ref().unwrap().line, 2);
    }

    #[test]
    fn returns_value_when_clean() {
        let (doc, diags) = run("[[rows]]\nname = \"a\"\ncount = 1\n");
        assert!(diags.is_empty());
        assert_eq!(doc.unwrap().rows.len(), 1);
    }
}
