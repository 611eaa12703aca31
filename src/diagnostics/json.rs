//! Diagnostics as JSON, for editors and CI (`redress check --format json`).
//!
//! The shape is one object, stable and flat so that a problem matcher or a few lines of `jq` can read it:
//!
//! ```json
//! { "diagnostics": [ { "severity": "error", "message": "unknown key `hommes`", "file": "data/performance.toml",
//!                      "line": 7, "column": 1, "end_column": 7, "line_text": "hommes = 11_860",
//!                      "label": "unknown key", "help": "did you mean `homes`?" } ],
//!   "errors": 1, "warnings": 0 }
//! ```
//!
//! Lines and columns are 1-based and count characters, as editors do; `end_column` is the column just after the
//! underlined text. Fields that are not known for a diagnostic (a site-wide problem has no file) are `null`. The
//! diagnostics are sorted and de-duplicated exactly as the terminal output is, so both list the same problems.

use serde::Serialize;

use super::{Diagnostic, Diagnostics, Severity};

/// One diagnostic as JSON.
#[derive(Debug, Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_column: Option<usize>,
    line_text: Option<&'a str>,
    label: Option<&'a str>,
    help: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        let loc = d.location.as_ref();
        JsonDiagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: &d.message,
            file: d.file.as_deref(),
            line: loc.map(|l| l.line),
            column: loc.map(|l| l.column),
            end_column: loc.map(|l| l.column + l.width),
            line_text: loc.map(|l| l.line_text.as_str()),
            label: d.label.as_deref(),
            help: d.help.as_deref(),
        }
    }
}

/// One diagnostic as JSON, in the shape `check --format json` prints (every field present, `null` when unknown).
pub(crate) fn diagnostic_json(d: &Diagnostic) -> serde_json::Value {
    serde_json::to_value(JsonDiagnostic::from(d)).unwrap_or(serde_json::Value::Null)
}

/// The diagnostics as one JSON object: `diagnostics` (sorted), `errors` and `warnings` (counts).
pub(crate) fn to_json(diagnostics: &Diagnostics) -> serde_json::Value {
    let sorted = diagnostics.sorted();
    let errors = sorted
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let list: Vec<JsonDiagnostic<'_>> = sorted.iter().map(|d| JsonDiagnostic::from(*d)).collect();
    serde_json::json!({
        "diagnostics": list,
        "errors": errors,
        "warnings": sorted.len() - errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;

    #[test]
    fn gives_every_field_with_nulls_for_the_unknown() {
        let f = SourceFile::new("data/p.toml", "p", "label = \"x\"\nhommes = 1\n");
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error("unknown key `hommes`")
                .at(&f, 12..18)
                .label("unknown key")
                .help("did you mean `homes`?"),
        );
        ds.push(Diagnostic::warning("site-wide"));
        let v = to_json(&ds);
        assert_eq!(v["errors"], 1);
        assert_eq!(v["warnings"], 1);
        let d = &v["diagnostics"][0];
        assert_eq!(d["severity"], "error");
        assert_eq!(d["file"], "data/p.toml");
        assert_eq!(
            (
                d["line"].as_u64(),
                d["column"].as_u64(),
                d["end_column"].as_u64()
            ),
            (Some(2), Some(1), Some(7))
        );
        assert_eq!(d["line_text"], "hommes = 1");
        assert!(v["diagnostics"][1]["file"].is_null());
        assert!(v["diagnostics"][1]["line"].is_null());
    }
}
