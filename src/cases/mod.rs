//! The complaints log (a case management system's export, one row per complaint) turned into every count and
//! measure of the report, with the Code's timescales counted in working days.
//!
//! Counting a log by hand, in a spreadsheet, is where published reports go wrong: an average divided by the wrong
//! count, working days counted by a rule of the landlord's own, bank holidays forgotten. This module does the
//! counting once, by the rules in [`rules`], so the figures can be made again from the log by anyone.
//!
//! It sits at the data end of the pipeline, beside [`crate::data`]: it reads a file and produces a
//! [`summary::Summary`] of counts (and the [`crate::measures::Ratio`]s made from them). What it must not do: let
//! anything from a row other than counts and the landlord's own labels (categories, refusal reasons) into its output.
//! References, dates and amounts of single complaints go no further than diagnostics, which are for the person who
//! runs redress and point at the row to fix.
//!
//! The steps, one module each:
//! - [`read`]: the CSV or workbook, into rows of cells that know their line and column;
//! - [`columns`]: which cell is which column, by the header row and site.toml's `[cases.columns]`;
//! - [`values`]: dates, outcomes, tenures, money;
//! - [`rows`]: one row into a [`rows::Case`], with a [`Fault`] for each problem;
//! - [`calendar`] and [`bank_holidays`]: working days in England and Wales;
//! - [`rules`]: the Code's and the Regulator's rules, one complaint at a time;
//! - [`summary`]: the counts per year, tenure and stage;
//! - [`report`]: the summary for people (text) and programs (JSON).
//!
//! A row with an error is set aside: reported with its file, line and column, left out of every count, and counted
//! among the rows set aside, so `read == used + set aside` always holds and nothing drops out unseen.

pub(crate) mod bank_holidays;
pub(crate) mod calendar;
pub(crate) mod columns;
pub(crate) mod read;
pub(crate) mod report;
pub(crate) mod rows;
pub(crate) mod rules;
pub(crate) mod summary;
pub(crate) mod values;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Result;

use crate::config::{CaseColumns, CasesConfig, DateOrder};
use crate::data::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use calendar::Calendar;
use columns::{match_header, Column, Renames};
use read::{Row, Table, Typed};
use rules::{CaseFacts, FinancialYear};
use summary::Summary;

/// How to read a log: the site's `[cases]` settings, or the defaults outside a site.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Day or month first in dates such as 01/04/2025.
    pub(crate) date_order: DateOrder,
    /// The landlord's own closure days.
    pub(crate) closure_days: Vec<Date>,
    /// Column headings that differ from the default names.
    pub(crate) renames: Renames,
}

impl Options {
    /// The options site.toml's `[cases]` gives.
    pub(crate) fn from_config(config: &CasesConfig) -> Options {
        Options {
            date_order: config.date_order,
            closure_days: config.closure_days.clone(),
            renames: renames(&config.columns),
        }
    }
}

/// `[cases.columns]` as a map from column to heading.
fn renames(c: &CaseColumns) -> Renames {
    let fields = [
        (Column::Reference, &c.reference),
        (Column::Tenure, &c.tenure),
        (Column::Category, &c.category),
        (Column::Stage1Received, &c.stage1_received),
        (Column::Stage1Acknowledged, &c.stage1_acknowledged),
        (Column::Stage1ExtendedTo, &c.stage1_extended_to),
        (Column::Stage1Responded, &c.stage1_responded),
        (Column::Stage1Outcome, &c.stage1_outcome),
        (Column::Stage2Received, &c.stage2_received),
        (Column::Stage2Acknowledged, &c.stage2_acknowledged),
        (Column::Stage2ExtendedTo, &c.stage2_extended_to),
        (Column::Stage2Responded, &c.stage2_responded),
        (Column::Stage2Outcome, &c.stage2_outcome),
        (Column::Refused, &c.refused),
        (Column::Compensation, &c.compensation),
    ];
    fields
        .into_iter()
        .filter_map(|(col, name)| name.clone().map(|n| (col, n)))
        .collect()
}

/// A problem with one row, on the cell it is about (or the whole row when `column` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    /// An error sets the row aside; a warning does not.
    pub(crate) severity: Severity,
    /// The cell.
    pub(crate) column: Option<Column>,
    /// What is wrong.
    pub(crate) message: String,
    /// The label beside the caret.
    pub(crate) label: String,
    /// What to do.
    pub(crate) help: String,
}

impl Fault {
    /// An error: the row is set aside.
    pub(crate) fn error(
        column: Option<Column>,
        message: String,
        label: &str,
        help: impl Into<String>,
    ) -> Fault {
        Fault {
            severity: Severity::Error,
            column,
            message,
            label: label.to_string(),
            help: help.into(),
        }
    }

