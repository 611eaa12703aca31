//! `data/self-assessment.toml` (or `.csv`): the landlord's answer to each provision of the Code.
//!
//! The requirement text is not here: it comes from the built-in catalogue, so a site can never misquote the Code.

use serde::Deserialize;
use toml::Spanned;

use super::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SelfAssessmentFile {
    /// Set by `redress new-year` on a file carried over from an earlier year (`carried_over = "2025-26"`): a
    /// warning until it is reviewed for the report year and the key removed.
    pub(crate) carried_over: Option<Spanned<String>>,
    /// The governing body's approval of this self-assessment (with the CSV form, `data/approval.toml`).
    pub(crate) approval: Option<Spanned<Approval>>,
    /// One answer per provision.
    #[serde(default)]
    pub(crate) provisions: Vec<ProvisionAnswer>,
}

/// The governing body's review and approval of the self-assessment, which the form requires "at least annually".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Approval {
    /// The body that approved it ("Board", "Housing Committee").
    pub(crate) body: Option<Spanned<String>>,
    /// The day it was approved.
    pub(crate) date: Option<Spanned<Date>>,
    /// Why this review happened: "annual", "restructure" (Code 8.3) or "ombudsman request" (Code 8.4).
    pub(crate) reason: Option<Spanned<String>>,
    /// Markdown: anything more (the meeting, the restructure that prompted it).
    pub(crate) note: Option<String>,
}

/// `data/approval.toml`, beside the CSV form: the keys of `[approval]` at its top level, and the mark
/// `redress new-year` leaves on it (a CSV file has nowhere to carry one).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ApprovalFile {
    /// See [`SelfAssessmentFile::carried_over`].
    pub(crate) carried_over: Option<Spanned<String>>,
    /// As in [`Approval`].
    pub(crate) body: Option<Spanned<String>>,
    /// As in [`Approval`].
    pub(crate) date: Option<Spanned<Date>>,
    /// As in [`Approval`].
    pub(crate) reason: Option<Spanned<String>>,
    /// As in [`Approval`].
    pub(crate) note: Option<String>,
}

impl ApprovalFile {
    /// The approval, and the mark.
    pub(crate) fn split(self) -> (Approval, Option<Spanned<String>>) {
        (
            Approval {
                body: self.body,
                date: self.date,
                reason: self.reason,
                note: self.note,
            },
            self.carried_over,
        )
    }
}

/// The landlord's answer to one provision.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProvisionAnswer {
    /// "5.10".
    pub(crate) number: Spanned<String>,
    /// yes or no (common spellings accepted; see [`crate::model::self_assessment::Answer`]).
    pub(crate) comply: Spanned<String>,
    /// Markdown.
    #[serde(default)]
    pub(crate) evidence: String,
    /// Markdown.
    pub(crate) commentary: Option<String>,
    /// Markdown: why it is not met.
    pub(crate) explanation: Option<String>,
    /// What will be done, by whom, by when.
    #[serde(default)]
    pub(crate) actions: Vec<Action>,
}

/// One action towards compliance.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Action {
    /// What will be done.
    pub(crate) action: String,
    /// Who owns it (a job title).
    pub(crate) owner: String,
    /// When it is due.
    pub(crate) due: Spanned<Date>,
    /// not started, in progress or done.
    #[serde(default = "default_status")]
    pub(crate) status: Spanned<String>,
}

fn default_status() -> Spanned<String> {
    Spanned::new(0..0, "not started".to_string())
}

/// The columns of the CSV form, in the order `redress init` writes them.
pub(crate) const CSV_COLUMNS: [&str; 9] = [
    "number",
    "comply",
    "evidence",
    "commentary",
    "explanation",
    "action",
    "owner",
    "due",
    "status",
];

/// Reads the CSV form: one row per provision, one action per row. Spans point at the cell's line and the start of
/// its text, so messages read the same as for the TOML form.
pub(crate) fn from_csv(file: &SourceFile, diags: &mut Diagnostics) -> Option<SelfAssessmentFile> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(file.text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(Diagnostic::error(format!("cannot read the header row: {e}")).in_file(file));
            return None;
        }
    };
    let index: Vec<Option<usize>> = CSV_COLUMNS
        .iter()
        .map(|c| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(c))
        })
        .collect();
    let mut ok = true;
    for (i, h) in headers.iter().enumerate() {
        if !CSV_COLUMNS.iter().any(|c| h.trim().eq_ignore_ascii_case(c)) {
            let span = file.line_span(1);
            let suggestion = crate::diagnostics::did_you_mean(h.trim(), CSV_COLUMNS);
            diags.push(
                Diagnostic::error(format!("unknown column `{h}` (column {})", i + 1))
                    .at(file, span)
                    .help(match suggestion {
                        Some(s) => format!(
                            "did you mean `{s}`? The columns are: {}",
                            CSV_COLUMNS.join(", ")
                        ),
                        None => format!("the columns are: {}", CSV_COLUMNS.join(", ")),
                    }),
            );
            ok = false;
        }
    }
    for required in ["number", "comply"] {
        let pos = CSV_COLUMNS.iter().position(|c| *c == required).unwrap_or(0);
        if index[pos].is_none() {
            diags.push(
                Diagnostic::error(format!("the header row has no `{required}` column"))
                    .at(file, file.line_span(1))
                    .help(format!(
                        "the first row must name the columns: {}",
                        CSV_COLUMNS.join(",")
                    )),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let mut provisions = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let d = Diagnostic::error(format!("cannot read this row: {e}"));
                let d = match e.position() {
                    Some(p) => d.at(file, file.line_span(p.line() as usize)),
                    None => d.in_file(file),
                };
                diags.push(d.help("check that every quoted cell has its closing quote"));
                ok = false;
                continue;
            }
        };
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let cell = |name: &str| -> Option<Spanned<String>> {
            let col = CSV_COLUMNS.iter().position(|c| *c == name)?;
            let value = record.get(index[col]?)?.trim().to_string();
            let at = file.text[start.min(file.text.len())..]
                .find(value.as_str())
                .filter(|_| !value.is_empty())
                .map_or(start, |o| start + o);
            Some(Spanned::new(at..at + value.len(), value))
        };
        let text = |name: &str| cell(name).map(|s| s.into_inner()).filter(|s| !s.is_empty());
        let Some(number) = cell("number") else {
            continue;
        };
        let comply = cell("comply").unwrap_or_else(|| Spanned::new(number.span(), String::new()));
        let mut actions = Vec::new();
        if let Some(action) = text("action") {
            let due = cell("due").unwrap_or_else(|| Spanned::new(number.span(), String::new()));
            let Some(date) = Date::parse(due.get_ref()) else {
                diags.push(
                    Diagnostic::error(format!("`{}` is not a due date", due.get_ref()))
                        .at(file, due.span())
                        .help("write the due date as YYYY-MM-DD, e.g. 2026-09-30"),
                );
                ok = false;
                continue;
            };
            actions.push(Action {
                action,
                owner: text("owner").unwrap_or_default(),
                due: Spanned::new(due.span(), date),
                status: cell("status")
                    .filter(|s| !s.get_ref().is_empty())
                    .unwrap_or_else(default_status),
            });
        }
        provisions.push(ProvisionAnswer {
            number,
            comply,
            evidence: text("evidence").unwrap_or_default(),
            commentary: text("commentary"),
            explanation: text("explanation"),
            actions,
        });
    }
    ok.then_some(SelfAssessmentFile {
        carried_over: None,
        approval: None,
        provisions,
    })
}