    /// A warning: the row is counted.
    pub(crate) fn warning(
        column: Option<Column>,
        message: String,
        label: &str,
        help: impl Into<String>,
    ) -> Fault {
        Fault {
            severity: Severity::Warning,
            ..Fault::error(column, message, label, help)
        }
    }

    /// True for an error.
    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Reads and counts the log at `path` (shown as `name`). `Ok(None)` when the file is not a log that can be
/// counted (no header row, a required column missing), with the reasons in `diags`; `Err` when it cannot be read.
pub(crate) fn count_file(
    path: &Path,
    name: &str,
    options: &Options,
    diags: &mut Diagnostics,
) -> Result<Option<Summary>> {
    let Some(table) = read::read(path, name, &options.renames, diags)? else {
        return Ok(None);
    };
    Ok(count_table(&table, options, diags))
}

/// Counts a log already read. `None` when its header row has errors.
pub(crate) fn count_table(
    table: &Table,
    options: &Options,
    diags: &mut Diagnostics,
) -> Option<Summary> {
    let headers: Vec<String> = table.header.texts().map(String::from).collect();
    let header = match_header(&headers, &options.renames);
    let mut header_ok = true;
    for p in &header.problems {
        let span = match p.cell {
            Some(i) => table.cell_span(&table.header, i),
            None => table.row_span(&table.header),
        };
        let d = if p.error {
            header_ok = false;
            Diagnostic::error(p.message.clone())
        } else {
            Diagnostic::warning(p.message.clone())
        };
        diags.push(
            d.at(&table.source, span)
                .label(p.label.clone())
                .help(p.help.clone()),
        );
    }
    if !header_ok {
        return None;
    }
    let calendar = Calendar::new(&options.closure_days);
    let width = table.header.len();
    let mut blank = 0;
    let mut warnings = Warnings::default();
    let mut results: Vec<RowResult<'_>> = Vec::new();
    for row in &table.rows {
        if row.is_blank() {
            blank += 1;
            continue;
        }
        let (case, faults) = rows::parse_row(row, &header, width, options.date_order);
        let mut errors = false;
        for f in faults {
            errors |= f.is_error();
            warnings.push(table, row, &header, f, diags);
        }
        let facts = match case {
            Some(case) if !errors => match rules::assess(case, &calendar) {
                Ok(facts) => Ok(facts),
                Err(f) => {
                    warnings.push(table, row, &header, f, diags);
                    Err(())
                }
            },
            _ => Err(()),
        };
        let reference = header
            .get(Column::Reference)
            .and_then(|i| row.text(i))
            .map(reference_key)
            .filter(|r| !r.is_empty());
        let facts = facts.map_err(|()| stage1_year(row, &header, options.date_order));
        results.push(RowResult {
            row,
            reference,
            facts,
        });
    }
    warnings.finish(diags);
    set_aside_duplicates(table, &header, &mut results, options.date_order, diags);
    report_outside_calendar(table, &results, diags);
    let mut used = Vec::new();
    let mut set_aside = Vec::new();
    for r in results {
        match r.facts {
            Ok(f) => used.push(f),
            Err(year) => set_aside.push(year),
        }
    }
    Some(Summary::build(&used, &set_aside, blank))
}

/// A reference as duplicates are found: without the spaces around it, and in capitals, so `ah-1` and `AH-1 `
/// are the same complaint. Most references are already so, and are borrowed rather than copied.
fn reference_key(text: &str) -> Cow<'_, str> {
    let t = text.trim();
    if t.bytes().any(|b| b.is_ascii_lowercase()) || !t.is_ascii() {
        Cow::Owned(t.to_uppercase())
    } else {
        Cow::Borrowed(t)
    }
}

/// One row read: its facts when it can be counted, or else the year it would have counted in.
struct RowResult<'a> {
    row: &'a Row,
    /// The reference, as [`reference_key`] gives it, to find duplicates.
    reference: Option<Cow<'a, str>>,
    facts: Result<CaseFacts, Option<FinancialYear>>,
}

/// The year a set-aside row would have counted in, if its stage 1 received date can be read.
fn stage1_year(
    row: &Row,
    header: &columns::HeaderMatch,
    order: DateOrder,
) -> Option<FinancialYear> {
    let i = header.get(Column::Stage1Received)?;
    let date = match row.typed(i) {
        Some(Typed::Date(d)) => Some(d),
        Some(Typed::Number(n)) => values::date_from_serial(n),
        None => values::parse_date(row.text(i)?, order).ok(),
    }?;
    Some(FinancialYear::of(date))
}

/// Every row whose reference another row also has is set aside: with two rows for one complaint, neither can be
/// trusted, and keeping the first would make the counts depend on the order of the rows.
fn set_aside_duplicates(
    table: &Table,
    header: &columns::HeaderMatch,
    results: &mut [RowResult<'_>],
    order: DateOrder,
    diags: &mut Diagnostics,
) {
    // Count each reference first, and keep the lines only of those used more than once.
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(results.len());
    for r in results.iter() {
        if let Some(reference) = &r.reference {
            *seen.entry(reference.as_ref()).or_default() += 1;
        }
    }
    let mut duplicated: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for r in results.iter() {
        if let Some(reference) = r.reference.as_deref().filter(|x| seen.get(x) > Some(&1)) {
            duplicated
                .entry(reference.to_string())
                .or_default()
                .push(r.row.line);
        }
    }
    if duplicated.is_empty() {
        return;
    }
    for r in results.iter_mut() {
        let row = r.row;
        let Some(others) = r.reference.as_deref().and_then(|x| duplicated.get(x)) else {
            continue;
        };
        let index = header.get(Column::Reference);
        let span = index.map_or_else(|| table.row_span(row), |i| table.cell_span(row, i));
        let shown = index.and_then(|i| row.text(i)).map_or("", str::trim);
        let elsewhere: Vec<String> = others
            .iter()
            .filter(|l| **l != row.line)
            .map(ToString::to_string)
            .collect();
        diags.push(
            Diagnostic::error(format!(
                "the reference `{shown}` is also on line {}",
                elsewhere.join(" and line ")
            ))
            .at(&table.source, span)
            .label(label_for(table, index, "duplicate reference"))
            .help("each complaint is one row, with its own reference; every row with this reference is set aside until it appears once"),
        );
        if r.facts.is_ok() {
            r.facts = Err(stage1_year(row, header, order));
        }
    }
}

/// A caret label, with the cell's name (`D7`) in a workbook, where columns are letters.
fn label_for(table: &Table, cell: Option<usize>, label: &str) -> String {
    match (&table.sheet, cell) {
        (Some(sheet), Some(i)) => format!(
            "{label} (sheet {sheet}, column {})",
            read::column_letters(i)
        ),
        _ => label.to_string(),
    }
}

/// One warning for all the rows that use dates outside the built-in bank holidays, naming the first.
fn report_outside_calendar(table: &Table, results: &[RowResult<'_>], diags: &mut Diagnostics) {
    let outside: Vec<(&Row, Date)> = results
        .iter()
        .filter_map(|r| Some((r.row, r.facts.as_ref().ok()?.outside_calendar?)))
        .collect();
    let Some((first, date)) = outside.first() else {
        return;
    };
    let others = match outside.len() {
        1 => String::new(),
        n => format!(" (and {} more rows)", n - 1),
    };
    diags.push(
        Diagnostic::warning(format!(
            "{} falls outside the years whose bank holidays redress knows (2019 to 2030){others}",
            date.long()
        ))
        .at(&table.source, table.row_span(first))
        .label("working days counted without bank holidays")
        .help("working days on such dates skip weekends and site.toml's [cases] closure_days only; add that year's bank holidays as closure_days, or update redress"),
    );
}

/// Warnings that repeat (an unknown tenure on 300 rows) are reported once, at their first row, with a count and the
/// lines of the next few; errors are always reported on every row, since each row needs fixing.
#[derive(Default)]
struct Warnings {
    seen: BTreeMap<String, (Diagnostic, Vec<usize>)>,
}

impl Warnings {
    fn push(
        &mut self,
        table: &Table,
        row: &Row,
        header: &columns::HeaderMatch,
        f: Fault,
        diags: &mut Diagnostics,
    ) {
        let index = f.column.and_then(|c| header.get(c));
        let span = index.map_or_else(|| table.row_span(row), |i| table.cell_span(row, i));
        let error = f.is_error();
        let d = if error {
            Diagnostic::error(f.message.clone())
        } else {
            Diagnostic::warning(f.message.clone())
        }
        .at(&table.source, span)
        .label(label_for(table, index, &f.label))
        .help(f.help);
        if error {
            diags.push(d);
            return;
        }
        self.seen
            .entry(f.message)
            .and_modify(|(_, lines)| lines.push(row.line))
            .or_insert((d, Vec::new()));
    }

    fn finish(self, diags: &mut Diagnostics) {
        for (_, (mut d, lines)) in self.seen {
            if !lines.is_empty() {
                let shown: Vec<String> = lines.iter().take(10).map(ToString::to_string).collect();
                let more = if lines.len() > 10 { ", …" } else { "" };
                let note = format!(
                    "the same on {} more row{} (line{} {}{more})",
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" },
                    if lines.len() == 1 { "" } else { "s" },
                    shown.join(", ")
                );
                d.help = Some(match d.help {
                    Some(h) => format!("{h}\n{note}"),
                    None => note,
                });
            }
            diags.push(d);
        }
    }
}
